import QtQuick
import QtQuick.Controls.Basic
import ".."

// A large multi-line text field (a comment): the same input-method hints as KioskTextField
// (ImhSensitiveData keeps the Pinyin engine from learning what a citizen types), no
// selection handles, no edit menu, no clipboard; the text wraps.
TextArea {
    id: area
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    color: Theme.text
    placeholderTextColor: Theme.textDisabled
    wrapMode: TextEdit.Wrap
    padding: 28
    selectByMouse: false
    persistentSelection: false
    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoEditMenu | Qt.ImhNoTextHandles
    ContextMenu.menu: null
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: area.activeFocus ? 4 : 2
        border.color: area.activeFocus ? Theme.primary : Theme.divider
    }
}
