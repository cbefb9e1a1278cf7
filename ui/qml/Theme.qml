pragma Singleton
import QtQuick

// Sizes, colours and fonts of the kiosk: one place, calm government blue and white.
// Sizes are in logical pixels of a 1080×1920 portrait screen; `scale` grows them in
// elderly mode (适老模式) and by the profile's `textScale` ([branding] text_scale). The
// primary colours are the profile's too (Main.qml sets them from `branding` at load).
QtObject {
    property bool elderly: false
    property real textScale: 1.0
    readonly property real scale: (elderly ? 1.2 : 1.0) * textScale

    // Characters Noto lacks (CJK Extension B and later, e.g. U+20000) are drawn by Qt's
    // fontconfig fallback from HanaMin A/B and BabelStone Han (Debian fonts-hanazono,
    // fonts-babelstone-han, installed by ./dev); QML in Qt 6.11 has no font.families.
    readonly property string fontFamily: "Noto Sans CJK SC"

    property color primary: "#1656B8"
    property color primaryDark: "#0E3F8C"
    property color primaryLight: "#E8F0FC"
    readonly property color accent: "#D4380D"
    readonly property color success: "#2E7D32"
    readonly property color warning: "#B26A00"
    readonly property color background: "#F4F7FB"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#1F2633"
    readonly property color textSecondary: "#4A5568"
    readonly property color textDisabled: "#8A94A6"
    readonly property color divider: "#D5DDE8"
    readonly property color disabledFill: "#E4E8EE"

    readonly property int fontTitle: Math.round(56 * scale)
    readonly property int fontHeading: Math.round(44 * scale)
    readonly property int fontLarge: Math.round(38 * scale)
    readonly property int fontBody: Math.round(32 * scale)
    readonly property int fontSmall: Math.round(28 * scale)

    readonly property int touchMin: 96
    readonly property int buttonHeight: Math.round(112 * scale)
    readonly property int radius: 20
    readonly property int margin: 48
    readonly property int spacing: 28
    readonly property int headerHeight: 168
    readonly property int footerHeight: 152
}
