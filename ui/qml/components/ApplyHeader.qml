import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."

// The top of an apply step: 返回上一步 (always above the keyboard), the step's title and
// where the citizen is (第 1/2 页).
RowLayout {
    id: bar
    property string title: ""
    property string step: ""
    signal back()
    spacing: Theme.spacing
    Button {
        objectName: "apply_back"
        text: "‹ " + apply.word("back")
        focusPolicy: Qt.NoFocus
        implicitHeight: Theme.touchMin
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        onClicked: bar.back()
        background: Rectangle { radius: Theme.radius; color: parent.down ? Theme.primaryLight : "transparent"; border.color: Theme.primary; border.width: 2 }
        contentItem: Text { text: parent.text; font: parent.font; color: Theme.primary; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter; leftPadding: 20; rightPadding: 20 }
    }
    Text {
        objectName: "screen_title"
        Layout.fillWidth: true
        text: bar.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHeading
        font.bold: true
        color: Theme.text
        elide: Text.ElideRight
    }
    Text {
        objectName: "apply_step"
        text: bar.step
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.textSecondary
    }
}
