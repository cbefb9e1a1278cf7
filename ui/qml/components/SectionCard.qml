import QtQuick
import QtQuick.Layouts
import ".."

// One section of a guide: a heading and lines of text (a list or a paragraph).
Rectangle {
    id: card
    property string title: ""
    property var lines: []
    implicitHeight: column.implicitHeight + 56
    radius: Theme.radius
    color: Theme.surface
    border.width: 1
    border.color: Theme.divider
    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 28 }
        spacing: 12
        Text {
            text: card.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primaryDark
        }
        Repeater {
            model: card.lines
            Text {
                required property string modelData
                Layout.fillWidth: true
                text: modelData
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
                lineHeight: 1.15
            }
        }
    }
}
