import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// 补打回执: the citizen's applications of the last 30 days; tapping one reprints its receipt.
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
            text: reprint.items.length > 0 ? kiosk.body : reprint.emptyText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        ListView {
            objectName: "reprint_items"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: reprint.items
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }
            delegate: Button {
                required property var modelData
                objectName: "reprint_" + modelData.no
                width: ListView.view.width - 24
                implicitHeight: Math.max(Theme.buttonHeight + 16, body.implicitHeight + 40)
                focusPolicy: Qt.NoFocus
                onClicked: reprint.choose(modelData.no)
                background: Rectangle {
                    radius: Theme.radius
                    color: parent.down ? Theme.primaryLight : Theme.surface
                    border.width: 2
                    border.color: Theme.divider
                }
                contentItem: ColumnLayout {
                    id: body
                    spacing: 6
                    Text {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        text: modelData.matter
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        text: reprint.word("application_no") + " " + modelData.no
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.primaryDark
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        text: modelData.when
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textSecondary
                    }
                }
            }
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
