import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The live camera view with a face guide oval and the face-quality check's guidance.
Item {
    id: screen
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
            horizontalAlignment: Text.AlignHCenter
        }

        Rectangle {
            id: viewport
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 1000
            radius: Theme.radius
            color: "#101820"
            clip: true
            Image {
                id: frame
                objectName: "camera_view"
                anchors.fill: parent
                fillMode: Image.PreserveAspectCrop
                source: identity.cameraSource
                cache: false
                asynchronous: false
                mirror: true
            }
            Rectangle {
                id: oval
                anchors.centerIn: parent
                width: Math.min(parent.width * 0.62, parent.height * 0.5)
                height: width * 1.3
                radius: width / 2
                color: "transparent"
                border.width: 8
                border.color: identity.faceOk ? "#4CD964" : "white"
                opacity: 0.9
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: guidance.implicitHeight + 40
            radius: Theme.radius
            color: identity.faceOk ? "#E6F4EA" : Theme.primaryLight
            Text {
                id: guidance
                objectName: "face_guidance"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 24 }
                text: identity.guidance
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: identity.faceOk ? Theme.success : Theme.primaryDark
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
        Text {
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
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
