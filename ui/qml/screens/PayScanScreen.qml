import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Waiting for the citizen's payment code (付款码) at the scanner, with the amount.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing * 1.5
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
            font.bold: payment.problem
            color: payment.problem ? Theme.accent : Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            lineHeight: 1.2
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: "▼"
            font.pixelSize: 160
            color: Theme.primary
        }
        Text {
            Layout.fillWidth: true
            text: payment.word("scanner_below") + "\n" + payment.word("wallets")
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
