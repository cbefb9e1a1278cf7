import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// 查询进度: hold the receipt's QR code under the scanner (no login: its query code is the
// key), or place the ID card to list one's own applications. A refused code says what it was.
Item {
    id: screen
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
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
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.screen === "progress_scan" ? progressQuery.word("scan_hint") : ""
            visible: text.length > 0
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primaryDark
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Rectangle {
            objectName: "progress_notice"
            visible: progressQuery.notice.length > 0
            Layout.fillWidth: true
            implicitHeight: notice.implicitHeight + 48
            radius: Theme.radius
            color: "#FDECEA"
            Text {
                id: notice
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 32 }
                text: progressQuery.notice
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.accent
                wrapMode: Text.WordWrap
                lineHeight: 1.15
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 420
            Rectangle {
                id: receipt
                anchors.centerIn: parent
                width: 300; height: 400; radius: 12
                color: "white"
                border.color: Theme.divider
                border.width: 2
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 28
                    spacing: 14
                    Repeater {
                        model: 3
                        Rectangle { Layout.fillWidth: true; height: 14; radius: 7; color: Theme.divider }
                    }
                    Rectangle {
                        Layout.alignment: Qt.AlignHCenter
                        width: 170; height: 170
                        color: "white"
                        border.color: Theme.text
                        border.width: 10
                        Rectangle { anchors.centerIn: parent; width: 70; height: 70; color: Theme.text }
                    }
                }
                SequentialAnimation on anchors.verticalCenterOffset {
                    loops: Animation.Infinite
                    running: screen.visible
                    NumberAnimation { from: -30; to: 30; duration: 1500; easing.type: Easing.InOutQuad }
                    NumberAnimation { from: 30; to: -30; duration: 1500; easing.type: Easing.InOutQuad }
                }
            }
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                width: 420; height: 16; radius: 8
                color: Theme.accent
            }
        }
        Text {
            objectName: "progress_card_hint"
            Layout.fillWidth: true
            text: progressQuery.word("card_hint")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
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
