pragma Singleton
import QtQuick

// Sizes, colours and fonts of the kiosk: one place, calm government blue and white.
// Sizes are in logical pixels of a 1080×1920 portrait screen; `scale` grows them by the
// profile's `textScale` ([branding] text_scale) and, at least to `elderlyFactor`, in
// elderly mode (适老模式). The
// primary colours are the profile's too (Main.qml sets them from `branding` at load).
QtObject {
    // The session's elderly mode (Main.qml binds it to `kiosk.elderly`).
    property bool elderly: false
    property real textScale: 1.0
    // 适老模式 factor, from MIIT's 2021 ageing design rules (main text >= 18 pt, the largest
    // >= 30 pt, line spacing >= 1.3), written for phones read at about 30 cm. The kiosk's
    // smallest usual 1080x1920 portrait panel is 21.5" (2203 px diagonal: 102 ppi), where
    // 1 pt (1/72 in) is 1.42 px; a standing citizen reads it at about 50 cm, 1.67 times the
    // phone's distance, so the same apparent size needs 1.67 times more:
    // 18 pt -> 18 x 1.42 x 1.67 = 43 px, 30 pt -> 71 px. Body text 32 px x 1.4 = 45 px and
    // the title 56 px x 1.4 = 78 px meet both (1.2 would give a 38 px body: too small).
    // Line spacing: Noto Sans CJK's own line height is 1.45 x its size (no leading
    // needed; tests/ui/test_elderly_theme.py checks it). Targets: 60 dp (9.5 mm) scaled for
    // the distance is 16 mm = 64 px; touchMin 96 px is 24 mm and buttons grow with `scale`.
    // A profile's own `textScale` is not multiplied by it (1.25 x 1.4 no longer fits 1080 px:
    // titles are cut): elderly mode gives at least `elderlyFactor`, a larger site scale stays.
    readonly property real elderlyFactor: 1.4
    readonly property real scale: elderly ? Math.max(elderlyFactor, textScale) : textScale

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
    // The bottom bar holds a BigButton, which grows in elderly mode.
    readonly property int footerHeight: Math.max(152, buttonHeight + 32)
}
