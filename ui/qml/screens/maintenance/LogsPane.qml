import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// The newest lines of the kiosk's log (masked when written), filtered by a word; 导出 writes
// a masked, compressed bundle (log, audit tail, devices, config summary) for a technician.
ColumnLayout {
    spacing: 12
    RowLayout {
        Layout.fillWidth: true
        spacing: 12
        KioskTextField {
            id: filter
            objectName: "log_filter"
            Layout.fillWidth: true
            placeholderText: qsTr("筛选（如 WARNING、printer）")
        }
        BigButton {
            objectName: "log_filter_apply"
            implicitHeight: 96
            text: qsTr("筛选")
            onClicked: maintenance.perform("filter_logs", filter.text)
        }
        BigButton {
            objectName: "log_export"
            implicitHeight: 96
            primary: false
            text: qsTr("导出")
            onClicked: maintenance.perform("export_logs", "")
        }
    }
    Text {
        objectName: "log_bundles"
        Layout.fillWidth: true
        visible: maintenance.logBundles.length > 0
        text: maintenance.logBundles.join("\n")
        font.family: Theme.fontFamily
        font.pixelSize: 22
        color: Theme.textSecondary
        wrapMode: Text.WrapAnywhere
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: "#1F2633"
        radius: 12
        ListView {
            objectName: "log_lines"
            anchors.fill: parent
            anchors.margins: 12
            clip: true
            model: maintenance.logLines
            delegate: Text {
                required property string modelData
                width: ListView.view.width
                text: modelData
                font.family: "monospace"
                font.pixelSize: 18
                color: "#E4E8EE"
                wrapMode: Text.WrapAnywhere
            }
        }
    }
}
