import QtQuick
import QtQuick.Controls.Basic
import ".."

// The idle attract loop: slow slides about what the terminal does; any touch starts.
Rectangle {
    id: screen
    objectName: "attract"
    gradient: Gradient {
        GradientStop { position: 0.0; color: Theme.primaryDark }
        GradientStop { position: 1.0; color: Theme.primary }
    }
    property int slide: 0
    readonly property var slides: kiosk.attractSlides

    Timer {
        interval: 5000; repeat: true; running: screen.visible && screen.slides.length > 1
        onTriggered: screen.slide = (screen.slide + 1) % screen.slides.length
    }

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: 48
        Text {
            width: parent.width
            text: kiosk.hallName
            color: "#CFE0FA"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            id: headline
            width: parent.width
            text: screen.slides.length ? screen.slides[screen.slide].title : ""
            color: "white"
            font.family: Theme.fontFamily
            font.pixelSize: 88
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Behavior on text {
                SequentialAnimation {
                    NumberAnimation { target: headline; property: "opacity"; to: 0; duration: 300 }
                    PropertyAction {}
                    NumberAnimation { target: headline; property: "opacity"; to: 1; duration: 300 }
                }
            }
        }
        Text {
            width: parent.width
            text: screen.slides.length ? screen.slides[screen.slide].body : ""
            color: "#E6EEFB"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Item { width: 1; height: 80 }
        Rectangle {
            id: pill
            anchors.horizontalCenter: parent.horizontalCenter
            width: 620; height: 132; radius: 66
            color: "white"
            Text {
                anchors.centerIn: parent
                text: qsTr("轻触屏幕开始办理")
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
            }
            SequentialAnimation on scale {
                loops: Animation.Infinite
                running: screen.visible
                NumberAnimation { to: 1.06; duration: 900; easing.type: Easing.InOutQuad }
                NumberAnimation { to: 1.0; duration: 900; easing.type: Easing.InOutQuad }
            }
        }
    }

    Button {
        objectName: "attract_wake"
        anchors.fill: parent
        focusPolicy: Qt.NoFocus
        background: Item {}
        contentItem: Item {}
        onClicked: kiosk.intent("wake")
    }
}
