import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// The outbox: depth, age of the oldest request, last error; dead letters with their
// reason, each of which can be put back in the queue.
Flickable {
    contentHeight: column.implicitHeight
    clip: true
    ColumnLayout {
        id: column
        width: parent.width
        spacing: 16
        SectionCard {
            objectName: "outbox_summary"
            Layout.fillWidth: true
            title: qsTr("待发队列")
            lines: [
                qsTr("待发送：%1 条").arg(maintenance.outbox.depth),
                maintenance.outbox.oldestAge >= 0 ? qsTr("最早一条已等待 %1 秒").arg(maintenance.outbox.oldestAge) : qsTr("队列为空"),
                qsTr("死信：%1 条").arg(maintenance.outbox.deadLetters),
                maintenance.outbox.lastError ? qsTr("最近错误：%1").arg(maintenance.outbox.lastError) : ""
            ].filter(line => line.length > 0)
        }
        Repeater {
            model: maintenance.deadLetters
            Rectangle {
                id: letter
                required property var modelData
                Layout.fillWidth: true
                implicitHeight: row.implicitHeight + 32
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: Theme.accent
                RowLayout {
                    id: row
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 16 }
                    Text {
                        Layout.fillWidth: true
                        text: letter.modelData.ref + "　" + letter.modelData.operation + "　" + letter.modelData.failedAt + "\n" + letter.modelData.reason
                        font.family: Theme.fontFamily
                        font.pixelSize: 24
                        color: Theme.text
                        wrapMode: Text.WrapAnywhere
                    }
                    BigButton {
                        objectName: "retry_" + letter.modelData.ref
                        primary: false; implicitHeight: 96
                        text: qsTr("重新投递")
                        onClicked: maintenance.perform("retry_dead_letter", letter.modelData.ref)
                    }
                }
            }
        }
        BigButton {
            objectName: "outbox_export"
            Layout.fillWidth: true
            primary: false
            text: qsTr("导出队列（加密）")
            onClicked: maintenance.perform("export_outbox", "")
        }
        BigButton {
            Layout.fillWidth: true
            primary: false
            text: qsTr("刷新")
            onClicked: maintenance.refresh("outbox")
        }
    }
}
