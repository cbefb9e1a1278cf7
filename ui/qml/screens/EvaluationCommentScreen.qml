import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."
import "../components"

// 好差评: the optional comment (Pinyin keyboard, at most 500 characters, counted as typed),
// then 提交评价. The field starts from the session's comment and every change goes to the flow.
Item {
    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: 32; bottomMargin: 24 }
        spacing: 20
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
        KioskTextArea {
            objectName: "evaluation_comment"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 200
            Layout.maximumHeight: 560
            placeholderText: evaluation.commentHint
            Component.onCompleted: { text = evaluation.comment; cursorPosition = length }
            onTextChanged: evaluation.edit(text)
        }
        Text {
            objectName: "evaluation_count"
            Layout.alignment: Qt.AlignRight
            text: evaluation.commentCount
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: evaluation.commentTooLong ? Theme.accent : Theme.textSecondary
        }
        Item { Layout.fillHeight: true }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
