import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."
import "../components"

// 好差评 at 不满意 or below: the configured reasons as chips, several may be chosen, at least
// one before 下一步; the chosen face stays in view.
Item {
    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: 32; bottomMargin: 24 }
        spacing: 24
        RowLayout {
            Layout.fillWidth: true
            spacing: 28
            RatingFace {
                Layout.preferredWidth: 120
                Layout.preferredHeight: 120
                rating: evaluation.rating
            }
            ColumnLayout {
                Layout.fillWidth: true
                Text {
                    objectName: "screen_title"
                    Layout.fillWidth: true
                    text: kiosk.title
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "evaluation_rating"
                    text: evaluation.ratingWord
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                }
            }
        }
        Text {
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: evaluation.problem.length > 0 ? Theme.accent : Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            rowSpacing: 20
            columnSpacing: 20
            Repeater {
                model: evaluation.reasons
                Button {
                    required property var modelData
                    objectName: "reason_" + modelData.index
                    property bool primary: false
                    property bool selected: modelData.selected
                    Layout.fillWidth: true
                    Layout.preferredHeight: 104
                    Layout.preferredWidth: 1
                    focusPolicy: Qt.NoFocus
                    text: (selected ? "✓ " : "") + modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    onClicked: evaluation.toggleReason(modelData.index)
                    background: Rectangle {
                        radius: 52
                        color: parent.selected ? Theme.primary : Theme.surface
                        border.width: 2
                        border.color: parent.selected ? Theme.primary : Theme.divider
                    }
                    contentItem: Text {
                        text: parent.text; font: parent.font
                        color: parent.selected ? "white" : Theme.text
                        horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
