import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import ".."
import "../components"

// One material: how it is satisfied (an e-licence from the library, a signed commitment,
// 稍后补交 with its deadline) or the ways the citizen may choose.
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
            text: (m.name || "") + (m.required ? "" : "（" + apply.word("optional") + "）")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Text {
            visible: (m.note || "").length > 0
            Layout.fillWidth: true
            text: m.note || ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        // Satisfied: what satisfies it.
        Rectangle {
            visible: m.status !== "missing"
            Layout.fillWidth: true
            implicitHeight: done.implicitHeight + 64
            radius: Theme.radius
            color: "#E6F4EA"
            ColumnLayout {
                id: done
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 32 }
                spacing: 12
                Text {
                    objectName: "material_status"
                    text: "✓ " + (m.status === "licence" ? apply.word("licence")
                                : m.status === "commitment" ? apply.word("committed")
                                : m.status === "deferred" || m.status === "scan" ? m.detail : "")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.success
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Text {
                    visible: m.status === "licence"
                    Layout.fillWidth: true
                    text: m.detail || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
        }
        // Not yet satisfied: the commitment text and the ways offered.
        Rectangle {
            visible: m.status === "missing" && m.canCommit === true
            Layout.fillWidth: true
            implicitHeight: promise.implicitHeight + 64
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.divider
            border.width: 2
            ColumnLayout {
                id: promise
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 32 }
                spacing: 16
                Text {
                    text: apply.word("commitment_heading")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.primaryDark
                }
                Text {
                    objectName: "commitment_text"
                    Layout.fillWidth: true
                    text: m.commitmentText || ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.WordWrap
                    lineHeight: 1.3
                }
                BigButton {
                    objectName: "action_apply_commit"
                    Layout.fillWidth: true
                    primary: false
                    text: apply.word("commit")
                    onClicked: kiosk.intent("apply_commit")
                }
            }
        }
        BigButton {
            visible: m.canCapture === true && (m.status === "missing" || m.status === "scan")
            objectName: "action_apply_capture"
            Layout.fillWidth: true
            primary: false
            text: m.status === "scan" ? apply.word("recapture") : apply.word("capture")
            onClicked: kiosk.intent("apply_capture")
        }
        BigButton {
            visible: m.status === "missing" && m.canDefer === true
            objectName: "action_apply_defer"
            Layout.fillWidth: true
            primary: false
            text: m.deferLabel || ""
            onClicked: kiosk.intent("apply_defer")
        }
        Text {
            objectName: "material_unavailable"
            visible: m.status === "missing"  && !m.canCommit && !m.canDefer && !m.canCapture
            Layout.fillWidth: true
            text: m.required ? apply.word("scan_later") : apply.word("optional_material")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: m.required ? Theme.accent : Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        BigButton {
            visible: m.status === "commitment" || m.status === "deferred"
            objectName: "action_apply_undo"
            Layout.fillWidth: true
            primary: false
            text: apply.word("undo")
            onClicked: kiosk.intent("apply_undo")
        }
        Item { Layout.fillHeight: true }
        ActionRow {
            Layout.fillWidth: true
            actions: kiosk.actions
            onTriggered: (action) => kiosk.intent(action)
        }
    }
}
