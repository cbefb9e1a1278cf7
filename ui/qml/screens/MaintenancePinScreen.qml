import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The technician's PIN pad: digits shown as dots (they stay in the view-model, never in a
// field), wrong tries and the lockout said in plain words.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 760)
        spacing: Theme.spacing
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
        }
        Row {
            objectName: "pin_dots"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredHeight: 56
            spacing: 20
            Repeater {
                model: Math.max(6, maintenance.pinLength)
                Rectangle {
                    required property int index
                    width: 40; height: 40; radius: 20
                    color: index < maintenance.pinLength ? Theme.primary : "transparent"
                    border.width: 3
                    border.color: Theme.primary
                }
            }
        }
        Text {
            objectName: "pin_message"
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            text: maintenance.pinMessage
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: maintenance.pinBusy ? Theme.textSecondary : Theme.accent
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            rowSpacing: 20
            columnSpacing: 20
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"]
                BigButton {
                    required property string modelData
                    objectName: "pin_" + modelData
                    Layout.fillWidth: true
                    Layout.preferredHeight: 128
                    primary: modelData === "ok"
                    enabled: !maintenance.pinBusy
                    text: modelData === "erase" ? qsTr("删除") : modelData === "ok" ? qsTr("确定") : modelData
                    font.pixelSize: modelData.length === 1 ? 56 : Theme.fontLarge
                    onClicked: {
                        if (modelData === "erase") maintenance.erase()
                        else if (modelData === "ok") maintenance.submitPin()
                        else maintenance.digit(modelData)
                    }
                }
            }
        }
    }
}
