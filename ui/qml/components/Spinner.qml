import QtQuick
import ".."

// A calm busy indicator: a ring of dots turning slowly.
Item {
    id: spinner
    implicitWidth: 200
    implicitHeight: 200
    Repeater {
        model: 12
        Rectangle {
            required property int index
            width: 26; height: 26; radius: 13
            color: Theme.primary
            opacity: 0.15 + 0.85 * index / 12
            x: spinner.width / 2 - 13 + Math.cos(index * Math.PI / 6) * 80
            y: spinner.height / 2 - 13 + Math.sin(index * Math.PI / 6) * 80
        }
    }
    RotationAnimation on rotation {
        from: 0; to: 360; duration: 1800; loops: Animation.Infinite; running: spinner.visible
    }
}
