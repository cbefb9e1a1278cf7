import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// 预约: the matters the staffed window takes appointments for; tapping one chooses its day.
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
            color: appointments.alert ? Theme.accent : Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "appointment_no_matters"
            visible: appointments.matters.length === 0
            text: appointments.words.no_matters
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
        }
        ListView {
            objectName: "appointment_matters"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: appointments.matters
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }
            delegate: Button {
                required property var modelData
                objectName: "appointment_matter_" + modelData.code
                width: ListView.view.width - 24
                implicitHeight: Math.max(Theme.buttonHeight + 16, body.implicitHeight + 40)
                focusPolicy: Qt.NoFocus
                onClicked: appointments.open(modelData.code)
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
                        text: modelData.name
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        text: modelData.place
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
