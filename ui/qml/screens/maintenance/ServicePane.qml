import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// Service: take the terminal out of service or put it back, restart the application.
ColumnLayout {
    spacing: 16
    SectionCard {
        objectName: "service_summary"
        Layout.fillWidth: true
        title: qsTr("服务状态")
        lines: [maintenance.inService ? qsTr("退出维护后：正常服务") : qsTr("退出维护后：暂停服务")]
    }
    BigButton {
        objectName: "service_toggle"
        Layout.fillWidth: true
        text: maintenance.inService ? qsTr("暂停服务") : qsTr("恢复服务")
        onClicked: maintenance.perform(maintenance.inService ? "out_of_service" : "back_in_service", "")
    }
    BigButton {
        objectName: "restart_app"
        Layout.fillWidth: true
        primary: false
        text: qsTr("重启程序")
        onClicked: maintenance.perform("restart_app", "")
    }
    Item { Layout.fillHeight: true }
}
