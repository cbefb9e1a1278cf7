import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// A wait: a turning ring, a title and a plain sentence about what is happening.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: 48
        Spinner { Layout.alignment: Qt.AlignHCenter }
        Text {
            objectName: "screen_title"
            Layout.fillWidth: true
            text: kiosk.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }
}
