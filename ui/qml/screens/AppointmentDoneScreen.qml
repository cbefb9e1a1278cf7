import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// 预约成功: the appointment number, time, place and what to bring. When the slip did not
// print, the booking's QR shows here instead (请拍照留存), like the apply receipt's.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1000)
        spacing: Theme.spacing
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            width: 160; height: 160; radius: 80
            color: "#E6F4EA"
            Text {
                anchors.centerIn: parent
                text: kiosk.symbol
                font.family: Theme.fontFamily
                font.pixelSize: 88
                font.bold: true
                color: Theme.success
            }
        }
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            objectName: "screen_body"
            visible: appointments.printed
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "appointment_not_printed"
            visible: appointments.notPrintedText.length > 0
            Layout.fillWidth: true
            text: appointments.notPrintedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.accent
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Image {
            objectName: "appointment_qr"
            visible: appointments.qrSource.length > 0
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: visible ? 320 : 0
            Layout.preferredHeight: visible ? 320 : 0
            sourceSize: Qt.size(320, 320)
            source: appointments.qrSource
            cache: false
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: rows.implicitHeight + 56
            radius: Theme.radius
            color: Theme.surface
            border.width: 1
            border.color: Theme.divider
            GridLayout {
                id: rows
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 28 }
                columns: 2
                columnSpacing: 24
                rowSpacing: 14
                Repeater {
                    model: [
                        [appointments.words.matter, appointments.matterName, "appointment_done_matter"],
                        [appointments.words.appointment_no, appointments.appointmentNo, "appointment_done_no"],
                        [appointments.words.time, appointments.timeText, "appointment_done_time"],
                        [appointments.words.place, appointments.place, "appointment_done_place"],
                        [appointments.words.bring, appointments.materials.join("、"), "appointment_done_bring"]
                    ]
                    delegate: Item {
                        required property var modelData
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        implicitHeight: Math.max(key.implicitHeight, value.implicitHeight)
                        Text {
                            id: key
                            width: 200
                            text: modelData[0]
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.textSecondary
                        }
                        Text {
                            id: value
                            objectName: modelData[2]
                            anchors.left: key.right
                            anchors.leftMargin: 24
                            anchors.right: parent.right
                            text: modelData[1]
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
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
