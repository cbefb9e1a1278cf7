import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."

// The top bar: national-emblem-like mark, hall name, date and time; in elderly mode a line
// under it says where a person helps (`helpLine`, empty otherwise).
Rectangle {
    id: header
    property string helpLine: ""
    property string hallName: ""
    property string dateText: ""
    property string timeText: ""
    // The technicians' hidden gesture: five taps in the top-left corner within 3 s.
    signal cornerGesture()
    property var cornerTaps: []
    implicitHeight: Theme.headerHeight + (helpLine.length > 0 ? helpBar.height : 0)
    gradient: Gradient {
        orientation: Gradient.Horizontal
        GradientStop { position: 0.0; color: Theme.primaryDark }
        GradientStop { position: 1.0; color: Theme.primary }
    }
    RowLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.headerHeight
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: 24
        Image {
            objectName: "header_logo"
            visible: branding.logo.length > 0
            Layout.preferredWidth: visible ? 96 : 0
            Layout.preferredHeight: 96
            sourceSize: Qt.size(96, 96)
            fillMode: Image.PreserveAspectFit
            source: branding.logo
        }
        Rectangle {
            visible: branding.logo.length === 0
            Layout.preferredWidth: visible ? 96 : 0; Layout.preferredHeight: 96
            radius: 48
            color: "white"
            Text {
                anchors.centerIn: parent
                text: qsTr("政")
                color: Theme.primary
                font.family: Theme.fontFamily
                font.pixelSize: 54
                font.bold: true
            }
        }
        Column {
            Layout.fillWidth: true
            spacing: 2
            Text {
                width: parent.width
                text: header.hallName
                color: "white"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                // A long hall name in elderly mode shrinks to fit rather than being cut.
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            Text {
                text: qsTr("政务服务自助终端")
                color: "#CFE0FA"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
        Column {
            Layout.alignment: Qt.AlignVCenter | Qt.AlignRight
            Text {
                objectName: "header_time"
                anchors.right: parent.right
                text: header.timeText
                color: "white"
                font.family: Theme.fontFamily
                font.pixelSize: 52
                font.bold: true
            }
            Text {
                anchors.right: parent.right
                text: header.dateText
                color: "#CFE0FA"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
    }
    AbstractButton {
        objectName: "header_corner"
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: 200
        focusPolicy: Qt.NoFocus
        background: Item {}
        onClicked: {
            const now = Date.now()
            header.cornerTaps = header.cornerTaps.filter(t => now - t < 3000).concat([now])
            if (header.cornerTaps.length >= 5) {
                header.cornerTaps = []
                header.cornerGesture()
            }
        }
    }
    Rectangle {
        id: helpBar
        objectName: "header_help"
        visible: header.helpLine.length > 0
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: helpText.implicitHeight + 24
        color: Theme.surface
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 2; color: Theme.divider }
        Text {
            id: helpText
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                      leftMargin: Theme.margin; rightMargin: Theme.margin }
            text: "☎ " + header.helpLine
            color: Theme.primaryDark
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.WordWrap
        }
    }
}
