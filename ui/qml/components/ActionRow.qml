import QtQuick
import QtQuick.Layouts
import ".."

// The actions a view-model offers for the current screen, one button each; the first
// primary one is the screen's single obvious action.
ColumnLayout {
    id: row
    property var actions: []
    signal triggered(string action)
    spacing: Theme.spacing
    Repeater {
        model: row.actions
        BigButton {
            required property var modelData
            objectName: "action_" + modelData.id
            Layout.fillWidth: true
            primary: modelData.primary
            enabled: modelData.enabled
            text: modelData.label
            onClicked: row.triggered(modelData.id)
        }
    }
}
