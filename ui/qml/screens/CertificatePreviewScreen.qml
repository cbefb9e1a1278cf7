import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The issued certificate's first page, as it will print, and 打印证明.
Item {
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
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
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.divider
            radius: Theme.radius
            Image {
                objectName: "certificate_preview"
                anchors.fill: parent
                anchors.margins: 16
                source: certificates.preview
                cache: false
                fillMode: Image.PreserveAspectFit
                smooth: true
            }
        }
        Text {
            objectName: "certificate_number"
            Layout.fillWidth: true
            text: qsTr("办件编号 %1").arg(certificates.applicationNo)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
