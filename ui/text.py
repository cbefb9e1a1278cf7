"""Every citizen-facing sentence the Python side of the UI shows, in one place.

The kiosk layer speaks in codes (states, reasons, gate reasons, topics); this module words
them. Each source text is marked for Qt Linguist (``QT_TRANSLATE_NOOP`` in the tables,
``QCoreApplication.translate`` where it is used), so ``pyside6-lupdate ui/`` extracts it with
the QML's ``qsTr`` literals into one ``.ts`` file; an English translation is a ``.qm`` file
loaded with a ``QTranslator``, no code change. Placeholders are ``{name}`` (``str.format``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from kiosk.flow.states import PlaceholderTopic, Reason, State
from kiosk.flow.view import ContinueBlock
from kiosk.gating import GateReason
from kiosk.identity.consent import ConsentPurpose


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name lupdate seeks)
    """Mark ``source`` for extraction in ``context``; it is translated where it is shown."""
    return source


def tr(context: str, source: str) -> str:
    """``source`` (a text marked in ``context``) in the installed language."""
    return QCoreApplication.translate(context, source)


# --- why a screen is shown ------------------------------------------------------------------

_REASONS: Mapping[Reason, str] = {
    Reason.CARD_READ_TIMEOUT: QT_TRANSLATE_NOOP("Reason", "未能读取证件，请将证件平放在感应区后重试。"),
    Reason.CARD_READ_FAILED: QT_TRANSLATE_NOOP("Reason", "证件读取失败，请重新放置证件。"),
    Reason.ID_NUMBER_INVALID: QT_TRANSLATE_NOOP("Reason", "证件信息校验失败，请到人工窗口办理。"),
    Reason.FACE_MISMATCH: QT_TRANSLATE_NOOP("Reason", "人脸比对未通过，请正对摄像头后重试。"),
    Reason.NO_FACE: QT_TRANSLATE_NOOP("Reason", "未检测到清晰的人脸，请正对摄像头后重试。"),
    Reason.CAMERA_FAILED: QT_TRANSLATE_NOOP("Reason", "摄像头暂时无法使用。"),
    Reason.CARD_REJECTED: QT_TRANSLATE_NOOP("Reason", "证件未通过核验，请到人工窗口办理。"),
    Reason.PLATFORM_UNAVAILABLE: QT_TRANSLATE_NOOP("Reason", "网络或服务暂时不可用，请稍后重试。"),
    Reason.TOO_MANY_FAILURES: QT_TRANSLATE_NOOP("Reason", "多次核验未通过，请到人工窗口办理。"),
    Reason.CONSENT_DECLINED: QT_TRANSLATE_NOOP("Reason", "您可以扫码登录，或到人工窗口办理。"),
    Reason.QR_REJECTED: QT_TRANSLATE_NOOP("Reason", "二维码无效或已过期，请在手机上刷新后重新扫描。"),
    Reason.GUIDE_UNAVAILABLE: QT_TRANSLATE_NOOP("Reason", "暂时无法打开该事项的办事指南，请稍后重试。"),
    Reason.SUSPENDED: QT_TRANSLATE_NOOP("Reason", "管理平台已暂停本机服务，请到人工窗口办理。"),
    Reason.DEVICES_DOWN: QT_TRANSLATE_NOOP("Reason", "本机设备故障，暂停服务，请到人工窗口办理。"),
    Reason.MAINTENANCE: QT_TRANSLATE_NOOP("Reason", "本机正在维护，暂停服务，请到人工窗口办理。"),
}


def reason(value: Reason | None) -> str:
    """The sentence of a flow reason (empty for none); QML may restyle it but not reword."""
    return tr("Reason", _REASONS[value]) if value is not None else ""


_GATE_REASONS: Mapping[GateReason, str] = {
    GateReason.GUIDE_ONLY: QT_TRANSLATE_NOOP("GateReason", "本事项暂不支持在自助终端办理，请按办事指南到窗口办理或预约。"),
    GateReason.ID_READER_DOWN: QT_TRANSLATE_NOOP("GateReason", "身份证阅读器暂时无法使用。"),
    GateReason.CAMERA_DOWN: QT_TRANSLATE_NOOP("GateReason", "人脸识别摄像头暂时无法使用。"),
    GateReason.QR_SCANNER_DOWN: QT_TRANSLATE_NOOP("GateReason", "扫码器暂时无法使用。"),
    GateReason.PRINTER_DOWN: QT_TRANSLATE_NOOP("GateReason", "打印机暂时无法使用，本事项需在本机打印结果。"),
    GateReason.PRINTER_NO_PAPER: QT_TRANSLATE_NOOP("GateReason", "打印机缺纸，本事项需在本机打印结果。"),
}


def gate_message(reasons: Iterable[GateReason]) -> str:
    """Why a matter cannot start, as one run of sentences; empty when it can."""
    return "".join(tr("GateReason", _GATE_REASONS[r]) for r in reasons)


_CONTINUE_BLOCKS: Mapping[ContinueBlock, str] = {
    ContinueBlock.FORMS_NOT_YET: QT_TRANSLATE_NOOP("ContinueBlock", "表单办理将在后续版本提供"),
}


def continue_blocked(block: ContinueBlock) -> str:
    """Why 继续办理 is disabled (no final full stop: it is also a button's tooltip)."""
    return tr("ContinueBlock", _CONTINUE_BLOCKS[block])


# --- placeholders of later features --------------------------------------------------------

_PLACEHOLDERS: Mapping[PlaceholderTopic, tuple[str, str]] = {
    PlaceholderTopic.PROGRESS: (
        QT_TRANSLATE_NOOP("Placeholder", "查询进度"),
        QT_TRANSLATE_NOOP("Placeholder", "扫描回执上的二维码或输入办件编号，查询办理进度。"),
    ),
    PlaceholderTopic.CERTIFICATE_PRINT: (
        QT_TRANSLATE_NOOP("Placeholder", "证明打印"),
        QT_TRANSLATE_NOOP("Placeholder", "核验身份后查询并打印社保缴费证明等证明材料。"),
    ),
    PlaceholderTopic.APPOINTMENT: (
        QT_TRANSLATE_NOOP("Placeholder", "预约"),
        QT_TRANSLATE_NOOP("Placeholder", "预约人工窗口的办理时间。"),
    ),
    PlaceholderTopic.EVALUATION: (
        QT_TRANSLATE_NOOP("Placeholder", "评价"),
        QT_TRANSLATE_NOOP("Placeholder", "对本次服务进行“好差评”评价。"),
    ),
    PlaceholderTopic.ELDERLY_MODE: (
        QT_TRANSLATE_NOOP("Placeholder", "适老模式"),
        QT_TRANSLATE_NOOP("Placeholder", "更大的字体、更慢的节奏和更简明的说明。"),
    ),
}


def placeholder_title(topic: PlaceholderTopic) -> str:
    """The heading of a later feature's placeholder."""
    return tr("Placeholder", _PLACEHOLDERS[topic][0])


def placeholder_body(topic: PlaceholderTopic) -> str:
    """What the feature will be, and that it comes later."""
    later = QCoreApplication.translate("Placeholder", "该功能将在后续版本提供。")
    return f"{tr('Placeholder', _PLACEHOLDERS[topic][1])}\n{later}"


# --- screens ----------------------------------------------------------------------------------

_CARD_HINT = QT_TRANSLATE_NOOP("Screen", "证件信息仅用于本次办理，离开时自动清除")

_SCREENS: Mapping[State, tuple[str, str, str]] = {
    State.IDENTITY_CARD: (
        QT_TRANSLATE_NOOP("Screen", "请将身份证放在感应区"),
        QT_TRANSLATE_NOOP("Screen", "将居民身份证平放在下方读卡区，读取完成前请勿移动。"),
        _CARD_HINT,
    ),
    State.IDENTITY_READING: (
        QT_TRANSLATE_NOOP("Screen", "正在读取证件…"),
        QT_TRANSLATE_NOOP("Screen", "请勿移动证件，约需 1 秒。"),
        "",
    ),
    State.CARD_EXPIRED: (
        QT_TRANSLATE_NOOP("Screen", "证件已过有效期"),
        QT_TRANSLATE_NOOP("Screen", "请使用有效期内的身份证，或改用扫码登录；也可到人工窗口办理。"),
        "",
    ),
    State.CARD_UNKNOWN: (
        QT_TRANSLATE_NOOP("Screen", "无法识别该证件"),
        QT_TRANSLATE_NOOP("Screen", "本机支持居民身份证、外国人永久居留身份证和港澳台居民居住证。"),
        "",
    ),
    State.CARD_UNREADABLE: (
        QT_TRANSLATE_NOOP("Screen", "证件读取失败"),
        QT_TRANSLATE_NOOP("Screen", "请将证件平放在感应区后重试。"),
        "",
    ),
    State.CARD_REMOVED: (
        QT_TRANSLATE_NOOP("Screen", "证件已取走"),
        QT_TRANSLATE_NOOP("Screen", "核验完成前请将证件留在感应区。请重新放置证件继续办理。"),
        "",
    ),
    State.FACE_CONSENT: (QT_TRANSLATE_NOOP("Screen", "人脸识别核验身份"), "", ""),
    State.IDENTITY_CHOICE: (
        QT_TRANSLATE_NOOP("Screen", "请选择其他核验方式"),
        QT_TRANSLATE_NOOP("Screen", "您可以用政务服务App扫码登录，或到人工窗口办理。"),
        "",
    ),
    State.FACE_CAPTURE: (
        QT_TRANSLATE_NOOP("Screen", "请正对摄像头"),
        QT_TRANSLATE_NOOP("Screen", "将面部置于框内，保持不动。照片仅用于本次核验，不会保存。"),
        "",
    ),
    State.FACE_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验身份…"),
        QT_TRANSLATE_NOOP("Screen", "正在与证件照片比对，请稍候。"),
        "",
    ),
    State.FACE_RETRY: (
        QT_TRANSLATE_NOOP("Screen", "人脸核验未通过"),
        QT_TRANSLATE_NOOP("Screen", "请正对摄像头，摘下帽子和口罩后重试。"),
        "",
    ),
    State.REFER_TO_WINDOW: (
        QT_TRANSLATE_NOOP("Screen", "请到人工窗口办理"),
        QT_TRANSLATE_NOOP("Screen", "工作人员将为您核验身份并办理，无需重复排队取号。"),
        "",
    ),
    State.QR_LOGIN: (
        QT_TRANSLATE_NOOP("Screen", "请出示政务服务App个人码"),
        QT_TRANSLATE_NOOP("Screen", "打开手机上的政务服务App，点击“亮码”，将二维码对准下方扫码窗口。"),
        "",
    ),
    State.QR_LOGIN_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在登录…"),
        QT_TRANSLATE_NOOP("Screen", "正在核验您的个人码，请稍候。"),
        "",
    ),
    State.VERIFIED: (
        QT_TRANSLATE_NOOP("Screen", "身份核验通过"),
        QT_TRANSLATE_NOOP("Screen", "办理完成后请记得取走身份证。"),
        "",
    ),
    State.OUT_OF_SERVICE: (QT_TRANSLATE_NOOP("Screen", "本机暂停服务"), "", ""),
}
"""Heading, explanation and bottom-bar hint of each message-like screen (others have none)."""


