import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import "."
import "components"

// The dev dock (F12, simulated devices only): drive the device simulators and the
// simulated platform. Every button is one control-API request sent from a worker.
Rectangle {
    id: dock
    objectName: "dev_dock"
    color: "#F7F9FC"
    border.width: 2
    border.color: Theme.primary

    component DockButton: Button {
        focusPolicy: Qt.NoFocus
        implicitHeight: 72
        font.family: Theme.fontFamily
        font.pixelSize: 26
        Layout.fillWidth: true
    }
    component DockHeading: Text {
        font.family: Theme.fontFamily
        font.pixelSize: 28
        font.bold: true
        color: Theme.primaryDark
        Layout.topMargin: 12
    }

    Component.onCompleted: devDock.refresh()

    Flickable {
        anchors.fill: parent
        anchors.margins: 20
        contentHeight: column.implicitHeight
        clip: true
        ColumnLayout {
            id: column
            width: parent.width
            spacing: 10
            Text {
                text: qsTr("模拟设备面板 (F12)")
                font.family: Theme.fontFamily
                font.pixelSize: 34
                font.bold: true
                color: Theme.text
            }
            DockHeading { text: qsTr("身份证阅读器") }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Repeater {
                    model: devDock.fixtures
                    DockButton {
                        required property string modelData
                        objectName: "dock_card_" + modelData
                        text: qsTr("放卡 %1").arg(modelData)
                        onClicked: devDock.placeCard(modelData)
                    }
                }
                DockButton { objectName: "dock_card_remove"; text: qsTr("取走证件"); onClicked: devDock.removeCard() }
                Repeater {
                    model: devDock.cardFaults
                    DockButton {
                        required property string modelData
                        objectName: "dock_card_fault_" + modelData
                        text: qsTr("故障 %1").arg(modelData)
                        onClicked: devDock.cardFault(modelData)
                    }
                }
                DockButton { objectName: "dock_card_fault_clear"; text: qsTr("清除故障"); onClicked: devDock.cardFault("") }
            }
            DockHeading { text: qsTr("扫码器") }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: scanText
                    objectName: "dock_scan_text"
                    Layout.fillWidth: true
                    implicitHeight: 72
                    font.pixelSize: 26
                    placeholderText: qsTr("要扫描的文本")
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                }
                DockButton {
                    objectName: "dock_scan"
                    Layout.fillWidth: false
                    text: qsTr("扫描")
                    onClicked: devDock.scan(scanText.text)
                }
            }
            DockButton {
                objectName: "dock_scan_login"
                text: qsTr("扫描登录码（resident）")
                onClicked: devDock.scan("zjzwfw://login?token=resident")
            }
            DockHeading { text: qsTr("摄像头") }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Repeater {
                    model: devDock.cameraSources
                    DockButton {
                        required property string modelData
                        objectName: "dock_camera_" + modelData
                        text: qsTr("显示 %1").arg(modelData)
                        onClicked: devDock.showCamera(modelData)
                    }
                }
            }
            DockHeading { text: qsTr("打印机") }
            GridLayout {
                columns: 3
                Layout.fillWidth: true
                DockButton { objectName: "dock_paper_ok"; text: qsTr("纸正常"); onClicked: devDock.printerPaper("ok") }
                DockButton { objectName: "dock_paper_low"; text: qsTr("纸将尽"); onClicked: devDock.printerPaper("low") }
                DockButton { objectName: "dock_paper_out"; text: qsTr("缺纸"); onClicked: devDock.printerPaper("out") }
                DockButton { objectName: "dock_cover_open"; text: qsTr("开盖"); onClicked: devDock.printerCover(true) }
                DockButton { objectName: "dock_cover_closed"; text: qsTr("合盖"); onClicked: devDock.printerCover(false) }
            }
            DockHeading { text: qsTr("A4打印机") }
            GridLayout {
                columns: 3
                Layout.fillWidth: true
                Repeater {
                    model: devDock.a4Settings
                    DockButton {
                        required property string modelData
                        objectName: "dock_a4_" + modelData.replace(".", "_")
                        text: modelData
                        onClicked: devDock.a4Printer(modelData)
                    }
                }
            }
            DockHeading { text: qsTr("高拍仪") }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Repeater {
                    model: devDock.documentSources
                    DockButton {
                        required property string modelData
                        objectName: "dock_document_" + modelData
                        text: qsTr("显示 %1").arg(modelData)
                        onClicked: devDock.showDocument(modelData)
                    }
                }
                DockButton { objectName: "dock_document_fault_black"; text: qsTr("高拍仪黑屏"); onClicked: devDock.documentCameraFault("black") }
                DockButton { objectName: "dock_document_fault_frozen"; text: qsTr("高拍仪冻结"); onClicked: devDock.documentCameraFault("frozen") }
                DockButton { objectName: "dock_document_fault_clear"; text: qsTr("清除高拍仪故障"); onClicked: devDock.documentCameraFault("") }
            }
            DockHeading { text: qsTr("政务服务平台") }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                DockButton { objectName: "dock_platform_offline"; text: qsTr("平台离线"); onClicked: devDock.platformOnline(false) }
                DockButton { objectName: "dock_platform_online"; text: qsTr("平台恢复"); onClicked: devDock.platformOnline(true) }
            }
            DockHeading { text: qsTr("缴费") }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                DockButton { objectName: "dock_pay_paid"; text: qsTr("模拟手机支付"); onClicked: devDock.payOnPhone() }
                DockButton { objectName: "dock_pay_wechat"; text: qsTr("扫微信付款码"); onClicked: devDock.scanPaymentCode("wechat") }
                DockButton { objectName: "dock_pay_alipay"; text: qsTr("扫支付宝付款码"); onClicked: devDock.scanPaymentCode("alipay") }
                DockButton { objectName: "dock_pay_invalid"; text: qsTr("扫无效付款码"); onClicked: devDock.scanPaymentCode("invalid") }
                DockButton { objectName: "dock_pay_decline"; text: qsTr("下次扣款失败"); onClicked: devDock.nextCharge("declined") }
                DockButton { objectName: "dock_pay_pending"; text: qsTr("下次需手机确认"); onClicked: devDock.nextCharge("pending") }
                DockButton { objectName: "dock_pay_lose"; text: qsTr("丢失下次扣款应答"); onClicked: devDock.loseNextAnswer() }
            }
            DockHeading { text: qsTr("预约") }
            DockButton { objectName: "dock_fill_chosen_slot"; text: qsTr("占满所选时段"); onClicked: devDock.fillChosenSlot() }
            DockHeading { text: qsTr("办件") }
            DockButton { objectName: "dock_advance_applications"; text: qsTr("推进办件状态"); onClicked: devDock.advanceApplications() }
            DockHeading { text: qsTr("运维") }
            DockButton { objectName: "dock_maintenance"; text: qsTr("维护模式（密码 123456）"); onClicked: devDock.maintenanceGesture() }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Repeater {
                    model: devDock.platformCommands
                    DockButton {
                        required property string modelData
                        objectName: "dock_command_" + modelData
                        text: qsTr("平台指令 %1").arg(modelData)
                        onClicked: devDock.queueCommand(modelData)
                    }
                }
            }
            Text {
                objectName: "dock_result"
                Layout.fillWidth: true
                text: devDock.lastResult
                font.family: Theme.fontFamily
                font.pixelSize: 22
                color: Theme.textSecondary
                wrapMode: Text.WrapAnywhere
            }
        }
    }
}
