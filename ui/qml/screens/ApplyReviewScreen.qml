import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Everything that will be sent, masked, with the pre-check's problems and 确认提交.
Item {
    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: 24; bottomMargin: 24 }
        spacing: 20
        ApplyHeader {
            Layout.fillWidth: true
            title: kiosk.title
            step: ""
            onBack: kiosk.back()
        }
        Text {
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.divider
            border.width: 1
            GridLayout {
                id: rows
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 28 }
                readonly property bool dense: apply.reviewRows.length > 14
                columns: dense ? 2 : 1
                rowSpacing: dense ? 8 : 14
                columnSpacing: 24
                Repeater {
                    model: apply.reviewRows
                    RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: rows.dense ? rows.width / 2 : rows.width
                        spacing: 16
                        Text {
                            text: modelData.label
                            Layout.preferredWidth: rows.dense ? 190 : 360
                            font.family: Theme.fontFamily
                            font.pixelSize: rows.dense ? 24 : Theme.fontSmall
                            color: Theme.textSecondary
                            elide: Text.ElideRight
                        }
                        Text {
                            objectName: "review_value"
                            Layout.fillWidth: true
                            text: modelData.value
                            font.family: Theme.fontFamily
                            font.pixelSize: rows.dense ? 24 : Theme.fontSmall
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                    }
                }
            }
        }
        Rectangle {
            visible: apply.problems.length > 0
            Layout.fillWidth: true
            implicitHeight: problemList.implicitHeight + 40
            radius: Theme.radius
            color: "#FDECEA"
            ColumnLayout {
                id: problemList
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 20 }
                spacing: 8
                Text {
                    text: apply.word("problems")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.accent
                }
                Repeater {
                    model: apply.problems
                    Text {
                        required property string modelData
                        objectName: "problem"
                        Layout.fillWidth: true
                        text: "• " + modelData
                        font.family: Theme.fontFamily
                        font.pixelSize: 26
                        color: Theme.text
                        wrapMode: Text.WordWrap
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
