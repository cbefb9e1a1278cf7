"""What each flow state shows: its QML file, words, actions and navigation.

The flow decides *which* screen; this table decides only how it reads. Action ids are the
intents :mod:`ui.bridge.intents` turns into flow events, so a button can only offer what the
flow's table accepts in that state.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.flow.states import State


@dataclass(frozen=True)
class Action:
    """A button of a screen: the intent it sends, its label, and whether it is the primary."""

    id: str
    label: str
    primary: bool = False
    enabled: bool = True

    def to_qml(self) -> dict[str, object]:
        """The dict QML's ActionRow reads."""
        return {
            "id": self.id,
            "label": self.label,
            "primary": self.primary,
            "enabled": self.enabled,
        }


@dataclass(frozen=True)
class ScreenSpec:
    """How one state reads on screen."""

    file: str
    title: str = ""
    body: str = ""
    symbol: str = "i"
    tone: str = "info"
    actions: tuple[Action, ...] = ()
    nav: bool = True
    back: bool = True
    hint: str = ""


_RETRY_CARD = Action("retry_card", "重新放置证件", primary=True)
_QR_LOGIN = Action("qr_login", "改用扫码登录")
_HOME = Action("home", "返回首页", primary=True)
_CARD_HINT = "证件信息仅用于本次办理，离开时自动清除"

SCREENS: dict[State, ScreenSpec] = {
    State.HOME: ScreenSpec("HomeScreen.qml", nav=False),
    State.ATTRACT: ScreenSpec("AttractScreen.qml", nav=False),
    State.CATALOGUE: ScreenSpec("CatalogueScreen.qml"),
    State.GUIDE: ScreenSpec("GuideScreen.qml"),
    State.IDENTITY_CARD: ScreenSpec(
        "IdentityCardScreen.qml",
        "请将身份证放在感应区",
        "将居民身份证平放在下方读卡区，读取完成前请勿移动。",
        actions=(Action("qr_login", "没带身份证？扫码登录"),),
        hint=_CARD_HINT,
    ),
    State.IDENTITY_READING: ScreenSpec(
        "BusyScreen.qml", "正在读取证件…", "请勿移动证件，约需 1 秒。", back=False
    ),
    State.CARD_EXPIRED: ScreenSpec(
        "MessageScreen.qml",
        "证件已过有效期",
        "请使用有效期内的身份证，或改用扫码登录；也可到人工窗口办理。",
        "!",
        "error",
        (_RETRY_CARD, _QR_LOGIN),
    ),
    State.CARD_UNKNOWN: ScreenSpec(
        "MessageScreen.qml",
        "无法识别该证件",
        "本机支持居民身份证、外国人永久居留身份证和港澳台居民居住证。",
        "?",
        "error",
        (_RETRY_CARD, _QR_LOGIN),
    ),
    State.CARD_UNREADABLE: ScreenSpec(
        "MessageScreen.qml",
        "证件读取失败",
        "请将证件平放在感应区后重试。",
        "!",
        "error",
        (_RETRY_CARD, _QR_LOGIN),
    ),
    State.CARD_REMOVED: ScreenSpec(
        "MessageScreen.qml",
        "证件已取走",
        "核验完成前请将证件留在感应区。请重新放置证件继续办理。",
        "!",
        "error",
        (_RETRY_CARD, _QR_LOGIN),
    ),
    State.FACE_CONSENT: ScreenSpec(
        "FaceConsentScreen.qml",
        "人脸识别核验身份",
        actions=(
            Action("consent", "同意，开始人脸识别", primary=True),
            Action("decline", "不同意，改用其他方式"),
        ),
    ),
    State.IDENTITY_CHOICE: ScreenSpec(
        "MessageScreen.qml",
        "请选择其他核验方式",
        "您可以用政务服务App扫码登录，或到人工窗口办理。",
        "?",
        "info",
        (Action("qr_login", "扫码登录", primary=True), Action("window", "到人工窗口办理")),
    ),
    State.FACE_CAPTURE: ScreenSpec(
        "FaceCaptureScreen.qml",
        "请正对摄像头",
        "将面部置于框内，保持不动。照片仅用于本次核验，不会保存。",
    ),
    State.FACE_VERIFYING: ScreenSpec(
        "BusyScreen.qml", "正在核验身份…", "正在与证件照片比对，请稍候。", back=False
    ),
    State.FACE_RETRY: ScreenSpec(
        "MessageScreen.qml",
        "人脸核验未通过",
        "请正对摄像头，摘下帽子和口罩后重试。",
        "!",
        "error",
        (
            Action("retry_face", "重新识别", primary=True),
            Action("qr_login", "改用扫码登录"),
            Action("window", "到人工窗口办理"),
        ),
        back=False,
    ),
    State.REFER_TO_WINDOW: ScreenSpec(
        "MessageScreen.qml",
        "请到人工窗口办理",
        "工作人员将为您核验身份并办理，无需重复排队取号。",
        "→",
        "info",
        (_HOME,),
        back=False,
    ),
    State.QR_LOGIN: ScreenSpec(
        "QrLoginScreen.qml",
        "请出示政务服务App个人码",
        "打开手机上的政务服务App，点击“亮码”，将二维码对准下方扫码窗口。",
    ),
    State.QR_LOGIN_VERIFYING: ScreenSpec(
        "BusyScreen.qml", "正在登录…", "正在核验您的个人码，请稍候。", back=False
    ),
    State.VERIFIED: ScreenSpec(
        "VerifiedScreen.qml",
        "身份核验通过",
        "办理完成后请记得取走身份证。",
        actions=(
            Action("continue", "继续办理", primary=True),
            Action("services", "办理其他事项"),
            Action("home", "完成，退出"),
        ),
    ),
    State.OUT_OF_SERVICE: ScreenSpec(
        "MessageScreen.qml",
        "本机暂停服务",
        "",
        "!",
        "error",
        nav=False,
    ),
    State.PLACEHOLDER: ScreenSpec("MessageScreen.qml", "", "", "…", "info", (_HOME,)),
}
"""Every state's screen."""


def spec_for(state: str) -> ScreenSpec:
    """The screen of a state id; unknown ids (a newer flow) show the placeholder."""
    try:
        return SCREENS[State(state)]
    except ValueError:
        return SCREENS[State.PLACEHOLDER]
