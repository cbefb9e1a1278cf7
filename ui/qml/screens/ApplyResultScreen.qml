import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// What came of the application: submitted (请取走回执), saved for later with the local
// reference, the receipt shown as a QR when it could not print (请拍照留存, 重新打印 once the
// printer is back), or not saved at all. After 申请已提交, each instant certificate says whether
// the A4 printer printed it, or shows its verify QR and 请到人工窗口打印.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            width: 160; height: 160; radius: 80
            color: kiosk.tone === "error" ? "#FDECEA" : "#E6F4EA"
            Text {
                anchors.centerIn: parent
                text: kiosk.symbol
                font.family: Theme.fontFamily
                font.pixelSize: 88
                font.bold: true
                color: kiosk.tone === "error" ? Theme.accent : Theme.success
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
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            Image {
                objectName: "receipt_qr"
                visible: kiosk.screen === "apply_print_failed" && apply.receiptQr.length > 0
                Layout.preferredWidth: visible ? 360 : 0
                Layout.preferredHeight: visible ? 360 : 0
                sourceSize: Qt.size(360, 360)
                source: visible ? apply.receiptQr : ""
                cache: false
            }
            // The paid fees' receipt did not print either: its e-invoice QR and the amount.
            ColumnLayout {
                visible: kiosk.screen === "apply_print_failed" && payment.invoiceQr !== ""
                spacing: 8
                Image {
                    objectName: "payment_invoice_qr"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 240
                    Layout.preferredHeight: 240
                    sourceSize: Qt.size(240, 240)
                    source: parent.visible ? payment.invoiceQr : ""
                }
                Text {
                    objectName: "payment_amount"
                    Layout.alignment: Qt.AlignHCenter
                    text: payment.amountLine + "\n" + payment.word("invoice")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }
        Text {
            visible: kiosk.screen === "apply_print_failed"
            Layout.fillWidth: true
            text: apply.word("photo")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.accent
            horizontalAlignment: Text.AlignHCenter
        }
        Repeater {
            model: kiosk.screen === "apply_done" ? apply.certificates : []
            ColumnLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 8
                Text {
                    objectName: "instant_certificate_note"
                    Layout.fillWidth: true
                    text: modelData.note
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: modelData.qr.length > 0 ? Theme.accent : Theme.success
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                Image {
                    objectName: "certificate_verify_qr"
                    visible: modelData.qr.length > 0
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: visible ? 280 : 0
                    Layout.preferredHeight: visible ? 280 : 0
                    sourceSize: Qt.size(280, 280)
                    source: modelData.qr
                    cache: false
                }
            }
        }
        Repeater {
            model: apply.numbers
            Rectangle {
                required property var modelData
                Layout.fillWidth: true
                implicitHeight: numberColumn.implicitHeight + 32
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.divider
                ColumnLayout {
                    id: numberColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: 16 }
                    spacing: 4
                    Text {
                        Layout.fillWidth: true
                        text: modelData.matter
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        elide: Text.ElideRight
                    }
                    Text {
                        objectName: "application_no"
                        Layout.fillWidth: true
                        text: modelData.no
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.primaryDark
                        horizontalAlignment: Text.AlignHCenter
                    }
                    Text {
                        visible: modelData.code.length > 0
                        Layout.fillWidth: true
                        text: apply.word("query_code") + " " + modelData.code
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
            }
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
