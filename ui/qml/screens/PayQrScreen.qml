import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The order's pay QR code, large, with the amount and the time it is still valid.
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
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "payment_amount"
            Layout.fillWidth: true
            text: payment.amountLine
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.accent
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
            Layout.alignment: Qt.AlignHCenter
            width: 640; height: 640
            color: "white"
            radius: Theme.radius
            border.width: 2
            border.color: Theme.divider
            Image {
                objectName: "payment_qr"
                anchors.centerIn: parent
                width: 600; height: 600
                sourceSize: Qt.size(600, 600)
                source: payment.payQr
                smooth: false
            }
        }
        Text {
            objectName: "payment_countdown"
            Layout.fillWidth: true
            text: payment.countdownText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: payment.orderLine
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
