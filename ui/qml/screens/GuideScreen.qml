import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// A guide (办事指南): every field of the platform's guide, a QR code of its address for the
// citizen's phone, and one primary action (start, or the reason it cannot start now).
Item {
    id: screen
    // Landscape (wider than tall): two columns — QR, title, summary and the primary action on
    // the left, the scrolling sections on the right. Portrait: one column.
    readonly property bool twoColumns: width > height
    readonly property int sideWidth: Math.round((width - 2 * Theme.margin) * 0.36)

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.twoColumns ? 2 : 1
        rowSpacing: Theme.spacing
        columnSpacing: Theme.margin

        GridLayout {
            id: head
            Layout.row: 0
            Layout.column: 0
            Layout.fillWidth: true
            Layout.preferredWidth: screen.twoColumns ? screen.sideWidth : -1
            Layout.maximumWidth: screen.twoColumns ? screen.sideWidth : Number.POSITIVE_INFINITY
            Layout.alignment: Qt.AlignTop
            columns: screen.twoColumns ? 1 : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
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
                    objectName: "guide_subtitle"
                    Layout.fillWidth: true
                    text: catalogue.guideSubtitle
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                }
            }
            GridLayout {
                Layout.alignment: Qt.AlignTop
                columns: screen.twoColumns ? 2 : 1
                rowSpacing: 6
                columnSpacing: Theme.spacing
                Image {
                    objectName: "guide_qr"
                    Layout.preferredWidth: 200
                    Layout.preferredHeight: 200
                    Layout.alignment: Qt.AlignHCenter
                    source: catalogue.guideQr
                    sourceSize.width: 200
                    sourceSize.height: 200
                    cache: false
                    smooth: false
                }
                Text {
                    Layout.preferredWidth: screen.twoColumns ? 4 * Theme.fontSmall : -1
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("手机扫码查看指南")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    wrapMode: screen.twoColumns ? Text.WrapAnywhere : Text.NoWrap
                }
            }
        }

        Flickable {
            id: flick
            objectName: "guide_sections"
            Layout.row: screen.twoColumns ? 0 : 1
            Layout.column: screen.twoColumns ? 1 : 0
            Layout.rowSpan: screen.twoColumns ? 4 : 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: sections.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AlwaysOn }
            ColumnLayout {
                id: sections
                width: flick.width - 28
                spacing: 20
                Repeater {
                    model: catalogue.guideSections
                    SectionCard {
                        required property var modelData
                        Layout.fillWidth: true
                        title: modelData.title
                        lines: modelData.lines
                    }
                }
            }
        }

        Item {
            Layout.row: 1
            Layout.column: 0
            Layout.fillHeight: true
            Layout.preferredWidth: screen.sideWidth
            visible: screen.twoColumns
        }
        Text {
            objectName: "guide_reason"
            Layout.row: 2
            Layout.column: 0
            Layout.fillWidth: true
            Layout.maximumWidth: screen.twoColumns ? screen.sideWidth : Number.POSITIVE_INFINITY
            visible: catalogue.guideReason.length > 0
            text: catalogue.guideReason
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.warning
            wrapMode: Text.WordWrap
        }
        BigButton {
            objectName: "guide_start"
            Layout.row: 3
            Layout.column: 0
            Layout.fillWidth: true
            Layout.maximumWidth: screen.twoColumns ? screen.sideWidth : Number.POSITIVE_INFINITY
            text: catalogue.guideAvailable ? qsTr("开始办理") : qsTr("暂不可在本机办理")
            enabled: catalogue.guideAvailable
            onClicked: catalogue.start()
        }
        BigButton {
            objectName: "guide_appointment"
            Layout.row: 4
            Layout.column: 0
            Layout.fillWidth: true
            Layout.maximumWidth: screen.twoColumns ? screen.sideWidth : Number.POSITIVE_INFINITY
            visible: appointments.guideOffers
            primary: !catalogue.guideAvailable
            text: appointments.offerLabel
            onClicked: kiosk.intent("appointment")
        }
    }
}
