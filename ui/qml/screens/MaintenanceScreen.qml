import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Maintenance mode: one panel at a time (devices, outbox, catalogue, network, config,
// logs, service), the outcome of the latest action, and 退出维护. Every action is audited.
Item {
    id: screen
    readonly property string panel: maintenance.panel
    readonly property var panels: [
        { id: "devices", label: qsTr("设备") },
        { id: "outbox", label: qsTr("待发队列") },
        { id: "catalogue", label: qsTr("事项目录") },
        { id: "network", label: qsTr("网络") },
        { id: "config", label: qsTr("配置") },
        { id: "logs", label: qsTr("日志") },
        { id: "service", label: qsTr("服务") }
    ]
    Component.onCompleted: maintenance.refresh(panel)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin / 2
        spacing: 16
        GridLayout {
            Layout.fillWidth: true
            columns: 4
            rowSpacing: 12
            columnSpacing: 12
            Repeater {
                model: screen.panels
                BigButton {
                    required property var modelData
                    objectName: "maintenance_tab_" + modelData.id
                    Layout.fillWidth: true
                    Layout.preferredHeight: 100
                    primary: screen.panel === modelData.id
                    text: modelData.label
                    onClicked: maintenance.show(modelData.id)
                }
            }
        }
        Text {
            objectName: "maintenance_result"
            Layout.fillWidth: true
            visible: text.length > 0
            text: maintenance.result
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.primaryDark
            wrapMode: Text.WrapAnywhere
        }
        Loader {
            objectName: "maintenance_panel"
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: "maintenance/" + screen.panel.charAt(0).toUpperCase() + screen.panel.slice(1) + "Pane.qml"
        }
        BigButton {
            objectName: "maintenance_leave"
            Layout.fillWidth: true
            primary: false
            text: qsTr("退出维护")
            onClicked: kiosk.intent("leave_maintenance")
        }
    }
}
