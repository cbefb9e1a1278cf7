import QtQuick
import ".."

// One of the five faces of 好差评, drawn (no font needed): 5 a broad smile in green down to
// 1 a frown in red; the eyebrows tilt for the lowest two. Chosen: a thick ring around it.
Canvas {
    id: face
    property int rating: 3
    property bool selected: false
    readonly property var colors: ["#D4380D", "#E8742A", "#E0A800", "#5BA532", "#2E7D32"]
    readonly property color tint: colors[Math.max(1, Math.min(5, rating)) - 1]
    implicitWidth: 140
    implicitHeight: 140
    onRatingChanged: requestPaint()
    onSelectedChanged: requestPaint()
    onPaint: {
        var ctx = getContext("2d")
        var w = width, h = height, r = Math.min(w, h) / 2 - 6
        var cx = w / 2, cy = h / 2
        ctx.reset()
        ctx.beginPath()
        ctx.arc(cx, cy, r, 0, 2 * Math.PI)
        ctx.fillStyle = tint
        ctx.fill()
        if (selected) {
            ctx.lineWidth = 6
            ctx.strokeStyle = Theme.text
            ctx.stroke()
        }
        ctx.fillStyle = "white"
        ctx.strokeStyle = "white"
        ctx.lineCap = "round"
        // eyes
        var ex = r * 0.36, ey = cy - r * 0.22, er = r * 0.11
        ctx.beginPath(); ctx.arc(cx - ex, ey, er, 0, 2 * Math.PI); ctx.fill()
        ctx.beginPath(); ctx.arc(cx + ex, ey, er, 0, 2 * Math.PI); ctx.fill()
        ctx.lineWidth = Math.max(4, r * 0.1)
        if (rating <= 2) {  // frowning brows
            ctx.beginPath()
            ctx.moveTo(cx - ex - er * 1.4, ey - er * 2.6); ctx.lineTo(cx - ex + er * 1.2, ey - er * 1.6)
            ctx.moveTo(cx + ex + er * 1.4, ey - er * 2.6); ctx.lineTo(cx + ex - er * 1.2, ey - er * 1.6)
            ctx.stroke()
        }
        // mouth: a curve that bends up for a smile and down for a frown
        var bend = (rating - 3) * r * 0.22
        var my = cy + r * 0.38 - bend / 2
        ctx.beginPath()
        ctx.moveTo(cx - r * 0.42, my)
        ctx.quadraticCurveTo(cx, my + bend * 1.6, cx + r * 0.42, my)
        ctx.stroke()
    }
}
