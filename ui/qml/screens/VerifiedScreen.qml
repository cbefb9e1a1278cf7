import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Identity established: the masked name (张*) and the way on; while the card is off the
// reader, the countdown before the session ends.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing * 1.5
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            width: 200; height: 200; radius: 100
            color: kiosk.tone === "success" ? "#E6F4EA" : "#FFF4E0"
            Text {
                objectName: "verified_symbol"
                anchors.centerIn: parent
                text: kiosk.symbol
                font.family: Theme.fontFamily
                font.pixelSize: 120
                font.bold: true
                color: kiosk.tone === "success" ? Theme.success : Theme.warning
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
        }
        Text {
            objectName: "verified_name"
            Layout.fillWidth: true
            text: identity.maskedName
            font.family: Theme.fontFamily
            font.pixelSize: 72
            font.bold: true
            color: Theme.primaryDark
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle {
            objectName: "card_grace_warning"
            Layout.fillWidth: true
            visible: kiosk.warning.length > 0
            implicitHeight: warningText.implicitHeight + 48
            radius: Theme.radius
            color: "#FDECEA"
            border.width: 3
            border.color: Theme.accent
            Text {
                id: warningText
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 24 }
                text: kiosk.warning
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.accent
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
