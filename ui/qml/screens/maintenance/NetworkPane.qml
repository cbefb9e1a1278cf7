import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// The platform connection: reachable, latency, clock skew, certificates' expiry.
ColumnLayout {
    spacing: 16
    SectionCard {
        objectName: "network_summary"
        Layout.fillWidth: true
        title: qsTr("网络与平台")
        lines: maintenance.networkLines.length > 0 ? maintenance.networkLines : [qsTr("正在检测…")]
    }
    BigButton {
        objectName: "network_check"
        Layout.fillWidth: true
        text: qsTr("重新检测")
        onClicked: maintenance.refresh("network")
    }
    Item { Layout.fillHeight: true }
}