def screen_title(state: State) -> str:
    """A screen's heading."""
    return _screen(state, 0)


def screen_body(state: State) -> str:
    """A screen's explanation (a flow reason, when there is one, replaces it)."""
    return _screen(state, 1)


def screen_hint(state: State) -> str:
    """A short line in the bottom bar."""
    return _screen(state, 2)


def _screen(state: State, part: int) -> str:
    texts = _SCREENS.get(state) or _MAINTENANCE_SCREENS.get(state)
    return tr("Screen", texts[part]) if texts and texts[part] else ""


def out_of_service_body(why: str, phone: str) -> str:
    """The fault notice: why (or where to go instead) and the hall's phone."""
    why = why or QCoreApplication.translate("Screen", "请到人工窗口办理。")
    instead = QCoreApplication.translate("Screen", "您也可以使用政务服务App在线办理。")
    phone_line = QCoreApplication.translate("Screen", "咨询电话 {phone}").format(phone=phone)
    return f"{why}\n{instead}\n{phone_line}"


class Label(StrEnum):
    """The words a button can carry."""

    RETRY_CARD = "retry_card"
    QR_INSTEAD = "qr_instead"
    NO_CARD_QR = "no_card_qr"
    QR_LOGIN = "qr_login"
    WINDOW = "window"
    HOME = "home"
    CONSENT = "consent"
    DECLINE = "decline"
    RETRY_FACE = "retry_face"
    CONTINUE = "continue"
    OTHER_MATTER = "other_matter"
    DONE = "done"


