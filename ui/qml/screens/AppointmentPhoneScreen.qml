import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// 确认手机号码: the booking's phone, prefilled when the platform knows it, typed on the
// numeric keyboard; what more typing cannot fix shows under it at once, the rest on 确认预约.
Item {
    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
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
            objectName: "screen_body"
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: appointments.alert ? Theme.accent : Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "appointment_summary"
            Layout.fillWidth: true
            Layout.topMargin: 16
            text: appointments.matterName + "\n" + appointments.timeText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.primaryDark
            wrapMode: Text.WordWrap
            lineHeight: 1.2
        }
        Text {
            Layout.topMargin: 24
            text: appointments.words.phone
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
        }
        KioskTextField {
            objectName: "appointment_phone"
            property string fieldId: "phone"
            property string fieldKind: "phone"
            property string fieldLabel: appointments.words.phone
            property bool fieldRequired: true
            property string fieldError: appointments.phoneError
            Layout.fillWidth: true
            text: appointments.phone
            maximumLength: 12
            extraHints: Qt.ImhDialableCharactersOnly
            onTextChanged: if (text !== appointments.phone) appointments.editPhone(text)
        }
        Text {
            objectName: "appointment_phone_error"
            visible: appointments.phoneError.length > 0
            text: appointments.phoneError
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.accent
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
