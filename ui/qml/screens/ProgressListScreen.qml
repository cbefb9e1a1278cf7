import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."
import "../components"

// The card holder's applications of the last 12 months, newest first; each one opens.
Item {
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: progressQuery.items.length > 0 ? progressQuery.word("list_hint") : progressQuery.word("list_empty")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 20
            model: progressQuery.items
            delegate: Button {
                id: entry
                required property var modelData
                required property int index
                objectName: "progress_item_" + index
                width: list.width
                height: Math.max(Theme.touchMin, column.implicitHeight + topPadding + bottomPadding)
                leftPadding: 32
                rightPadding: 32
                topPadding: 24
                bottomPadding: 24
                text: modelData.matter
                onClicked: progressQuery.open(modelData.no)
                background: Rectangle {
                    radius: Theme.radius
                    color: entry.down ? Theme.primaryLight : Theme.surface
                    border.width: modelData.attention ? 3 : 1
                    border.color: modelData.attention ? Theme.accent : Theme.divider
                }
                contentItem: ColumnLayout {
                    id: column
                    spacing: 8
                    Text {
                        Layout.fillWidth: true
                        text: entry.modelData.matter
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Text {
                            Layout.fillWidth: true
                            text: entry.modelData.accepted + "  " + entry.modelData.no
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textSecondary
                            elide: Text.ElideRight
                        }
                        Text {
                            text: entry.modelData.status
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: entry.modelData.attention ? Theme.accent : Theme.primary
                        }
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
