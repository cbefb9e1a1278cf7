import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// 拍摄材料: the document camera's live view with the detected page outlined, the guidance,
// and the pages taken so far (the last one shown perspective-corrected, with retake advice).
Item {
    readonly property var m: { apply.revision; return apply.material }

    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: 24; bottomMargin: 24 }
        spacing: Theme.spacing
        ApplyHeader {
            Layout.fillWidth: true
            title: kiosk.title
            step: apply.stepText
            onBack: kiosk.back()
        }
        Text {
            objectName: "material_name"
            Layout.fillWidth: true
            text: m.name || ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 860
            radius: Theme.radius
            color: "#101820"
            clip: true
            Image {
                objectName: "document_view"
                anchors.fill: parent
                fillMode: Image.PreserveAspectFit
                source: capture.cameraSource
                cache: false
                asynchronous: false
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: guidance.implicitHeight + 40
            radius: Theme.radius
            color: capture.pageInView ? "#E6F4EA" : Theme.primaryLight
            Text {
                id: guidance
                objectName: "capture_guidance"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 24 }
                text: capture.guidance
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: capture.pageInView ? Theme.success : Theme.primaryDark
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: 300
            spacing: Theme.spacing
            Rectangle {
                visible: capture.pageCount > 0
                Layout.preferredWidth: 240
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.divider
                border.width: 2
                Image {
                    objectName: "last_page"
                    anchors { fill: parent; margins: 8 }
                    fillMode: Image.PreserveAspectFit
                    source: capture.lastPageSource
                    cache: false
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 12
                Text {
                    objectName: "pages_taken"
                    Layout.fillWidth: true
                    text: capture.pagesText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "page_advice"
                    visible: capture.pageCount > 0
                    Layout.fillWidth: true
                    text: capture.lastPageAdvice.length > 0 ? capture.lastPageAdvice
                                                            : capture.word("page_fine")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: capture.lastPageAdvice.length > 0 ? Theme.accent : Theme.success
                    wrapMode: Text.WordWrap
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
