import QtQuick
import QtQuick.Layouts
import "../.."
import "../../components"

// The live picture of a camera with what the kiosk finds in it drawn over it: faces (green
// boxes), QR codes (blue outline and their text) and the page (orange outline). Detection
// runs off the GUI thread; this only draws the shapes it is given.
Rectangle {
    id: panel
    objectName: "camera_preview"
    implicitHeight: layout.implicitHeight + 40
    radius: Theme.radius
    color: Theme.surface
    border.width: 3
    border.color: Theme.primary
    readonly property var colours: ({ face: "#34C759", qr: "#0A84FF", page: "#FF9F0A" })

    ColumnLayout {
        id: layout
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 20 }
        spacing: 12
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: width * 9 / 16
            color: "#101820"
            radius: 12
            clip: true
            Image {
                id: frame
                objectName: "camera_preview_frame"
                anchors.fill: parent
                fillMode: Image.PreserveAspectFit
                source: maintenance.previewSource
                cache: false
                asynchronous: false
            }
            Canvas {
                id: shapes
                objectName: "camera_preview_overlay"
                anchors.fill: parent
                readonly property var found: maintenance.previewShapes
                onFoundChanged: requestPaint()
                onWidthChanged: requestPaint()
                onHeightChanged: requestPaint()
                onPaint: {
                    const ctx = getContext("2d")
                    ctx.clearRect(0, 0, width, height)
                    const w = frame.paintedWidth > 0 ? frame.paintedWidth : width
                    const h = frame.paintedHeight > 0 ? frame.paintedHeight : height
                    const left = (width - w) / 2
                    const top = (height - h) / 2
                    ctx.lineWidth = 5
                    ctx.font = "bold 24px '" + Theme.fontFamily + "'"
                    for (const shape of found) {
                        const p = shape.points
                        const colour = panel.colours[shape.kind] || "white"
                        ctx.strokeStyle = colour
                        ctx.beginPath()
                        ctx.moveTo(left + p[0] * w, top + p[1] * h)
                        for (let i = 2; i < p.length; i += 2)
                            ctx.lineTo(left + p[i] * w, top + p[i + 1] * h)
                        ctx.closePath()
                        ctx.stroke()
                        if (shape.label.length > 0) {
                            ctx.fillStyle = colour
                            ctx.fillText(shape.label, left + p[0] * w, Math.max(24, top + p[1] * h - 10))
                        }
                    }
                }
            }
        }
        Text {
            objectName: "camera_preview_note"
            Layout.fillWidth: true
            text: maintenance.previewNote
            font.family: Theme.fontFamily
            font.pixelSize: 24
            color: Theme.textSecondary
            wrapMode: Text.WrapAnywhere
        }
        BigButton {
            objectName: "camera_preview_stop"
            Layout.fillWidth: true
            implicitHeight: 96
            primary: false
            text: qsTr("关闭预览")
            onClicked: maintenance.perform("preview_stop", maintenance.previewDevice)
        }
    }
}
