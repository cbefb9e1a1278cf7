import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Where a payment stands: awaiting confirmation on the phone, paid (with the e-invoice QR),
// not completed, QR expired or cancelled; always with the amount and the order number.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing * 1.5
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            width: 180; height: 180; radius: 90
            color: kiosk.tone === "error" ? "#FDECEA" : kiosk.tone === "success" ? "#E6F4EA" : Theme.primaryLight
            Text {
                anchors.centerIn: parent
                text: kiosk.symbol
                font.family: Theme.fontFamily
                font.pixelSize: 96
                font.bold: true
                color: kiosk.tone === "error" ? Theme.accent : kiosk.tone === "success" ? Theme.success : Theme.primary
            }
        }
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
            lineHeight: 1.2
        }
        Image {
            objectName: "payment_invoice_qr"
            Layout.alignment: Qt.AlignHCenter
            visible: payment.invoiceQr !== ""
            width: 320; height: 320
            sourceSize: Qt.size(320, 320)
            source: payment.invoiceQr
            smooth: false
        }
        Text {
            Layout.fillWidth: true
            visible: payment.invoiceQr !== ""
            text: payment.word("invoice")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
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
