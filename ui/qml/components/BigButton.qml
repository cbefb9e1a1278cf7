import QtQuick
import QtQuick.Controls.Basic
import ".."

// A large touch button (≥ 96 px high): primary (filled blue) or secondary (outlined).
Button {
    id: control
    property bool primary: true
    property string subtitle: ""
    implicitHeight: Theme.buttonHeight
    implicitWidth: Math.max(280, implicitContentWidth + 96)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    font.bold: primary
    focusPolicy: Qt.NoFocus

    contentItem: Item {
        implicitWidth: label.implicitWidth
        implicitHeight: column.implicitHeight
        Column {
            id: column
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: 4
            Text {
                id: label
                width: parent.width
                text: control.text
                font: control.font
                color: !control.enabled ? Theme.textDisabled
                     : control.primary ? "white" : Theme.primary
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                visible: control.subtitle.length > 0
                text: control.subtitle
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: control.primary ? "#DDE8FA" : Theme.textSecondary
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
            }
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.disabledFill
             : control.primary ? (control.down ? Theme.primaryDark : Theme.primary)
             : (control.down ? Theme.primaryLight : Theme.surface)
        border.width: control.primary ? 0 : 3
        border.color: control.enabled ? Theme.primary : Theme.divider
    }
}