_LABELS: Mapping[Label, str] = {
    Label.RETRY_CARD: QT_TRANSLATE_NOOP("Label", "重新放置证件"),
    Label.QR_INSTEAD: QT_TRANSLATE_NOOP("Label", "改用扫码登录"),
    Label.NO_CARD_QR: QT_TRANSLATE_NOOP("Label", "没带身份证？扫码登录"),
    Label.QR_LOGIN: QT_TRANSLATE_NOOP("Label", "扫码登录"),
    Label.WINDOW: QT_TRANSLATE_NOOP("Label", "到人工窗口办理"),
    Label.HOME: QT_TRANSLATE_NOOP("Label", "返回首页"),
    Label.CONSENT: QT_TRANSLATE_NOOP("Label", "同意，开始人脸识别"),
    Label.DECLINE: QT_TRANSLATE_NOOP("Label", "不同意，改用其他方式"),
    Label.RETRY_FACE: QT_TRANSLATE_NOOP("Label", "重新识别"),
    Label.CONTINUE: QT_TRANSLATE_NOOP("Label", "继续办理"),
    Label.OTHER_MATTER: QT_TRANSLATE_NOOP("Label", "办理其他事项"),
    Label.DONE: QT_TRANSLATE_NOOP("Label", "完成，退出"),
}


