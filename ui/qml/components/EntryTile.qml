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
    // The symbol sits beside the name when the symbol above the name and two lines of hint
    // would not fit the tile (elderly mode, a profile's larger text, a short screen).
    readonly property bool compact: Theme.elderly
        || height < 8 + 104 + 14 + Theme.fontHeading * 1.5 + 14 + Theme.fontSmall * 3 + 16

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
        Grid {
            columns: tile.compact ? 2 : 1
            spacing: 14
            verticalItemAlignment: Grid.AlignVCenter
            Rectangle {
                width: tile.compact ? 84 : 104; height: width; radius: width / 2
                color: tile.primary ? "white" : tile.tint
                Text {
                    anchors.centerIn: parent
                    text: tile.symbol
                    color: tile.primary ? Theme.primary : "white"
                    font.family: Theme.fontFamily
                    font.pixelSize: tile.compact ? 44 : 52
                    font.bold: true
                }
            }
            Text {
                width: Math.min(implicitWidth, tile.width - 64 - (tile.compact ? 98 : 0))
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
