import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// One application's progress: status, promised date, every step with its date and note,
// the department's note and the deferred materials with their deadline; 补齐补正 when it
// awaits a correction, 完成 to end the query.
Item {
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: progressQuery.matterName
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Rectangle {
            objectName: "progress_notice"
            visible: progressQuery.notice.length > 0
            Layout.fillWidth: true
            implicitHeight: notice.implicitHeight + 40
            radius: Theme.radius
            color: "#FDECEA"
            Text {
                id: notice
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 28 }
                text: progressQuery.notice
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.accent
                wrapMode: Text.WordWrap
            }
        }
        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                width: parent.width
                spacing: Theme.spacing
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: facts.implicitHeight + 48
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: 1
                    border.color: Theme.divider
                    GridLayout {
                        id: facts
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 24 }
                        columns: 2
                        columnSpacing: 24
                        rowSpacing: 12
                        Repeater {
                            model: progressQuery.rows
                            Text {
                                required property var modelData
                                required property int index
                                Layout.row: index
                                Layout.column: 0
                                text: modelData.label
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                color: Theme.textSecondary
                            }
                        }
                        Repeater {
                            model: progressQuery.rows
                            Text {
                                required property var modelData
                                required property int index
                                objectName: "progress_row_" + index
                                Layout.row: index
                                Layout.column: 1
                                Layout.fillWidth: true
                                text: modelData.value
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.bold: index === 1
                                color: index === 1 && progressQuery.needsCorrection ? Theme.accent : Theme.text
                                wrapMode: Text.WrapAnywhere
                            }
                        }
                    }
                }
                Rectangle {
                    visible: progressQuery.needsCorrection
                    Layout.fillWidth: true
                    implicitHeight: attention.implicitHeight + 48
                    radius: Theme.radius
                    color: "#FFF4E5"
                    border.width: 2
                    border.color: Theme.warning
                    ColumnLayout {
                        id: attention
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 24 }
                        spacing: 12
                        Text {
                            Layout.fillWidth: true
                            text: progressQuery.word("needs_correction")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.warning
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            objectName: "progress_correction_note"
                            visible: progressQuery.correctionNote.length > 0
                            Layout.fillWidth: true
                            text: progressQuery.correctionNote
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            visible: progressQuery.deferred.length > 0
                            text: progressQuery.word("deferred")
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                        }
                        Repeater {
                            model: progressQuery.deferred
                            RowLayout {
                                required property var modelData
                                Layout.fillWidth: true
                                Text {
                                    Layout.fillWidth: true
                                    text: "· " + modelData.name
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    text: modelData.deadline
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.accent
                                }
                            }
                        }
                    }
                }
                Text {
                    text: progressQuery.word("history")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.primaryDark
                }
                Repeater {
                    model: progressQuery.history
                    RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 20
                        Rectangle { Layout.alignment: Qt.AlignTop; Layout.topMargin: 12; width: 18; height: 18; radius: 9; color: Theme.primary }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 4
                            Text {
                                text: modelData.status + "    " + modelData.at
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                color: Theme.text
                            }
                            Text {
                                visible: modelData.note.length > 0
                                Layout.fillWidth: true
                                text: modelData.note
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textSecondary
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }
        }
        ActionRow {
            Layout.fillWidth: true
            actions: progressQuery.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
