import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."
import "../components"

// One page of the form: the page's fields (paged so that none scrolls with the keyboard up),
// 返回上一步 at the top and 下一步 at the bottom, both above the keyboard.
Item {
    id: screen
    property string choosingRegion: ""

    ColumnLayout {
        anchors { fill: parent; leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: 24; bottomMargin: 24 }
        spacing: 16
        ApplyHeader {
            Layout.fillWidth: true
            title: kiosk.title
            step: apply.stepText
            onBack: kiosk.back()
        }
        Text {
            objectName: "apply_matter"
            Layout.fillWidth: true
            text: apply.matterName
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            elide: Text.ElideRight
        }
        Text {
            objectName: "screen_reason"
            visible: text.length > 0
            Layout.fillWidth: true
            text: kiosk.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.accent
            wrapMode: Text.WordWrap
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            Repeater {
                model: apply.pageFields
                FormField {
                    required property string modelData
                    Layout.fillWidth: true
                    model: { apply.revision; return apply.field(modelData) }
                    onChooseRegion: (fieldId) => screen.choosingRegion = fieldId
                }
            }
            Item { Layout.fillHeight: true }
        }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }

    // The district chooser of an address field, over the page.
    Rectangle {
        objectName: "region_chooser"
        visible: screen.choosingRegion !== ""
        anchors.fill: parent
        color: "#CC1F2633"
        MouseArea { anchors.fill: parent; onClicked: screen.choosingRegion = "" }
        Rectangle {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            height: grid.implicitHeight + 64
            radius: Theme.radius
            color: Theme.surface
            GridLayout {
                id: grid
                anchors { fill: parent; margins: 32 }
                columns: 2
                rowSpacing: 12
                columnSpacing: 16
                Repeater {
                    model: screen.choosingRegion !== "" ? apply.regions : []
                    Button {
                        required property var modelData
                        objectName: "region_" + screen.choosingRegion + "_" + modelData.code
                        Layout.fillWidth: true
                        Layout.preferredHeight: 88
                        focusPolicy: Qt.NoFocus
                        text: modelData.name
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        onClicked: {
                            var f = apply.field(screen.choosingRegion)
                            apply.address(screen.choosingRegion, modelData.code, f.detail)
                            screen.choosingRegion = ""
                        }
                    }
                }
            }
        }
    }
}
