import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The correction is in: what was supplied, the status now (or that it waits to be sent), and
// the progress QR again; 完成 ends the service.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            width: 160; height: 160; radius: 80
            color: "#E6F4EA"
            Text {
                anchors.centerIn: parent
                text: kiosk.symbol
                font.family: Theme.fontFamily
                font.pixelSize: 88
                font.bold: true
                color: Theme.success
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
        Repeater {
            model: progressQuery.outcome
            Text {
                required property string modelData
                required property int index
                objectName: "correction_outcome_" + index
                Layout.fillWidth: true
                text: modelData
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: index === 0
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WrapAnywhere
            }
        }
        Image {
            objectName: "receipt_qr"
            visible: progressQuery.receiptQr.length > 0
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: visible ? 300 : 0
            Layout.preferredHeight: visible ? 300 : 0
            sourceSize: Qt.size(300, 300)
            source: progressQuery.receiptQr
            cache: false
        }
        Item { Layout.preferredHeight: 12 }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