def label(value: Label) -> str:
    """A button's words."""
    return tr("Label", _LABELS[value])


# --- face verification ----------------------------------------------------------------------

_CONSENT: Mapping[ConsentPurpose, tuple[str, ...]] = {
    ConsentPurpose.FACE_VERIFICATION: (
        QT_TRANSLATE_NOOP("Consent", "为核验您的身份，本机将采集您的现场人脸照片，与您的身份证件照片进行比对。"),
        QT_TRANSLATE_NOOP("Consent", "照片仅用于本次核验，核验结束即从本机删除，平台不留存。"),
        QT_TRANSLATE_NOOP("Consent", "如不同意，您可以改用“扫码登录”或到人工窗口办理。"),
    ),
}


def consent_purpose(purpose: ConsentPurpose) -> str:
    """The purpose of a consent, word for word as the citizen is asked."""
    return "".join(tr("Consent", s) for s in _CONSENT[purpose])


def consent_lines(purpose: ConsentPurpose) -> list[str]:
    """The face-consent text: the purpose, then use and keeping of the photo."""
    return [
        consent_purpose(purpose),
        QCoreApplication.translate("Consent", "用途：仅用于核验您本人身份，与证件照片比对一次。"),
        QCoreApplication.translate("Consent", "保存：现场照片仅使用一次，核验结束即删除，本机不保存。"),
    ]


