import QtQuick
import QtQuick.Controls.Basic
import ".."

// A large text field. ImhSensitiveData keeps the Pinyin engine from learning what a citizen
// types (verified: with it, a chosen phrase is not offered first to the next person);
// no selection handles, no edit menu, no clipboard.
TextField {
    id: field
    property int extraHints: 0
    implicitHeight: 112
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    color: Theme.text
    placeholderTextColor: Theme.textDisabled
    leftPadding: 32
    rightPadding: 32
    selectByMouse: false
    persistentSelection: false
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoEditMenu | Qt.ImhNoTextHandles | extraHints
    ContextMenu.menu: null
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: field.activeFocus ? 4 : 2
        border.color: field.activeFocus ? Theme.primary : Theme.divider
    }
}
