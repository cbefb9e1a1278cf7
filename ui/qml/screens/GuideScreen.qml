import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// A guide (办事指南): every field of the platform's guide, a QR code of its address for the
// citizen's phone, and one primary action (start, or the reason it cannot start now).
Item {
    id: screen
    readonly property bool portrait: height >= width * 0.9

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 10
                Text {
                    objectName: "guide_title"
                    Layout.fillWidth: true
                    text: catalogue.guideTitle
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    text: catalogue.guideSubtitle
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                    wrapMode: Text.WordWrap
                }
            }
            Column {
                spacing: 6
                Image {
                    objectName: "guide_qr"
                    width: 200; height: 200
                    source: catalogue.guideQr
                    sourceSize.width: 200
                    sourceSize.height: 200
                    cache: false
                    smooth: false
                }
                Text {
                    width: 200
                    text: "手机扫码查看指南"
                    font.family: Theme.fontFamily
                    font.pixelSize: 24
                    color: Theme.textSecondary
                    horizontalAlignment: Text.AlignHCenter
                }
            }
        }

        Flickable {
            id: flick
            objectName: "guide_sections"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: sections.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AlwaysOn }
            GridLayout {
                id: sections
                width: flick.width - 28
                columns: screen.portrait ? 1 : 2
                rowSpacing: 20
                columnSpacing: 20
                Repeater {
                    model: catalogue.guideSections
                    SectionCard {
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        title: modelData.title
                        lines: modelData.lines
                    }
                }
            }
        }

        Text {
            objectName: "guide_reason"
            Layout.fillWidth: true
            visible: catalogue.guideReason.length > 0
            text: catalogue.guideReason
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.warning
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "guide_start"
            Layout.fillWidth: true
            text: catalogue.guideAvailable ? "开始办理" : "暂不可在本机办理"
            enabled: catalogue.guideAvailable
            onClicked: catalogue.start()
        }
    }
}
