import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// 选择预约时间: the offered days, then the day's half-hour slots. A full slot stays listed,
// greyed with 已满, and cannot be chosen; a slot taken meanwhile is explained above the list.
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
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "appointment_matter"
            Layout.fillWidth: true
            text: appointments.words.matter + "：" + appointments.matterName
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primaryDark
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: appointments.alert ? Theme.accent : Theme.textSecondary
            font.bold: appointments.alert
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Repeater {
                model: appointments.days
                Button {
                    required property var modelData
                    objectName: "appointment_day_" + modelData.iso
                    Layout.fillWidth: true
                    implicitHeight: Theme.buttonHeight + 24
                    focusPolicy: Qt.NoFocus
                    onClicked: appointments.chooseDay(modelData.iso)
                    background: Rectangle {
                        radius: Theme.radius
                        color: modelData.selected ? Theme.primary : Theme.surface
                        border.width: 2
                        border.color: modelData.selected ? Theme.primary : Theme.divider
                    }
                    contentItem: Column {
                        spacing: 4
                        Text {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: modelData.label
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: modelData.selected ? "white" : Theme.text
                        }
                        Text {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: modelData.weekday
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: modelData.selected ? "white" : Theme.textSecondary
                        }
                    }
                }
            }
        }

        Text {
            objectName: "appointment_slots_note"
            visible: appointments.slotsNote.length > 0
            Layout.fillWidth: true
            Layout.topMargin: 24
            text: appointments.slotsNote
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }

        GridView {
            id: grid
            objectName: "appointment_slots"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            cellWidth: width / 3
            cellHeight: Theme.buttonHeight + 56
            model: appointments.slots
            boundsBehavior: Flickable.StopAtBounds
            delegate: Button {
                required property var modelData
                objectName: "appointment_slot_" + modelData.id
                width: grid.cellWidth - 16
                height: grid.cellHeight - 16
                enabled: !modelData.full
                focusPolicy: Qt.NoFocus
                onClicked: appointments.chooseSlot(modelData.id)
                background: Rectangle {
                    radius: Theme.radius
                    color: modelData.full ? Theme.disabledFill
                         : (modelData.chosen ? Theme.primary : Theme.surface)
                    border.width: modelData.chosen ? 4 : 2
                    border.color: modelData.chosen ? Theme.primaryDark : Theme.divider
                }
                contentItem: Column {
                    spacing: 4
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: modelData.time
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: modelData.full ? Theme.textDisabled
                             : (modelData.chosen ? "white" : Theme.text)
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: modelData.note
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        font.bold: modelData.full
                        color: modelData.full ? Theme.accent
                             : (modelData.chosen ? "white" : Theme.success)
                    }
                }
            }
        }

        Text {
            objectName: "appointment_chosen"
            Layout.fillWidth: true
            text: appointments.chosenText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
