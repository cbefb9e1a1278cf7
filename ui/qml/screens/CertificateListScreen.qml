import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// 证明打印: the query-and-print matters; one that cannot print now is greyed with the reason.
Item {
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Text {
            objectName: "screen_title"
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list
            objectName: "certificate_items"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: certificates.items
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }
            delegate: Button {
                required property var modelData
                objectName: "certificate_" + modelData.code
                width: ListView.view.width - 24
                implicitHeight: Math.max(Theme.buttonHeight + 16, body.implicitHeight + 40)
                focusPolicy: Qt.NoFocus
                enabled: modelData.available
                onClicked: certificates.open(modelData.code)
                background: Rectangle {
                    radius: Theme.radius
                    color: parent.down ? Theme.primaryLight : (modelData.available ? Theme.surface : Theme.disabledFill)
                    border.width: 2
                    border.color: Theme.divider
                }
                contentItem: ColumnLayout {
                    id: body
                    spacing: 6
                    Text {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        text: modelData.name
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: modelData.available ? Theme.text : Theme.textDisabled
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        text: modelData.detail
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textSecondary
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "certificate_reason_" + modelData.code
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        visible: !modelData.available
                        text: modelData.reason
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.warning
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    }
}
