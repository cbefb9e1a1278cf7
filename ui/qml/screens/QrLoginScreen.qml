import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Log in with the provincial app's personal QR code, held under the scanner window.
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
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 460
            Rectangle {
                id: phone
                anchors.centerIn: parent
                width: 260; height: 440; radius: 36
                color: "#2B3A55"
                Rectangle {
                    anchors.fill: parent; anchors.margins: 18; radius: 22
                    color: "white"
                    Image {
                        objectName: "qr_illustration"
                        anchors.centerIn: parent
                        width: 200; height: 200
                        source: identity.sampleCode
                        sourceSize.width: 200
                        sourceSize.height: 200
                        smooth: false
                    }
                }
                SequentialAnimation on anchors.verticalCenterOffset {
                    loops: Animation.Infinite
                    running: screen.visible
                    NumberAnimation { from: -40; to: 40; duration: 1500; easing.type: Easing.InOutQuad }
                    NumberAnimation { from: 40; to: -40; duration: 1500; easing.type: Easing.InOutQuad }
                }
            }
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                width: 420; height: 16; radius: 8
                color: Theme.accent
                SequentialAnimation on opacity {
                    loops: Animation.Infinite
                    running: screen.visible
                    NumberAnimation { to: 0.3; duration: 700 }
                    NumberAnimation { to: 1.0; duration: 700 }
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
