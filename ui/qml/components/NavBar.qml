import QtQuick
import QtQuick.Layouts
import ".."

// The bottom bar on every screen after home: 返回 (one step back) and 退出 (end the session).
Rectangle {
    id: bar
    property bool backVisible: true
    property string hint: ""
    signal back()
    signal quit()
    implicitHeight: Theme.footerHeight
    color: Theme.surface
    Rectangle { anchors.top: parent.top; width: parent.width; height: 2; color: Theme.divider }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing
        BigButton {
            objectName: "nav_back"
            visible: bar.backVisible
            primary: false
            text: qsTr("‹ 返回")
            Layout.preferredWidth: 280
            onClicked: bar.back()
        }
        Text {
            Layout.fillWidth: true
            text: bar.hint
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "nav_quit"
            primary: false
            text: qsTr("退出 ×")
            Layout.preferredWidth: 280
            onClicked: bar.quit()
        }
    }
}
