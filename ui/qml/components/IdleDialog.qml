import QtQuick
import QtQuick.Layouts
import ".."

// "还需要更多时间吗？": shown by the idle countdown; any answer is a touch that keeps the session.
Rectangle {
    id: dialog
    property int secondsLeft: 20
    signal keep()
    signal finish()
    color: "#99000000"
    MouseArea { anchors.fill: parent }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 900)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius + 8
        color: Theme.surface
        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("还需要更多时间吗？")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
            }
            Text {
                objectName: "idle_seconds"
                Layout.fillWidth: true
                text: qsTr("%1 秒后将自动退出，并清除您在本机输入的全部信息。").arg(dialog.secondsLeft)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BigButton {
                    objectName: "idle_finish"
                    Layout.fillWidth: true
                    primary: false
                    text: qsTr("结束办理")
                    onClicked: dialog.finish()
                }
                BigButton {
                    objectName: "idle_keep"
                    Layout.fillWidth: true
                    text: qsTr("继续办理")
                    onClicked: dialog.keep()
                }
            }
        }
    }
}
