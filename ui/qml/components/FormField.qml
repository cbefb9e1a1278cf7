import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."

// One form question: its label (必填, 已自动填入), the input its kind needs — a text field
// opening the right keyboard, chips for a select, a tick box, a date, or a district chooser
// with the detail — and the message beside it as the citizen types.
ColumnLayout {
    id: root
    property var model: ({})
    signal chooseRegion(string fieldId)
    spacing: 0

    RowLayout {
        Layout.fillWidth: true
        Layout.preferredHeight: root.model.kind === "select" ? 80 : 48
        spacing: 16
        Text {
            text: root.model.label + (root.model.required ? " *" : "")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        Rectangle {
            visible: root.model.prefilled === true
            objectName: "prefilled_" + root.model.id
            radius: 8
            color: "#E6F4EA"
            implicitWidth: prefilledText.implicitWidth + 24
            implicitHeight: 36
            Text {
                id: prefilledText
                anchors.centerIn: parent
                text: apply.word("prefilled")
                font.family: Theme.fontFamily
                font.pixelSize: 22
                color: Theme.success
            }
        }
        Item { Layout.fillWidth: true }
    }

    // Text-like kinds: one field, the keyboard of its kind.
    KioskTextField {
        id: input
        visible: ["text", "textarea", "id_number", "phone", "number", "email", "date"].indexOf(root.model.kind) >= 0
        objectName: "field_" + root.model.id
        property string fieldId: root.model.id
        property string fieldKind: root.model.kind
        property string fieldLabel: root.model.label
        property bool fieldRequired: root.model.required
        property string fieldError: root.model.error
        Layout.fillWidth: true
        Layout.preferredHeight: visible ? (root.model.kind === "textarea" ? 256 : 96) : 0
        text: root.model.value
        extraHints: root.model.hints
        maximumLength: root.model.maxLength > 0 ? root.model.maxLength + 1 : 32767
        placeholderText: root.model.kind === "date" ? apply.word("date_hint") : ""
        // Typing and /ui/type alike: every change of the text is an edit.
        onTextChanged: if (root.model.id && text !== root.model.value) apply.edit(root.model.id, text)
    }

    // A select: chips, two to a row.
    GridLayout {
        visible: root.model.kind === "select"
        Layout.fillWidth: true
        columns: 2
        rowSpacing: 12
        columnSpacing: 16
        Repeater {
            model: root.model.kind === "select" ? root.model.options : []
            Button {
                required property var modelData
                objectName: "option_" + root.model.id + "_" + modelData.value
                property string fieldId: root.model.id
                property string fieldKind: "select"
                property string fieldLabel: root.model.label
                property bool fieldRequired: root.model.required
                property string fieldError: root.model.error
                property string optionValue: modelData.value
                property bool selected: modelData.selected
                Layout.fillWidth: true
                Layout.preferredHeight: 76
                focusPolicy: Qt.NoFocus
                text: modelData.label
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                onClicked: apply.edit(root.model.id, modelData.value)
                background: Rectangle {
                    radius: 38
                    color: parent.selected ? Theme.primary : Theme.surface
                    border.width: 2
                    border.color: parent.selected ? Theme.primary : Theme.divider
                }
                contentItem: Text {
                    text: parent.text; font: parent.font
                    color: parent.selected ? "white" : Theme.text
                    horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                }
            }
        }
    }

    // A checkbox: one big tick button.
    Button {
        visible: root.model.kind === "checkbox"
        objectName: "check_" + root.model.id
        property string fieldId: root.model.id
        property string fieldKind: "checkbox"
        property string fieldLabel: root.model.label
        property bool fieldRequired: root.model.required
        property string fieldError: root.model.error
        property bool selected: root.model.checked === true
        Layout.preferredHeight: visible ? 64 : 0
        Layout.preferredWidth: 320
        focusPolicy: Qt.NoFocus
        text: (selected ? "☑ " : "☐ ") + (selected ? apply.word("yes") : apply.word("no"))
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        onClicked: apply.tick(root.model.id, !selected)
    }

    // An address: the district chooser, then the detail (Pinyin).
    Button {
        visible: root.model.kind === "address"
        objectName: "region_" + root.model.id
        property string fieldId: root.model.id
        property string fieldKind: "address_region"
        property string fieldLabel: root.model.label
        property bool fieldRequired: root.model.required
        property string fieldError: root.model.error
        Layout.fillWidth: true
        Layout.preferredHeight: visible ? 96 : 0
        focusPolicy: Qt.NoFocus
        text: root.model.regionName ? root.model.regionName : apply.word("choose_region") + " ▾"
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        onClicked: root.chooseRegion(root.model.id)
        background: Rectangle { radius: Theme.radius; color: Theme.surface; border.width: 2; border.color: Theme.divider }
        contentItem: Text { text: parent.text; font: parent.font; color: root.model.regionName ? Theme.text : Theme.textDisabled; verticalAlignment: Text.AlignVCenter; leftPadding: 32 }
    }
    KioskTextField {
        visible: root.model.kind === "address"
        objectName: "detail_" + root.model.id
        property string fieldId: root.model.id
        property string fieldKind: "address_detail"
        property string fieldLabel: root.model.label
        property bool fieldRequired: root.model.required
        property string fieldError: root.model.error
        Layout.fillWidth: true
        Layout.topMargin: visible ? 24 : 0
        Layout.preferredHeight: visible ? 96 : 0
        text: root.model.detail
        placeholderText: apply.word("detail")
        extraHints: root.model.hints
        onTextChanged: if (root.model.id && text !== root.model.detail) apply.address(root.model.id, root.model.region, text)
    }

    Text {
        objectName: "error_" + root.model.id
        Layout.fillWidth: true
        Layout.preferredHeight: 32
        text: root.model.error ? "⚠ " + root.model.error : (root.model.help || "")
        font.family: Theme.fontFamily
        font.pixelSize: 24
        color: root.model.error ? Theme.accent : Theme.textSecondary
        elide: Text.ElideRight
    }
}
