import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import ".."

// Adjustments to the built-in keyboard style for a kiosk screen: the candidate bar (汉字
// choices while typing pinyin) is tall with text as large as body text (the built-in one
// scales to about 18 px on a 1080 px wide panel), and a key that is disabled for now (the
// Pinyin syllable separator ' left of z, usable only while composing) is drawn greyed but
// legible instead of as a blank key.
Item {
    id: tuning
    required property InputPanel panel
    readonly property var style: panel.keyboard ? panel.keyboard.style : null

    Binding {
        when: tuning.style !== null
        target: tuning.style
        property: "selectionListHeight"
        value: 104
    }
    Binding {
        when: tuning.style !== null
        target: tuning.style
        property: "selectionListDelegate"
        value: candidate
    }
    Binding {
        when: tuning.style !== null
        target: tuning.style
        property: "keyPanel"
        value: characterKey
    }

    Component {
        id: candidate
        SelectionListItem {
            id: item
            width: label.implicitWidth + 64
            Text {
                id: label
                objectName: "keyboard_candidate"
                anchors.centerIn: parent
                text: display
                color: item.ListView.isCurrentItem ? "white" : "#9FD46A"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
            }
        }
    }

    Component {
        id: characterKey
        KeyPanel {
            id: key
            Rectangle {
                anchors.fill: parent
                anchors.margins: 3
                radius: 6
                color: key.control.pressed ? "#5A892E" : "#1E1B18"
                Text {
                    objectName: "keyboard_key"
                    anchors.centerIn: parent
                    text: key.control.displayText
                    color: "white"
                    opacity: key.control.enabled ? 1.0 : 0.45
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                }
                Text {
                    anchors { right: parent.right; top: parent.top; margins: 6 }
                    visible: key.control.smallTextVisible
                    text: key.control.smallText
                    color: "#B0B0B0"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall * 0.7
                }
            }
        }
    }
}
