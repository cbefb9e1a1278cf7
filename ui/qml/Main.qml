import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import "."
import "components"

// The kiosk's one window: header, the current flow screen, the bottom navigation, the
// touch keyboard, the idle dialog and (simulated devices only) the dev dock.
// Every decision is the view-models'; this file only lays things out.
Window {
    id: root
    objectName: "root"
    width: kiosk.windowWidth
    height: kiosk.windowHeight
    visible: true
    color: Theme.background
    title: qsTr("政务服务自助终端")
    flags: kiosk.frameless ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window

    readonly property bool portrait: height >= width
    readonly property bool keyboardUp: keyboard.active


    Component.onCompleted: {
        Theme.primary = branding.primaryColor
        Theme.primaryDark = branding.primaryDarkColor
        Theme.primaryLight = branding.primaryLightColor
        Theme.textScale = branding.textScale
        VirtualKeyboardSettings.locale = "zh_CN"
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
    }

    // 适老模式: every size in Theme grows while the session's elderly mode is on.
    Binding { target: Theme; property: "elderly"; value: kiosk.elderly }

    Header {
        id: header
        objectName: "header"
        helpLine: kiosk.helpLine
        visible: kiosk.screen !== "attract"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: visible ? implicitHeight : 0
        hallName: kiosk.hallName
        dateText: kiosk.dateText
        timeText: kiosk.timeText
        onCornerGesture: kiosk.intent("maintenance")
    }

    Loader {
        id: screenLoader
        objectName: "screen_loader"
        anchors {
            left: parent.left; right: parent.right; top: header.bottom
            bottom: nav.visible ? nav.top : (root.keyboardUp ? keyboard.top : parent.bottom)
        }
        source: "screens/" + kiosk.screenFile
    }

    // The way back (返回 / 退出) stays above the keyboard while it is open.
    NavBar {
        id: nav
        objectName: "nav"
        visible: kiosk.showNav
        anchors { left: parent.left; right: parent.right; bottom: root.keyboardUp ? keyboard.top : parent.bottom }
        height: visible ? implicitHeight : 0
        backVisible: kiosk.backVisible
        hint: kiosk.navHint
        onBack: kiosk.back()
        onQuit: kiosk.quit()
    }

    InputPanel {
        id: keyboard
        objectName: "keyboard"
        width: Math.min(parent.width, 1400)
        anchors.horizontalCenter: parent.horizontalCenter
        y: active ? parent.height - height : parent.height
    }
    KeyboardTuning { panel: keyboard }

    IdleDialog {
        objectName: "idle_dialog"
        anchors.fill: parent
        visible: kiosk.idleWarning
        secondsLeft: kiosk.idleSeconds
        onKeep: kiosk.keepSession()
        onFinish: kiosk.quit()
    }

    Loader {
        objectName: "dev_dock_loader"
        active: kiosk.devDockOpen
        anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
        width: Math.min(parent.width * 0.6, 640)
        source: "DevDock.qml"
    }
}
