import QtQuick
import QtQuick.Controls.Basic
import ".."

// A home-screen entry: a big tile with a symbol, a name and a one-line explanation.
Button {
    id: tile
    property string symbol: ""
    property string hint: ""
    property color tint: Theme.primary
    property bool primary: false
    focusPolicy: Qt.NoFocus
    implicitHeight: 300

    background: Rectangle {
        radius: Theme.radius + 4
        color: tile.primary ? (tile.down ? Theme.primaryDark : Theme.primary)
                            : (tile.down ? Theme.primaryLight : Theme.surface)
        border.width: 2
        border.color: Theme.divider
        Rectangle {
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 0 }
            width: 14
            radius: Theme.radius
            visible: !tile.primary
            color: tile.tint
        }
    }
    contentItem: Column {
        spacing: 14
        leftPadding: 32
        topPadding: 8
        Rectangle {
            width: 104; height: 104; radius: 52
            color: tile.primary ? "white" : tile.tint
            Text {
                anchors.centerIn: parent
                text: tile.symbol
                color: tile.primary ? Theme.primary : "white"
                font.family: Theme.fontFamily
                font.pixelSize: 52
                font.bold: true
            }
        }
        Text {
            text: tile.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: tile.primary ? "white" : Theme.text
        }
        Text {
            width: tile.width - 64
            text: tile.hint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: tile.primary ? "#DDE8FA" : Theme.textSecondary
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
