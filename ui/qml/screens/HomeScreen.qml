import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Home: a greeting, seven big entries (办事 first), the hall's phone and the camera notice.
Item {
    id: screen
    readonly property bool portrait: height >= width * 0.9

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("您好，请选择要办理的业务")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("一次办好 · 全程自助 · 信息不留存")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: screen.portrait ? 2 : 4
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Repeater {
                model: kiosk.homeEntries
                EntryTile {
                    required property var modelData
                    required property int index
                    objectName: "home_" + modelData.id
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: 300
                    Layout.columnSpan: screen.portrait && index === 0 ? 2 : 1
                    text: modelData.label
                    hint: modelData.hint
                    symbol: modelData.symbol
                    primary: index === 0
                    tint: modelData.id === "elderly_mode" ? Theme.success : Theme.primaryDark
                    onClicked: kiosk.intent("home." + modelData.id)
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: notice.implicitHeight + 40
            radius: Theme.radius
            color: Theme.primaryLight
            Text {
                id: notice
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 28 }
                text: qsTr("本机设有摄像头，仅在您同意后用于人脸核验。咨询电话 %1").arg(kiosk.hallPhone)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.primaryDark
                wrapMode: Text.WordWrap
            }
        }
    }
}
