import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import ".."
import "../components"

// The catalogue: search (Chinese, pinyin or initials), browse by life theme or department,
// and the results; matters that cannot run now are greyed with the reason.
Item {
    id: screen
    // The window's orientation, not this item's: the keyboard shortens the item while typing.
    readonly property bool portrait: Window.height >= Window.width

    // Portrait: one column. Landscape: search and filters on the left, the list on the
    // right with the full height, so it never shrinks to a row under the filters.
    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.portrait ? 1 : 2
        columnSpacing: Theme.spacing * 1.5
        rowSpacing: Theme.spacing

        ColumnLayout {
            objectName: "catalogue_filters"
            Layout.fillWidth: screen.portrait
            Layout.preferredWidth: screen.portrait ? -1 : Math.min(680, screen.width * 0.38)
            Layout.fillHeight: !screen.portrait
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            Text {
                text: qsTr("选择要办理的事项")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }

            KioskTextField {
                id: search
                objectName: "catalogue_search"
                Layout.fillWidth: true
                placeholderText: qsTr("输入事项名称、拼音或首字母，如 shebao、sbzm")
                onTextChanged: catalogue.search(text)
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: screen.portrait ? Theme.spacing : 16
                BigButton {
                    objectName: "catalogue_by_theme"
                    Layout.fillWidth: true
                    primary: catalogue.mode === "theme"
                    text: qsTr("按主题")
                    onClicked: catalogue.setMode("theme")
                }
                BigButton {
                    objectName: "catalogue_by_department"
                    Layout.fillWidth: true
                    primary: catalogue.mode === "department"
                    text: qsTr("按部门")
                    onClicked: catalogue.setMode("department")
                }
                BigButton {
                    objectName: "catalogue_bundles"
                    Layout.fillWidth: true
                    primary: catalogue.mode === "bundle"
                    text: qsTr("一件事")
                    onClicked: catalogue.setMode("bundle")
                }
            }

            ListView {
                id: chips
                objectName: "catalogue_groups"
                Layout.fillWidth: true
                Layout.preferredHeight: screen.portrait ? 96 : -1
                Layout.fillHeight: !screen.portrait
                visible: catalogue.groups.length > 0 && catalogue.query.length === 0
                orientation: screen.portrait ? ListView.Horizontal : ListView.Vertical
                spacing: 16
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                // Every chip built (a few dozen at most), so the content size is exact and
                // the last chip can be brought fully into view.
                cacheBuffer: 8000
                model: catalogue.groups
                // A new model (every change of the catalogue's state) starts at the first chip:
                // bring the selected one back into view.
                function showSelected() {
                    const index = catalogue.groups.indexOf(catalogue.group)
                    if (index >= 0)
                        positionViewAtIndex(index, ListView.Contain)
                }
                onCountChanged: Qt.callLater(showSelected)
                onContentWidthChanged: Qt.callLater(showSelected)
                onContentHeightChanged: Qt.callLater(showSelected)
                Connections {
                    target: catalogue
                    function onChanged() { Qt.callLater(chips.showSelected) }
                }
                delegate: Button {
                    required property var modelData
                    required property int index
                    objectName: "group_" + index
                    focusPolicy: Qt.NoFocus
                    width: chips.orientation === ListView.Vertical ? chips.width : implicitWidth
                    implicitHeight: 96
                    leftPadding: 32; rightPadding: 32
                    text: modelData
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    readonly property bool selected: catalogue.group === modelData
                    contentItem: Text {
                        text: parent.text; font: parent.font
                        color: parent.selected ? "white" : Theme.primaryDark
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: 48
                        color: parent.selected ? Theme.primary : Theme.primaryLight
                    }
                    onClicked: catalogue.selectGroup(modelData)
                }
            }
            Item {
                visible: !screen.portrait && !chips.visible
                Layout.fillHeight: true
            }
        }

        ColumnLayout {
            objectName: "catalogue_list"
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Text {
                objectName: "catalogue_summary"
                Layout.fillWidth: true
                text: catalogue.summary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
            }
            Text {
                objectName: "catalogue_as_of"
                Layout.fillWidth: true
                visible: text.length > 0
                text: catalogue.asOf
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.warning
                wrapMode: Text.WordWrap
            }

            ListView {
                id: results
                objectName: "catalogue_results"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 16
                model: catalogue.results
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }
                delegate: Button {
                    required property var modelData
                    objectName: "item_" + modelData.code
                    width: ListView.view.width - 24
                    implicitHeight: Math.max(140, body.implicitHeight + 48)
                    focusPolicy: Qt.NoFocus
                    onClicked: catalogue.open(modelData.code)
                    background: Rectangle {
                        radius: Theme.radius
                        color: parent.down ? Theme.primaryLight : (modelData.available ? Theme.surface : Theme.disabledFill)
                        border.width: 2
                        border.color: Theme.divider
                    }
                    contentItem: RowLayout {
                        spacing: 24
                        ColumnLayout {
                            id: body
                            Layout.fillWidth: true
                            Layout.leftMargin: 16
                            spacing: 6
                            Text {
                                Layout.fillWidth: true
                                text: modelData.name
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                                color: modelData.available ? Theme.text : Theme.textDisabled
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: modelData.detail
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textSecondary
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: !modelData.available
                                text: modelData.reason
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.warning
                                wrapMode: Text.WordWrap
                            }
                        }
                        Rectangle {
                            Layout.alignment: Qt.AlignVCenter
                            Layout.rightMargin: 8
                            implicitWidth: badge.implicitWidth + 32
                            implicitHeight: 56
                            radius: 28
                            color: modelData.available ? Theme.primaryLight : "transparent"
                            border.width: modelData.available ? 0 : 2
                            border.color: Theme.divider
                            Text {
                                id: badge
                                anchors.centerIn: parent
                                text: modelData.badge
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: modelData.available ? Theme.primaryDark : Theme.textDisabled
                            }
                        }
                    }
                }
                Text {
                    anchors.centerIn: parent
                    visible: results.count === 0
                    width: parent.width
                    text: catalogue.emptyText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
