import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The certificate did not print: go to the staffed window; meanwhile its verify QR code opens
// the electronic certificate on the citizen's phone.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.accent
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
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
            lineHeight: 1.2
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            visible: certificates.verifyQr !== ""
            width: 520; height: 520
            color: "white"
            radius: Theme.radius
            border.width: 2
            border.color: Theme.divider
            Image {
                objectName: "certificate_verify_qr"
                anchors.centerIn: parent
                width: 480; height: 480
                sourceSize: Qt.size(480, 480)
                source: certificates.verifyQr
                smooth: false
            }
        }
        Text {
            Layout.fillWidth: true
            text: certificates.title + "\n" + qsTr("办件编号 %1").arg(certificates.applicationNo)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
