import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// "请将身份证放在感应区": an animated card settling onto the reader, and the QR-login
// alternative for citizens without their card. While the reader is not working (tone
// "error") the card is not asked for: the words and buttons offer what still works.
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
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }

        Text {
            objectName: "reader_down"
            visible: kiosk.tone === "error"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 80
            text: "!"
            font.family: Theme.fontFamily
            font.pixelSize: 160
            font.bold: true
            color: Theme.accent
        }
        Item {
            visible: kiosk.tone === "error"
            Layout.fillHeight: true
        }
        Item {
            id: stage
            visible: kiosk.tone !== "error"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 420
            Rectangle {
                id: reader
                width: 560; height: 200
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: 40
                radius: 24
                color: "#2B3A55"
                Rectangle {
                    anchors.centerIn: parent
                    width: 420; height: 120; radius: 14
                    color: "#3C5278"
                    border.width: 3
                    border.color: "#7FB0FF"
                    Text {
                        anchors.centerIn: parent
                        text: qsTr("感应区")
                        color: "#CFE0FA"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                }
            }
            Rectangle {
                id: card
                width: 400; height: 252; radius: 20
                anchors.horizontalCenter: parent.horizontalCenter
                color: "#F5F1E6"
                border.width: 2
                border.color: "#C9BFA5"
                Rectangle { x: 24; y: 28; width: 96; height: 118; radius: 8; color: "#D9D2C0" }
                Column {
                    x: 140; y: 34; spacing: 14
                    Repeater {
                        model: 4
                        Rectangle { width: 220 - index * 30; height: 16; radius: 8; color: "#D9D2C0" }
                    }
                }
                Text {
                    anchors { left: parent.left; bottom: parent.bottom; margins: 24 }
                    text: qsTr("居民身份证")
                    font.family: Theme.fontFamily
                    font.pixelSize: 28
                    color: "#8A7E62"
                }
                SequentialAnimation on y {
                    loops: Animation.Infinite
                    running: stage.visible
                    NumberAnimation { from: 0; to: stage.height - 300; duration: 1400; easing.type: Easing.OutCubic }
                    PauseAnimation { duration: 1200 }
                    NumberAnimation { to: 0; duration: 500; easing.type: Easing.InQuad }
                    PauseAnimation { duration: 300 }
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