_FACE_GUIDANCE: Mapping[str, str] = {
    "no_face": QT_TRANSLATE_NOOP("FaceGuidance", "请正对摄像头"),
    "multiple_faces": QT_TRANSLATE_NOOP("FaceGuidance", "请确保画面中只有您一人"),
    "move_closer": QT_TRANSLATE_NOOP("FaceGuidance", "请靠近一些"),
    "move_back": QT_TRANSLATE_NOOP("FaceGuidance", "请稍微后退"),
    "center_face": QT_TRANSLATE_NOOP("FaceGuidance", "请将面部移到框内中央"),
    "too_dark": QT_TRANSLATE_NOOP("FaceGuidance", "光线太暗，请正对屏幕"),
    "too_bright": QT_TRANSLATE_NOOP("FaceGuidance", "光线太强，请稍微侧身避光"),
    "hold_still": QT_TRANSLATE_NOOP("FaceGuidance", "请保持不动"),
    "ok": QT_TRANSLATE_NOOP("FaceGuidance", "很好，请保持不动"),
}


def face_guidance(code: str) -> str:
    """The live guidance for a face-check code (empty for an unknown code)."""
    source = _FACE_GUIDANCE.get(code)
    return tr("FaceGuidance", source) if source else ""


# --- home, attract loop, clock ------------------------------------------------------------

_HOME_ENTRIES: tuple[tuple[str, str, str, str], ...] = (
    ("services", QT_TRANSLATE_NOOP("Home", "办事"), QT_TRANSLATE_NOOP("Home", "办"),
     QT_TRANSLATE_NOOP("Home", "按主题、部门或名称查找事项")),
    ("progress", QT_TRANSLATE_NOOP("Home", "查询进度"), QT_TRANSLATE_NOOP("Home", "查"),
     QT_TRANSLATE_NOOP("Home", "扫描回执二维码查询办理进度")),
    ("certificate_print", QT_TRANSLATE_NOOP("Home", "证明打印"), QT_TRANSLATE_NOOP("Home", "印"),
     QT_TRANSLATE_NOOP("Home", "社保缴费证明等")),
    ("appointment", QT_TRANSLATE_NOOP("Home", "预约"), QT_TRANSLATE_NOOP("Home", "约"),
     QT_TRANSLATE_NOOP("Home", "预约人工窗口办理时间")),
    ("evaluation", QT_TRANSLATE_NOOP("Home", "评价"), QT_TRANSLATE_NOOP("Home", "评"),
     QT_TRANSLATE_NOOP("Home", "对本次服务“好差评”")),
    ("elderly_mode", QT_TRANSLATE_NOOP("Home", "适老模式"), QT_TRANSLATE_NOOP("Home", "老"),
     QT_TRANSLATE_NOOP("Home", "大字体、慢节奏、简明说明")),
)


def home_entries() -> list[dict[str, str]]:
    """The home screen's entries (id, label, symbol, hint), 办事 first (the primary)."""
    return [
        {"id": id_, "label": tr("Home", name), "symbol": tr("Home", sym), "hint": tr("Home", hint)}
        for id_, name, sym, hint in _HOME_ENTRIES
    ]


_ATTRACT_SLIDES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Attract", "一次办好"),
     QT_TRANSLATE_NOOP("Attract", "刷身份证或扫码登录，高频事项在本机一次办结")),
    (QT_TRANSLATE_NOOP("Attract", "24小时自助服务"),
     QT_TRANSLATE_NOOP("Attract", "查询进度、打印证明、预约窗口，随到随办")),
    (QT_TRANSLATE_NOOP("Attract", "一件事一次办"),
     QT_TRANSLATE_NOOP("Attract", "出生、退休、开办企业等多个事项，一张表单一次提交")),
    (QT_TRANSLATE_NOOP("Attract", "信息不留存"),
     QT_TRANSLATE_NOOP("Attract", "离开或超时后，本机自动清除您输入和读取的全部信息")),
)


def attract_slides() -> list[dict[str, str]]:
    """The attract loop's slides (title, body)."""
    return [
        {"title": tr("Attract", title), "body": tr("Attract", body)}
        for title, body in _ATTRACT_SLIDES
    ]


