import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."
import "../components"

// 好差评: five big faces, best first, each with its words; one tap rates and goes on.
Item {
    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: 32; bottomMargin: 24 }
        spacing: 20
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "evaluation_subject"
            visible: text.length > 0
            Layout.fillWidth: true
            text: evaluation.subject
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: evaluation.faces
            Button {
                required property var modelData
                objectName: "face_" + modelData.rating
                property bool primary: false
                Layout.fillWidth: true
                Layout.preferredHeight: 176
                focusPolicy: Qt.NoFocus
                text: modelData.label
                onClicked: evaluation.rate(modelData.rating)
                background: Rectangle {
                    radius: Theme.radius
                    color: parent.down || modelData.selected ? Theme.primaryLight : Theme.surface
                    border.width: modelData.selected ? 4 : 2
                    border.color: modelData.selected ? Theme.primary : Theme.divider
                }
                contentItem: RowLayout {
                    spacing: 40
                    Item { Layout.preferredWidth: 16 }
                    RatingFace {
                        Layout.preferredWidth: 140
                        Layout.preferredHeight: 140
                        rating: modelData.rating
                        selected: modelData.selected
                    }
                    Text {
                        Layout.fillWidth: true
                        text: modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.bold: modelData.selected
                        color: Theme.text
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
