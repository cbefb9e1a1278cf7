import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// 补打回执 done (请取走回执), or the receipt shown as a QR when it could not print (请拍照留存,
// 重新打印 once the printer is back), with the chosen receipt's numbers and query codes.
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
        Image {
            objectName: "receipt_qr"
            visible: kiosk.screen === "reprint_print_failed" && reprint.receiptQr.length > 0
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: visible ? 360 : 0
            Layout.preferredHeight: visible ? 360 : 0
            sourceSize: Qt.size(360, 360)
            source: visible ? reprint.receiptQr : ""
            cache: false
        }
        Text {
            visible: kiosk.screen === "reprint_print_failed"
            Layout.fillWidth: true
            text: reprint.word("photo")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.accent
            horizontalAlignment: Text.AlignHCenter
        }
        Repeater {
            model: reprint.numbers
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
                        text: reprint.word("query_code") + " " + modelData.code
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