_WEEKDAYS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Clock", "星期一"),
    QT_TRANSLATE_NOOP("Clock", "星期二"),
    QT_TRANSLATE_NOOP("Clock", "星期三"),
    QT_TRANSLATE_NOOP("Clock", "星期四"),
    QT_TRANSLATE_NOOP("Clock", "星期五"),
    QT_TRANSLATE_NOOP("Clock", "星期六"),
    QT_TRANSLATE_NOOP("Clock", "星期日"),
)


def date_text(day: date) -> str:
    """2025年6月1日 星期日."""
    weekday = tr("Clock", _WEEKDAYS[day.weekday()])
    return QCoreApplication.translate("Clock", "{year}年{month}月{day}日 {weekday}").format(
        year=day.year, month=day.month, day=day.day, weekday=weekday
    )


# --- maintenance (technicians) ----------------------------------------------------------------

_MAINTENANCE_SCREENS: Mapping[State, tuple[str, str, str]] = {
    State.MAINTENANCE_PIN: (
        QT_TRANSLATE_NOOP("Maintenance", "维护模式"),
        QT_TRANSLATE_NOOP("Maintenance", "请输入维护密码"),
        QT_TRANSLATE_NOOP("Maintenance", "仅限运维人员使用"),
    ),
    State.MAINTENANCE_WAITING: (
        QT_TRANSLATE_NOOP("Maintenance", "正在进入维护模式…"),
        QT_TRANSLATE_NOOP("Maintenance", "正在等待本机完成正在发送的业务数据，请稍候。"),
        "",
    ),
    State.MAINTENANCE: (QT_TRANSLATE_NOOP("Maintenance", "维护模式"), "", ""),
}
"""Heading, explanation and hint of the maintenance screens (read by :func:`screen_title`)."""


def pin_wrong(tries_left: int) -> str:
    """A wrong technician PIN, and how many tries are left before the lockout."""
    return QCoreApplication.translate("Maintenance", "密码不正确，还可尝试 {n} 次。").format(
        n=tries_left
    )


