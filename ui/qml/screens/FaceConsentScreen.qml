import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Separate consent for face recognition (PIPL art. 29; face-recognition rules 2025):
// purpose, single use, no storage, who processes it, and a non-face alternative.
Item {
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        // The notice scrolls when it does not fit (elderly mode's larger text); the choice
        // stays in view below it.
        Flickable {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: notice.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: notice
                width: scroller.width
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
                    Layout.fillWidth: true
                    text: identity.maskedName.length ? qsTr("您好，%1").arg(identity.maskedName) : ""
                    visible: text.length > 0
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    color: Theme.primaryDark
                }
                SectionCard {
                    Layout.fillWidth: true
                    title: qsTr("人脸识别告知")
                    lines: kiosk.consentLines
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
