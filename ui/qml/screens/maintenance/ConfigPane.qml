import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// The site configuration: terminal id, hall name, hall phone, platform URL. Checked before
// it is saved to the site file (the previous one kept); it takes effect after a restart.
Flickable {
    id: pane
    contentHeight: column.implicitHeight
    clip: true
    readonly property var fields: [
        { id: "terminalId", label: qsTr("终端编号") },
        { id: "hallName", label: qsTr("大厅名称") },
        { id: "hallPhone", label: qsTr("大厅电话") },
        { id: "baseUrl", label: qsTr("平台地址（https://）") }
    ]
    ColumnLayout {
        id: column
        width: parent.width
        spacing: 12
        Text {
            Layout.fillWidth: true
            text: qsTr("修改后需重启程序才生效。保存前会检查配置能否加载，原配置文件保留为 site.toml.prev。")
            font.family: Theme.fontFamily
            font.pixelSize: 24
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        Repeater {
            id: inputs
            model: pane.fields
            ColumnLayout {
                id: entry
                required property var modelData
                property alias value: field.text
                Layout.fillWidth: true
                spacing: 4
                Text {
                    text: entry.modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: 24
                    color: Theme.text
                }
                KioskTextField {
                    id: field
                    objectName: "site_" + entry.modelData.id
                    Layout.fillWidth: true
                    implicitHeight: 88
                    font.pixelSize: 28
                    text: maintenance.siteConfig[entry.modelData.id] || ""
                }
                Text {
                    objectName: "site_problem_" + entry.modelData.id
                    visible: text.length > 0
                    text: maintenance.siteProblems[entry.modelData.id] || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: 24
                    color: Theme.accent
                }
            }
        }
        BigButton {
            objectName: "site_save"
            Layout.fillWidth: true
            text: qsTr("保存（重启后生效）")
            onClicked: maintenance.saveSite(inputs.itemAt(0).value, inputs.itemAt(1).value,
                                            inputs.itemAt(2).value, inputs.itemAt(3).value)
        }
    }
}