def pin_locked(seconds_left: int) -> str:
    """Too many wrong PINs: the minutes (rounded up) before the next try."""
    minutes = max(1, -(-seconds_left // 60))
    return QCoreApplication.translate(
        "Maintenance", "密码错误次数过多，请 {m} 分钟后再试。"
    ).format(m=minutes)


def pin_not_set() -> str:
    """The terminal has no technician PIN configured."""
    return QCoreApplication.translate("Maintenance", "本机未设置维护密码，无法进入维护模式。")


def pin_checking() -> str:
    """The PIN is being checked (a slow hash)."""
    return QCoreApplication.translate("Maintenance", "正在核对…")


_DEVICE_NAMES: Mapping[str, str] = {
    "id_card_reader": QT_TRANSLATE_NOOP("Device", "身份证阅读器"),
    "qr_scanner": QT_TRANSLATE_NOOP("Device", "扫码器"),
    "receipt_printer": QT_TRANSLATE_NOOP("Device", "小票打印机"),
    "camera": QT_TRANSLATE_NOOP("Device", "人脸识别摄像头"),
    "document_camera": QT_TRANSLATE_NOOP("Device", "高拍仪"),
    "a4_printer": QT_TRANSLATE_NOOP("Device", "A4 打印机"),
}

_DEVICE_STATES: Mapping[str, str] = {
    "online": QT_TRANSLATE_NOOP("Device", "正常"),
    "offline": QT_TRANSLATE_NOOP("Device", "离线"),
    "busy": QT_TRANSLATE_NOOP("Device", "忙"),
    "hardware_error": QT_TRANSLATE_NOOP("Device", "硬件故障"),
    "no_device": QT_TRANSLATE_NOOP("Device", "未连接"),
    "starting": QT_TRANSLATE_NOOP("Device", "启动中"),
}

_MEDIA: Mapping[str, str] = {
    "ok": QT_TRANSLATE_NOOP("Device", "纸正常"),
    "low": QT_TRANSLATE_NOOP("Device", "纸将尽"),
    "out": QT_TRANSLATE_NOOP("Device", "缺纸"),
    "jammed": QT_TRANSLATE_NOOP("Device", "卡纸"),
    "cover_open": QT_TRANSLATE_NOOP("Device", "舱盖打开"),
    "unknown": QT_TRANSLATE_NOOP("Device", "纸况未知"),
}


def device_name(device_class: str) -> str:
    """A device class's name (the code itself for an unknown class)."""
    source = _DEVICE_NAMES.get(device_class)
    return tr("Device", source) if source else device_class


def device_state(state: str) -> str:
    """A device state's word."""
    source = _DEVICE_STATES.get(state)
    return tr("Device", source) if source else state


def media_status(media: str) -> str:
    """A paper status's word (empty for a device without media)."""
    source = _MEDIA.get(media)
    return tr("Device", source) if source else ""


_CHECKS: Mapping[str, str] = {
    "printed": QT_TRANSLATE_NOOP("Check", "测试页已打印"),
    "print_failed": QT_TRANSLATE_NOOP("Check", "打印失败"),
    "no_card": QT_TRANSLATE_NOOP("Check", "读卡器上没有证件，请放置一张证件后重试"),
    "card_read": QT_TRANSLATE_NOOP("Check", "证件读取正常"),
    "reset_done": QT_TRANSLATE_NOOP("Check", "已复位"),
    "reset_failed": QT_TRANSLATE_NOOP("Check", "复位失败"),
    "scan_waiting": QT_TRANSLATE_NOOP("Check", "请在扫码窗口出示任意二维码"),
    "scanned": QT_TRANSLATE_NOOP("Check", "扫码正常，读到的字符数"),
    "no_device": QT_TRANSLATE_NOOP("Check", "该设备未启用"),
    "paper_replaced": QT_TRANSLATE_NOOP("Check", "已记录更换纸卷"),
    "catalogue_refresh": QT_TRANSLATE_NOOP("Check", "已开始刷新事项目录"),
    "dead_letter_retried": QT_TRANSLATE_NOOP("Check", "已重新放入待发队列"),
    "dead_letter_missing": QT_TRANSLATE_NOOP("Check", "该记录已不在死信中"),
    "out_of_service": QT_TRANSLATE_NOOP("Check", "已暂停服务；退出维护后显示暂停服务"),
    "back_in_service": QT_TRANSLATE_NOOP("Check", "已恢复服务"),
    "restarting": QT_TRANSLATE_NOOP("Check", "正在重启程序…"),
    "failed": QT_TRANSLATE_NOOP("Check", "操作失败"),
}


def check_result(code: str, detail: str = "") -> str:
    """A maintenance action's or self-test's outcome, with the technician's detail."""
    source = _CHECKS.get(code)
    words = tr("Check", source) if source else code
    return f"{words}：{detail}" if detail else words


def network_lines(
    reachable: bool,
    error: str,
    latency_ms: int | None,
    skew_s: int | None,
    ca_expires: str,
    server_expires: str,
) -> list[str]:
    """The network check as lines for the maintenance screen."""
    translate = QCoreApplication.translate
    unknown = translate("Maintenance", "未知")
    platform = (
        translate("Maintenance", "平台：可访问（{ms} 毫秒）").format(ms=latency_ms)
        if reachable
        else translate("Maintenance", "平台：无法访问（{code}）").format(code=error)
    )
    skew = translate(
        "Maintenance", "时钟偏差：{s} 秒（平台时间减本机时间，超过 300 秒平台将拒绝请求）"
    ).format(s=skew_s if skew_s is not None else unknown)
    ca = translate("Maintenance", "根证书到期：{date}").format(date=ca_expires or unknown)
    server = translate("Maintenance", "平台服务器证书到期：{date}").format(
        date=server_expires or unknown
    )
    return [platform, skew, ca, server]
