import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// The catalogue: version, when the platform last confirmed it, and refresh now.
ColumnLayout {
    spacing: 16
    SectionCard {
        objectName: "catalogue_summary"
        Layout.fillWidth: true
        title: qsTr("事项目录")
        lines: [
            qsTr("版本：%1").arg(maintenance.catalogueInfo.version || qsTr("尚未加载")),
            qsTr("平台确认时间：%1").arg(maintenance.catalogueInfo.asOf || qsTr("未知")),
            maintenance.catalogueInfo.online ? qsTr("状态：已与平台同步") : qsTr("状态：使用本机缓存（平台未确认）"),
            qsTr("事项数：%1").arg(maintenance.catalogueInfo.matters || 0)
        ]
    }
    BigButton {
        objectName: "catalogue_refresh"
        Layout.fillWidth: true
        text: qsTr("立即刷新")
        onClicked: maintenance.perform("refresh_catalogue", "")
    }
    Item { Layout.fillHeight: true }
}
