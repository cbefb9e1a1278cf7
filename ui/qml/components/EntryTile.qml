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
        // In elderly mode the symbol sits beside the larger name, so the tile keeps its height.
        Grid {
            columns: Theme.elderly ? 2 : 1
            spacing: 14
            verticalItemAlignment: Grid.AlignVCenter
            Rectangle {
                width: Theme.elderly ? 84 : 104; height: width; radius: width / 2
                color: tile.primary ? "white" : tile.tint
                Text {
                    anchors.centerIn: parent
                    text: tile.symbol
                    color: tile.primary ? Theme.primary : "white"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.elderly ? 44 : 52
                    font.bold: true
                }
            }
            Text {
                width: Math.min(implicitWidth, tile.width - 64 - (Theme.elderly ? 98 : 0))
                text: tile.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: Theme.fontLarge
                color: tile.primary ? "white" : Theme.text
            }
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
