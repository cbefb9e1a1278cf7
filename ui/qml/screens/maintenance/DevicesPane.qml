import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// Each device: status, paper, what it is, its last error; self-tests, camera preview with
// what was found drawn over it (face, QR code, page), and reset.
Flickable {
    objectName: "devices_list"
    contentHeight: column.implicitHeight
    clip: true
    ColumnLayout {
        id: column
        width: parent.width
        spacing: 16
        CameraPreviewPanel {
            Layout.fillWidth: true
            visible: maintenance.previewDevice.length > 0
        }
        Repeater {
            model: maintenance.devices
            Rectangle {
                id: card
                required property var modelData
                objectName: "device_" + modelData.id
                Layout.fillWidth: true
                implicitHeight: body.implicitHeight + 40
                radius: Theme.radius
                color: Theme.surface
                border.width: 3
                border.color: modelData.usable ? Theme.divider : Theme.accent
                ColumnLayout {
                    id: body
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: 20 }
                    spacing: 8
                    Text {
                        Layout.fillWidth: true
                        text: card.modelData.name + "　" + card.modelData.state + (card.modelData.media ? "　" + card.modelData.media : "")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: card.modelData.usable ? Theme.success : Theme.accent
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("型号 %1　固件 %2").arg(card.modelData.model).arg(card.modelData.firmware)
                              + (card.modelData.features ? "\n" + qsTr("功能 %1").arg(card.modelData.features) : "")
                              + (card.modelData.detail ? "\n" + card.modelData.detail : "")
                        font.family: Theme.fontFamily
                        font.pixelSize: 24
                        color: Theme.textSecondary
                        wrapMode: Text.WrapAnywhere
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: card.modelData.lastError.length > 0
                        text: qsTr("最近故障：%1").arg(card.modelData.lastError)
                        font.family: Theme.fontFamily
                        font.pixelSize: 24
                        color: Theme.accent
                        wrapMode: Text.WrapAnywhere
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 12
                        BigButton {
                            objectName: "test_print_" + card.modelData.id
                            visible: card.modelData.id === "receipt_printer"
                            primary: false; implicitHeight: 96
                            text: qsTr("打印测试页")
                            onClicked: maintenance.perform("test_print", card.modelData.id)
                        }
                        BigButton {
                            objectName: "paper_replaced_" + card.modelData.id
                            visible: card.modelData.id === "receipt_printer"
                            primary: false; implicitHeight: 96
                            text: qsTr("已更换纸卷")
                            onClicked: maintenance.perform("paper_replaced", card.modelData.id)
                        }
                        BigButton {
                            objectName: "test_print_a4_" + card.modelData.id
                            visible: card.modelData.id === "a4_printer"
                            primary: false; implicitHeight: 96
                            text: qsTr("打印 A4 测试页")
                            onClicked: maintenance.perform("test_print_a4", card.modelData.id)
                        }
                        BigButton {
                            objectName: "test_document_camera_" + card.modelData.id
                            visible: card.modelData.id === "document_camera"
                            primary: false; implicitHeight: 96
                            text: qsTr("拍摄测试")
                            onClicked: maintenance.perform("test_document_camera", card.modelData.id)
                        }
                        BigButton {
                            objectName: "preview_" + card.modelData.id
                            visible: card.modelData.id === "camera" || card.modelData.id === "document_camera"
                            primary: false; implicitHeight: 96
                            text: qsTr("画面预览")
                            onClicked: maintenance.perform("preview", card.modelData.id)
                        }
                        BigButton {
                            objectName: "read_card_" + card.modelData.id
                            visible: card.modelData.id === "id_card_reader"
                            primary: false; implicitHeight: 96
                            text: qsTr("读卡测试")
                            onClicked: maintenance.perform("read_card", card.modelData.id)
                        }
                        BigButton {
                            objectName: "scan_code_" + card.modelData.id
                            visible: card.modelData.id === "qr_scanner"
                            primary: false; implicitHeight: 96
                            text: qsTr("扫码测试")
                            onClicked: maintenance.perform("scan_code", card.modelData.id)
                        }
                        BigButton {
                            objectName: "reset_" + card.modelData.id
                            primary: false; implicitHeight: 96
                            text: qsTr("复位")
                            onClicked: maintenance.perform("reset", card.modelData.id)
                        }
                    }
                }
            }
        }
    }
}
