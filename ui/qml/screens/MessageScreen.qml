import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// A message with its actions: card errors, face retry, referral to a window,
// out of service and placeholders all use it; the view-model supplies the words.
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
        Item { Layout.preferredHeight: 24 }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
