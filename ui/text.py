"""Every citizen-facing sentence the Python side of the UI shows, in one place (with its
siblings :mod:`ui.guide_text` for the catalogue and guide, :mod:`ui.receipt_text` for print).

The kiosk layer speaks in codes (states, reasons, gate reasons, topics); this module words
them. Each source text is marked for Qt Linguist (``QT_TRANSLATE_NOOP`` in the tables,
``QCoreApplication.translate`` where it is used), so ``pyside6-lupdate ui/`` extracts it with
the QML's ``qsTr`` literals into one ``.ts`` file; an English translation is a ``.qm`` file
loaded with a ``QTranslator``, no code change. Placeholders are ``{name}`` (``str.format``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from kiosk.apply.precheck import Problem, ProblemCode
from kiosk.evaluation.answers import Rating
from kiosk.flow.states import Reason, State
from kiosk.flow.view import ContinueBlock
from kiosk.forms.validation import ErrorCode, InputError
from kiosk.gating import GateReason
from kiosk.identity.consent import ConsentPurpose
from kiosk.identity.person import IdentityMethod
from kiosk.materials.resolution import MaterialKind
from kiosk.progress.scan import ForeignCode


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
    Reason.FACE_MISMATCH: QT_TRANSLATE_NOOP("Reason", "请正对摄像头，摘下帽子、口罩后重试。"),
    Reason.NO_FACE: QT_TRANSLATE_NOOP("Reason", "请正对摄像头，让面部完整出现在框内后重试。"),
    Reason.CAMERA_FAILED: QT_TRANSLATE_NOOP("Reason", "请重试；如仍不行，可改用扫码登录或到人工窗口办理。"),
    Reason.CARD_REJECTED: QT_TRANSLATE_NOOP("Reason", "证件未通过核验，请到人工窗口办理。"),
    Reason.PLATFORM_UNAVAILABLE: QT_TRANSLATE_NOOP("Reason", "网络或服务暂时不可用，请稍后重试。"),
    Reason.TOO_MANY_FAILURES: QT_TRANSLATE_NOOP("Reason", "多次核验未通过，请到人工窗口办理。"),
    Reason.CONSENT_DECLINED: QT_TRANSLATE_NOOP("Reason", "您可以扫码登录，或到人工窗口办理。"),
    Reason.QR_REJECTED: QT_TRANSLATE_NOOP("Reason", "二维码无效或已过期，请在手机上刷新后重新扫描。"),
    Reason.GUIDE_UNAVAILABLE: QT_TRANSLATE_NOOP("Reason", "暂时无法打开该事项的办事指南，请稍后重试。"),
    Reason.SUSPENDED: QT_TRANSLATE_NOOP("Reason", "管理平台已暂停本机服务，请到人工窗口办理。"),
    Reason.DEVICES_DOWN: QT_TRANSLATE_NOOP("Reason", "本机设备故障，暂停服务，请到人工窗口办理。"),
    Reason.VERIFIED_SOMEONE_ELSE: QT_TRANSLATE_NOOP("Reason", "平台返回的核验结果与您放置的证件不是同一人，本次核验不予采用。为保护您的信息，请到人工窗口办理。"),
    Reason.NOT_A_LOGIN_CODE: QT_TRANSLATE_NOOP("Reason", "这不是政务服务App的登录码。请在App中点击“亮码”，出示个人码后重新扫描。"),
    Reason.CERTIFICATE_REFUSED: QT_TRANSLATE_NOOP("Reason", "暂时无法在本机出具该证明，请到人工窗口办理。"),
    Reason.MAINTENANCE: QT_TRANSLATE_NOOP("Reason", "本机正在维护，暂停服务，请到人工窗口办理。"),
}


def reason(value: Reason | None, qr: bool = True) -> str:
    """The sentence of a flow reason (empty for none); QML may restyle it but not reword.
    ``qr`` False: the words for a terminal whose QR login does not work now."""
    return tr("Reason", offered(_REASONS[value], qr)) if value is not None else ""


_GATE_REASONS: Mapping[GateReason, str] = {
    GateReason.GUIDE_ONLY: QT_TRANSLATE_NOOP("GateReason", "本事项暂不支持在自助终端办理，请按办事指南到窗口办理或预约。"),
    GateReason.ID_READER_DOWN: QT_TRANSLATE_NOOP("GateReason", "身份证阅读器暂时无法使用。"),
    GateReason.CAMERA_DOWN: QT_TRANSLATE_NOOP("GateReason", "人脸识别摄像头暂时无法使用。"),
    GateReason.QR_SCANNER_DOWN: QT_TRANSLATE_NOOP("GateReason", "扫码器暂时无法使用。"),
    GateReason.PRINTER_DOWN: QT_TRANSLATE_NOOP("GateReason", "打印机暂时无法使用，本事项需在本机打印结果。"),
    GateReason.PRINTER_NO_PAPER: QT_TRANSLATE_NOOP("GateReason", "打印机缺纸，本事项需在本机打印结果。"),
    GateReason.A4_PRINTER_DOWN: QT_TRANSLATE_NOOP("GateReason", "A4打印机暂时无法使用，本证明需在本机打印。"),
    GateReason.A4_PRINTER_NO_PAPER: QT_TRANSLATE_NOOP("GateReason", "A4打印机缺纸，暂时无法打印证明。"),
    GateReason.A4_PRINTER_NO_TONER: QT_TRANSLATE_NOOP("GateReason", "A4打印机墨粉用尽，暂时无法打印证明。"),
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


def continue_blocked_sentence(block: ContinueBlock) -> str:
    """Why 继续办理 is disabled, as a sentence (the language's full stop after it)."""
    sentence = QCoreApplication.translate("ContinueBlock", "{reason}。")
    return sentence.format(reason=continue_blocked(block))


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
        QT_TRANSLATE_NOOP("Screen", "人脸识别"),
        QT_TRANSLATE_NOOP("Screen", "照片仅用于本次核验，不会保存。"),
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
    State.VERIFICATION_UNAVAILABLE: (
        QT_TRANSLATE_NOOP("Screen", "暂时无法联网核验身份"),
        QT_TRANSLATE_NOOP("Screen", "网络或政务服务平台暂时不可用，本机现在无法核验身份，扫码登录也暂不可用。您可以到人工窗口办理，或稍后再来。"),
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
    State.CERTIFICATE_LIST: (
        QT_TRANSLATE_NOOP("Screen", "证明打印"),
        QT_TRANSLATE_NOOP("Screen", "请选择要打印的证明，核验身份后即可查询并打印。"),
        QT_TRANSLATE_NOOP("Screen", "证明附验真二维码，可扫码核验真伪"),
    ),
    State.CERTIFICATE_FORM: (
        QT_TRANSLATE_NOOP("Screen", "请补充查询信息"),
        QT_TRANSLATE_NOOP("Screen", "出具该证明还需要以下信息，填写后点击“查询并打印证明”。"),
        "",
    ),
    State.CERTIFICATE_ISSUING: (
        QT_TRANSLATE_NOOP("Screen", "正在查询证明…"),
        QT_TRANSLATE_NOOP("Screen", "正在向政务服务平台申请出具证明，请稍候。"),
        "",
    ),
    State.CERTIFICATE_PREVIEW: (
        QT_TRANSLATE_NOOP("Screen", "请核对证明内容"),
        QT_TRANSLATE_NOOP("Screen", "核对无误后点击“打印证明”，证明将用A4纸打印。"),
        "",
    ),
    State.CERTIFICATE_PRINTING: (
        QT_TRANSLATE_NOOP("Screen", "正在打印证明…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候，打印完成前请勿离开。"),
        "",
    ),
    State.CERTIFICATE_PRINTED: (
        QT_TRANSLATE_NOOP("Screen", "打印完成，请取走证明"),
        QT_TRANSLATE_NOOP("Screen", "证明已从下方出纸口送出。离开前请记得取走身份证。"),
        "",
    ),
    State.CERTIFICATE_PRINT_FAILED: (
        QT_TRANSLATE_NOOP("Screen", "证明未能打印"),
        QT_TRANSLATE_NOOP("Screen", "请到人工窗口打印。您也可以用手机扫描下方二维码，查看并核验电子证明。"),
        "",
    ),
}
"""Heading, explanation and bottom-bar hint of each message-like screen (others have none)."""


def screen_title(state: State, qr: bool = True) -> str:
    """A screen's heading (``qr`` False: for a terminal whose QR login does not work now)."""
    return _screen(state, 0, qr)


def screen_body(state: State, qr: bool = True) -> str:
    """A screen's explanation (a flow reason, when there is one, replaces it)."""
    return _screen(state, 1, qr)


def screen_hint(state: State) -> str:
    """A short line in the bottom bar."""
    return _screen(state, 2)


def _screen(state: State, part: int, qr: bool = True) -> str:
    texts = _SCREENS.get(state)
    return tr("Screen", offered(texts[part], qr)) if texts and texts[part] else ""


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
    APPLY_NEXT = "apply_next"
    APPLY_CONFIRM = "apply_confirm"
    APPLY_REPRINT = "apply_reprint"
    QUERY_PRINT = "query_print"
    PRINT_CERTIFICATE = "print_certificate"
    REPRINT_CERTIFICATE = "reprint_certificate"
    OTHER_CERTIFICATE = "other_certificate"
    CAPTURE_SHOOT = "capture_shoot"
    CAPTURE_RETAKE = "capture_retake"
    CAPTURE_DONE = "capture_done"
    REPRINT_ANOTHER = "reprint_another"
    FINISH = "finish"
    APPOINTMENT = "appointment"
    APPOINTMENT_NEXT = "appointment_next"
    APPOINTMENT_BOOK = "appointment_book"
    EVALUATION_SKIP = "evaluation_skip"
    EVALUATION_SEND = "evaluation_send"
    PROGRESS_CORRECT = "progress_correct"
    PAY_QR = "pay_qr"
    PAY_CODE = "pay_code"
    PAY_CANCEL = "pay_cancel"
    PAY_NEW_QR = "pay_new_qr"
    PAY_CONTINUE = "pay_continue"
    PAY_CODE_INSTEAD = "pay_code_instead"
    PAY_QR_INSTEAD = "pay_qr_instead"


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
    Label.QUERY_PRINT: QT_TRANSLATE_NOOP("Label", "查询并打印证明"),
    Label.PRINT_CERTIFICATE: QT_TRANSLATE_NOOP("Label", "打印证明"),
    Label.REPRINT_CERTIFICATE: QT_TRANSLATE_NOOP("Label", "重新打印"),
    Label.OTHER_CERTIFICATE: QT_TRANSLATE_NOOP("Label", "打印其他证明"),
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


def consent_purpose(purpose: ConsentPurpose, qr: bool = True) -> str:
    """The purpose of a consent, word for word as the citizen is asked (``qr`` False: the
    alternative offered is the staffed window alone)."""
    return "".join(tr("Consent", offered(s, qr)) for s in _CONSENT[purpose])


def consent_lines(purpose: ConsentPurpose, qr: bool = True) -> list[str]:
    """The face-consent text: the purpose, then use and keeping of the photo."""
    return [
        consent_purpose(purpose, qr),
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
    ("reprint", QT_TRANSLATE_NOOP("Home", "补打回执"), QT_TRANSLATE_NOOP("Home", "补"),
     QT_TRANSLATE_NOOP("Home", "刷身份证补打受理回执")),
    ("appointment", QT_TRANSLATE_NOOP("Home", "预约"), QT_TRANSLATE_NOOP("Home", "约"),
     QT_TRANSLATE_NOOP("Home", "预约人工窗口办理时间")),
    ("evaluation", QT_TRANSLATE_NOOP("Home", "评价"), QT_TRANSLATE_NOOP("Home", "评"),
     QT_TRANSLATE_NOOP("Home", "对本次服务“好差评”")),
    ("elderly_mode", QT_TRANSLATE_NOOP("Home", "适老模式"), QT_TRANSLATE_NOOP("Home", "老"),
     QT_TRANSLATE_NOOP("Home", "大字体、慢节奏、找人帮助")),
)


def home_entries(
    tiles: Iterable[str] | None = None, elderly: bool = False
) -> list[dict[str, str]]:
    """The home screen's entries (id, label, symbol, hint) of ``tiles`` in their order (all,
    办事 first, when None); the first is the primary. With the elderly mode on, its tile says
    so in words and offers to switch it off."""
    words = {id_: (name, sym, hint) for id_, name, sym, hint in _HOME_ENTRIES}
    if elderly:
        words["elderly_mode"] = _ELDERLY_ON_ENTRY
    chosen = list(words) if tiles is None else [t for t in tiles if t in words]
    return [
        {"id": id_, "label": tr("Home", words[id_][0]), "symbol": tr("Home", words[id_][1]),
         "hint": tr("Home", words[id_][2])}
        for id_ in chosen
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


# --- applying (form, materials, review, submission, receipt) ---------------------------------


_SCREENS = {
    **_SCREENS,
    State.APPLY_LOADING: (
        QT_TRANSLATE_NOOP("Screen", "正在准备申请表…"),
        QT_TRANSLATE_NOOP("Screen", "正在调取您的电子证照，请稍候。"),
        "",
    ),
    State.APPLY_FORM: (QT_TRANSLATE_NOOP("Screen", "填写申请表"), "", ""),
    State.APPLY_MATERIAL: (QT_TRANSLATE_NOOP("Screen", "提交申请材料"), "", ""),
    State.APPLY_REVIEW: (
        QT_TRANSLATE_NOOP("Screen", "核对申请信息"),
        QT_TRANSLATE_NOOP("Screen", "请核对以下信息，确认无误后提交。"),
        "",
    ),
    State.APPLY_SUBMITTING: (
        QT_TRANSLATE_NOOP("Screen", "正在提交…"),
        QT_TRANSLATE_NOOP("Screen", "正在保存并提交您的申请，请勿离开。"),
        "",
    ),
    State.APPLY_PRINTING: (
        QT_TRANSLATE_NOOP("Screen", "正在打印回执…"),
        QT_TRANSLATE_NOOP("Screen", "回执将从下方出纸口打出。"),
        "",
    ),
    State.APPLY_DONE: (
        QT_TRANSLATE_NOOP("Screen", "申请已提交"),
        QT_TRANSLATE_NOOP("Screen", "请取走回执。可扫描回执上的二维码查询办理进度。"),
        "",
    ),
    State.APPLY_OFFLINE_SAVED: (
        QT_TRANSLATE_NOOP("Screen", "已保存，网络恢复后自动提交"),
        QT_TRANSLATE_NOOP("Screen", "请取走回执并妥善保管本地编号。提交成功后将短信通知您办件编号。"),
        "",
    ),
    State.APPLY_PRINT_FAILED: (
        QT_TRANSLATE_NOOP("Screen", "回执未能打印"),
        QT_TRANSLATE_NOOP("Screen", "请拍照留存下方二维码和编号，它们与回执内容相同。打印机恢复后可重新打印。"),
        "",
    ),
    State.APPLY_NOT_SAVED: (
        QT_TRANSLATE_NOOP("Screen", "本机暂时无法保存"),
        QT_TRANSLATE_NOOP("Screen", "本机暂时无法保存，请到人工窗口办理。"),
        "",
    ),
}

_REASONS = {
    **_REASONS,
    Reason.APPLICATION_UNAVAILABLE: QT_TRANSLATE_NOOP("Reason", "暂时无法打开申请表，请稍后重试。"),
    Reason.APPLICATION_REFUSED: QT_TRANSLATE_NOOP("Reason", "平台未受理，请按提示修改后重新提交。"),
    Reason.STORAGE_FULL: QT_TRANSLATE_NOOP("Reason", "本机暂时无法保存，请到人工窗口办理。"),
    Reason.SUBMIT_UNANSWERED: QT_TRANSLATE_NOOP("Reason", "提交未完成，请到人工窗口咨询，无需重复申请。"),
}

_LABELS = {
    **_LABELS,
    Label.APPLY_NEXT: QT_TRANSLATE_NOOP("Label", "下一步"),
    Label.APPLY_CONFIRM: QT_TRANSLATE_NOOP("Label", "确认提交"),
    Label.APPLY_REPRINT: QT_TRANSLATE_NOOP("Label", "重新打印"),
}

_FIELD_ERRORS: Mapping[ErrorCode, str] = {
    ErrorCode.REQUIRED: QT_TRANSLATE_NOOP("FieldError", "此项必填"),
    ErrorCode.TOO_LONG: QT_TRANSLATE_NOOP("FieldError", "最多 {limit} 个字"),
    ErrorCode.PATTERN_MISMATCH: QT_TRANSLATE_NOOP("FieldError", "格式不正确"),
    ErrorCode.INVALID_CHARACTER: QT_TRANSLATE_NOOP("FieldError", "含有不允许的字符"),
    ErrorCode.INCOMPLETE: QT_TRANSLATE_NOOP("FieldError", "应为 {limit} 位"),
    ErrorCode.ID_CHECK_DIGIT: QT_TRANSLATE_NOOP("FieldError", "身份证号码校验位不正确，请核对"),
    ErrorCode.NOT_MOBILE: QT_TRANSLATE_NOOP("FieldError", "请输入 1 开头的 11 位手机号码"),
    ErrorCode.INVALID_DATE: QT_TRANSLATE_NOOP("FieldError", "请按 年-月-日 输入有效日期，如 2024-05-01"),
    ErrorCode.INVALID_NUMBER: QT_TRANSLATE_NOOP("FieldError", "请输入数字"),
    ErrorCode.INVALID_EMAIL: QT_TRANSLATE_NOOP("FieldError", "邮箱格式不正确"),
    ErrorCode.NOT_AN_OPTION: QT_TRANSLATE_NOOP("FieldError", "请从选项中选择"),
    ErrorCode.ADDRESS_DETAIL_REQUIRED: QT_TRANSLATE_NOOP("FieldError", "请填写详细地址"),
}


def field_error(error: InputError | None) -> str:
    """The message beside a field (empty for none)."""
    if error is None:
        return ""
    return tr("FieldError", _FIELD_ERRORS[error.code]).format(limit=error.limit or "")


_PROBLEMS: Mapping[ProblemCode, str] = {
    ProblemCode.NOT_APPLYABLE: QT_TRANSLATE_NOOP("Problem", "该事项不能在本机申请，请到人工窗口办理。"),
    ProblemCode.FIELD_INVALID: QT_TRANSLATE_NOOP("Problem", "第 {page} 页“{name}”：{error}，请返回修改。"),
    ProblemCode.MATERIAL_MISSING: QT_TRANSLATE_NOOP("Problem", "缺少材料“{name}”，请返回补充。"),
    ProblemCode.MATERIAL_REFUSED: QT_TRANSLATE_NOOP("Problem", "材料“{name}”不符合要求，请返回重新选择。"),
    ProblemCode.SCAN_QUALITY: QT_TRANSLATE_NOOP("Problem", "材料“{name}”拍摄不够清晰，建议重拍。"),
    ProblemCode.CAMERA_UNAVAILABLE: QT_TRANSLATE_NOOP("Problem", "材料“{name}”需拍摄纸质件，本机暂不能拍摄，请到人工窗口办理。"),
    ProblemCode.IDENTITY_REQUIRED: QT_TRANSLATE_NOOP("Problem", "请先核验身份。"),
    ProblemCode.IDENTITY_INSUFFICIENT: QT_TRANSLATE_NOOP("Problem", "本事项需刷身份证并人脸识别，请重新核验。"),
    ProblemCode.VERIFICATION_EXPIRED: QT_TRANSLATE_NOOP("Problem", "身份核验已过期，请返回首页重新核验。"),
    ProblemCode.DELIVERY_NOT_OFFERED: QT_TRANSLATE_NOOP("Problem", "所选领取方式不可用，请重新选择。"),
    ProblemCode.DELIVERY_ADDRESS_REQUIRED: QT_TRANSLATE_NOOP("Problem", "邮寄需填写收件地址。"),
    ProblemCode.PRINTER_UNAVAILABLE: QT_TRANSLATE_NOOP("Problem", "打印机暂时无法使用，本事项需在本机打印结果。"),
    ProblemCode.RECEIPT_PRINTER_UNAVAILABLE: QT_TRANSLATE_NOOP("Problem", "打印机暂时无法使用，提交后回执将显示在屏幕上。"),
}


def problem(item: Problem, name: str, error: str = "") -> str:
    """One pre-check problem and how to fix it; ``name`` is its field's or material's name."""
    page = (item.page or 0) + 1
    return tr("Problem", _PROBLEMS[item.code]).format(page=page, name=name, error=error)


_APPLY_WORDS: Mapping[str, str] = {
    "page": QT_TRANSLATE_NOOP("Apply", "第 {page}/{pages} 页"),
    "material": QT_TRANSLATE_NOOP("Apply", "材料 {index}/{count}"),
    "prefilled": QT_TRANSLATE_NOOP("Apply", "已自动填入，可修改"),
    "required": QT_TRANSLATE_NOOP("Apply", "必填"),
    "optional": QT_TRANSLATE_NOOP("Apply", "选填"),
    "choose_region": QT_TRANSLATE_NOOP("Apply", "选择所在区县"),
    "detail": QT_TRANSLATE_NOOP("Apply", "街道、门牌号"),
    "date_hint": QT_TRANSLATE_NOOP("Apply", "年-月-日，如 2024-05-01"),
    "yes": QT_TRANSLATE_NOOP("Apply", "是"),
    "no": QT_TRANSLATE_NOOP("Apply", "否"),
    "back": QT_TRANSLATE_NOOP("Apply", "返回上一步"),
    "licence": QT_TRANSLATE_NOOP("Apply", "已从电子证照库获取"),
    "licence_detail": QT_TRANSLATE_NOOP("Apply", "{name}（{issuer}），无需提交纸质材料。"),
    "committed": QT_TRANSLATE_NOOP("Apply", "已签署告知承诺"),
    "deferred": QT_TRANSLATE_NOOP("Apply", "稍后补交，请于 {deadline} 前补交"),
    "commit": QT_TRANSLATE_NOOP("Apply", "我已阅读，签署承诺"),
    "defer": QT_TRANSLATE_NOOP("Apply", "稍后补交（{deadline} 前）"),
    "undo": QT_TRANSLATE_NOOP("Apply", "重新选择"),
    "commitment_heading": QT_TRANSLATE_NOOP("Apply", "告知承诺"),
    "scan_later": QT_TRANSLATE_NOOP("Apply", "本材料需提交纸质件，本机暂不支持拍摄，请到人工窗口补交。"),
    "optional_material": QT_TRANSLATE_NOOP("Apply", "本材料为选交材料，可直接下一步。"),
    "missing": QT_TRANSLATE_NOOP("Apply", "未提交"),
    "problems": QT_TRANSLATE_NOOP("Apply", "提交前请先处理以下问题："),
    "application_no": QT_TRANSLATE_NOOP("Apply", "办件编号"),
    "query_code": QT_TRANSLATE_NOOP("Apply", "查询码"),
    "local_ref": QT_TRANSLATE_NOOP("Apply", "本地编号"),
    "photo": QT_TRANSLATE_NOOP("Apply", "请拍照留存"),
    "date_format": QT_TRANSLATE_NOOP("Apply", "{year}年{month}月{day}日"),
}


def names_a_person(label: str) -> bool:
    """Whether a form field's label (the platform's words) asks for a person's name, so the
    review masks the answer like a name (张*)."""
    # Matched against the platform's Chinese labels, never shown: extracted but not translated.
    return QT_TRANSLATE_NOOP("Apply", "姓名") in label


def apply_word(key: str) -> str:
    """A word of the apply screens (``_APPLY_WORDS``)."""
    return tr("Apply", _APPLY_WORDS[key])


def long_date(day: date) -> str:
    """2026年11月30日."""
    return apply_word("date_format").format(year=day.year, month=day.month, day=day.day)


_MATERIAL_KINDS: Mapping[MaterialKind, str] = {
    MaterialKind.E_LICENSE: QT_TRANSLATE_NOOP("Apply", "电子证照"),
    MaterialKind.COMMITMENT: QT_TRANSLATE_NOOP("Apply", "告知承诺"),
    MaterialKind.DEFERRED: QT_TRANSLATE_NOOP("Apply", "稍后补交"),
    MaterialKind.SCAN: QT_TRANSLATE_NOOP("Apply", "现场拍摄"),
}


def material_kind(kind: MaterialKind) -> str:
    """How a material is satisfied, in a word (the review's summary)."""
    return tr("Apply", _MATERIAL_KINDS[kind])
# --- identity: only what works, attempts, where to get help (issue 10) -----------------------

_WITHOUT_QR: Mapping[str, str] = {
    _REASONS[Reason.CONSENT_DECLINED]: QT_TRANSLATE_NOOP("Reason", "扫码登录暂时无法使用，请到人工窗口办理。"),
    _REASONS[Reason.CAMERA_FAILED]: QT_TRANSLATE_NOOP("Reason", "请重试；如仍不行，请到人工窗口办理。"),
    _SCREENS[State.CARD_EXPIRED][1]: QT_TRANSLATE_NOOP("Screen", "请使用有效期内的身份证，或到人工窗口办理。"),
    _SCREENS[State.IDENTITY_CHOICE][0]: QT_TRANSLATE_NOOP("Screen", "请到人工窗口办理"),
    _SCREENS[State.IDENTITY_CHOICE][1]: QT_TRANSLATE_NOOP("Screen", "扫码登录暂时无法使用，工作人员将为您核验身份并办理。"),
    _CONSENT[ConsentPurpose.FACE_VERIFICATION][2]: QT_TRANSLATE_NOOP("Consent", "如不同意，您可以到人工窗口办理。"),
}
"""Sentences that offer the QR login, and what they say while it does not work."""


def offered(source: str, qr: bool) -> str:
    """``source`` (an untranslated text) as it reads when QR login works (``qr``) or not."""
    return source if qr else _WITHOUT_QR.get(source, source)


_REASON_TITLES: Mapping[Reason, str] = {
    Reason.FACE_MISMATCH: QT_TRANSLATE_NOOP("ReasonTitle", "人脸比对未通过"),
    Reason.NO_FACE: QT_TRANSLATE_NOOP("ReasonTitle", "未检测到清晰的人脸"),
    Reason.CAMERA_FAILED: QT_TRANSLATE_NOOP("ReasonTitle", "摄像头暂时无法使用"),
    Reason.TOO_MANY_FAILURES: QT_TRANSLATE_NOOP("ReasonTitle", "多次核验未通过"),
    Reason.VERIFIED_SOMEONE_ELSE: QT_TRANSLATE_NOOP("ReasonTitle", "核验结果与证件不符"),
}
"""Headings that say what went wrong, where one screen serves several causes."""


def reason_title(value: Reason | None) -> str:
    """The heading a reason gives its screen; empty when the screen keeps its own."""
    source = _REASON_TITLES.get(value) if value is not None else None
    return tr("ReasonTitle", source) if source else ""


def attempts_left(count: int) -> str:
    """How many more face verifications the citizen may try."""
    return QCoreApplication.translate("Identity", "还可以再试 {count} 次。").format(count=count)


def window_help(window: str, phone: str) -> str:
    """Where the staffed window is, or how to get help when the hall names none."""
    if window:
        return QCoreApplication.translate("Identity", "人工窗口：{window}").format(window=window)
    return QCoreApplication.translate(
        "Identity", "请咨询大厅工作人员，或拨打 {phone}。"
    ).format(phone=phone)


def reader_down_title() -> str:
    """The card screen's heading while the reader is not working."""
    return QCoreApplication.translate("Identity", "身份证阅读器暂时无法使用")


def reader_down_body(qr: bool) -> str:
    """What still works while the reader is not working."""
    if qr:
        return QCoreApplication.translate("Identity", "请改用政务服务App扫码登录，或到人工窗口办理。")
    return QCoreApplication.translate("Identity", "请到人工窗口办理。")


def verified_body(method: IdentityMethod | None) -> str:
    """The verified screen's line: take the card along, only when a card was used."""
    if method in (IdentityMethod.ID_CARD, IdentityMethod.ID_CARD_AND_FACE):
        return screen_body(State.VERIFIED)
    if method is IdentityMethod.QR_LOGIN:
        return QCoreApplication.translate("Identity", "已通过政务服务App扫码登录。")
    return ""


def card_grace_warning(seconds: int) -> str:
    """On ``verified`` while the card is off the reader: put it back, or the session ends."""
    return QCoreApplication.translate(
        "Identity", "证件已离开感应区。请将身份证放回感应区，否则 {seconds} 秒后将结束本次办理。"
    ).format(seconds=seconds)


def catalogue_as_of(as_of: str) -> str:
    """The catalogue's age while it comes from the terminal's copy (platform off line)."""
    return QCoreApplication.translate("Catalogue", "目录更新于 {as_of}（离线）").format(as_of=as_of)
# --- maintenance (technicians) ----------------------------------------------------------------

_SCREENS = {
    **_SCREENS,
    State.MAINTENANCE_PIN: (
        QT_TRANSLATE_NOOP("Screen", "维护模式"),
        QT_TRANSLATE_NOOP("Screen", "请输入维护密码"),
        QT_TRANSLATE_NOOP("Screen", "仅限运维人员使用"),
    ),
    State.MAINTENANCE_WAITING: (
        QT_TRANSLATE_NOOP("Screen", "正在进入维护模式…"),
        QT_TRANSLATE_NOOP("Screen", "正在等待本机完成正在发送的业务数据，请稍候。"),
        "",
    ),
    State.MAINTENANCE: (QT_TRANSLATE_NOOP("Screen", "维护模式"), "", ""),
}


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
    "config_saved": QT_TRANSLATE_NOOP("Check", "配置已保存，重启程序后生效"),
    "config_unchanged": QT_TRANSLATE_NOOP("Check", "配置未改动"),
    "config_refused": QT_TRANSLATE_NOOP("Check", "配置未保存"),
    "outbox_exported": QT_TRANSLATE_NOOP("Check", "待发队列已导出（数据仍加密）"),
}


def check_result(code: str, detail: str = "") -> str:
    """A maintenance action's or self-test's outcome, with the technician's detail."""
    source = _CHECKS.get(code)
    words = tr("Check", source) if source else code
    if not detail:
        return words
    return tr("Check", QT_TRANSLATE_NOOP("Check", "{result}：{detail}")).format(
        result=words, detail=detail
    )


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


# --- maintenance: the site configuration panel ------------------------------------------------

_SITE_PROBLEMS: Mapping[str, str] = {
    "required": QT_TRANSLATE_NOOP("SiteConfig", "不能为空"),
    "not_https": QT_TRANSLATE_NOOP("SiteConfig", "必须是 https:// 开头的地址"),
    "invalid": QT_TRANSLATE_NOOP("SiteConfig", "保存后配置将无法加载"),
}


def site_problem(code: str) -> str:
    """Why a value of the configuration panel was refused."""
    source = _SITE_PROBLEMS.get(code)
    return tr("SiteConfig", source) if source else code


# --- apply: an instant matter's certificate printed on A4 -------------------------------------

_INSTANT_CERTIFICATE_PRINTED = QT_TRANSLATE_NOOP(
    "InstantCertificate", "“{title}”已从 A4 打印机出纸口送出，请一并取走。"
)
_INSTANT_CERTIFICATE_FAILED = QT_TRANSLATE_NOOP("InstantCertificate", "“{title}”未能打印。")


def instant_certificate_note(title: str, printed: bool) -> str:
    """What the done screen says of an instant certificate: printed on A4 (only when the job
    confirmed it), or not, with the certificate screens' own advice (人工窗口, verify QR)."""
    if printed:
        return tr("InstantCertificate", _INSTANT_CERTIFICATE_PRINTED).format(title=title)
    failed = tr("InstantCertificate", _INSTANT_CERTIFICATE_FAILED).format(title=title)
    return failed + screen_body(State.CERTIFICATE_PRINT_FAILED)


# --- maintenance: self-tests, camera preview and log export -----------------------------------

_CHECKS = {
    **_CHECKS,
    "a4_printed": QT_TRANSLATE_NOOP("Check", "A4 测试页已打印，打印机状态正常"),
    "a4_print_failed": QT_TRANSLATE_NOOP("Check", "A4 测试页未能打印"),
    "document_camera_ok": QT_TRANSLATE_NOOP("Check", "高拍仪正常，已找到页面"),
    "camera_no_frames": QT_TRANSLATE_NOOP("Check", "摄像头没有画面（未连接或画面冻结）"),
    "camera_dark": QT_TRANSLATE_NOOP("Check", "画面全黑：请检查镜头是否遮挡、补光灯是否打开"),
    "no_page": QT_TRANSLATE_NOOP("Check", "未找到页面：请把一张纸平放在高拍仪下"),
    "document_quality": QT_TRANSLATE_NOOP("Check", "已找到页面，但画面质量不合格"),
    "preview_started": QT_TRANSLATE_NOOP("Check", "预览已打开"),
    "preview_stopped": QT_TRANSLATE_NOOP("Check", "预览已关闭"),
    "logs_exported": QT_TRANSLATE_NOOP("Check", "日志已导出（已脱敏、已压缩）"),
}


def a4_test_page(model: str, terminal_id: str) -> tuple[str, tuple[str, ...]]:
    """The A4 test page's title and lines (a technician checks them on paper)."""
    translate = QCoreApplication.translate
    title = translate("Maintenance", "A4 打印机测试页")
    lines = (
        translate("Maintenance", "本页由维护模式打印，用于检查 A4 打印机。"),
        translate("Maintenance", "打印机型号：{model}").format(model=model),
        translate("Maintenance", "终端编号：{terminal}").format(terminal=terminal_id),
        translate("Maintenance", "中文与全角标点：政务服务自助终端「测试」，。；！"),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
    )
    return title, lines


def preview_waiting(device: str) -> str:
    """The preview of a camera is opening."""
    return QCoreApplication.translate("Maintenance", "正在打开{device}的画面…").format(
        device=device
    )


def preview_found(faces: int, codes: int, pages: int, width: int, height: int) -> str:
    """What the preview found in the latest frame."""
    return QCoreApplication.translate(
        "Maintenance", "{width}×{height}　人脸 {faces}　二维码 {codes}　页面 {pages}"
    ).format(width=width, height=height, faces=faces, codes=codes, pages=pages)


def preview_no_frames() -> str:
    """The previewed camera delivers no frame."""
    return QCoreApplication.translate(
        "Maintenance", "摄像头没有画面（未连接、画面冻结或已断开）"
    )


def log_bundle(name: str, size: int) -> str:
    """One log bundle kept for a technician to take away, with its size."""
    return QCoreApplication.translate("Maintenance", "待取走的日志包：{name}（{kib} KB）").format(
        name=name, kib=max(1, round(size / 1024))
    )


# --- evaluation (好差评) -----------------------------------------------------------------------

_SCREENS = {
    **_SCREENS,
    State.EVALUATION_CARD: (
        QT_TRANSLATE_NOOP("Screen", "评价服务：请放置身份证"),
        QT_TRANSLATE_NOOP("Screen", "将居民身份证平放在下方读卡区，读取后将为您找到最近办理的事项，请您评价。"),
        _CARD_HINT,
    ),
    State.EVALUATION_FINDING: (
        QT_TRANSLATE_NOOP("Screen", "正在查找您最近办理的事项…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候，请勿移动证件。"),
        "",
    ),
    State.EVALUATION_RATING: (
        QT_TRANSLATE_NOOP("Screen", "请您对本次服务进行评价"),
        "",
        QT_TRANSLATE_NOOP("Screen", "点一下表情即可评价，每次服务只评一次"),
    ),
    State.EVALUATION_REASONS: (
        QT_TRANSLATE_NOOP("Screen", "请告诉我们哪里做得不好"),
        QT_TRANSLATE_NOOP("Screen", "请至少选择一项，可多选。我们会认真改进。"),
        "",
    ),
    State.EVALUATION_COMMENT: (
        QT_TRANSLATE_NOOP("Screen", "还有什么想对我们说的吗？"),
        QT_TRANSLATE_NOOP("Screen", "留言可不填，直接点击“提交评价”。"),
        "",
    ),
    State.EVALUATION_SENDING: (
        QT_TRANSLATE_NOOP("Screen", "正在提交评价…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候。"),
        "",
    ),
    State.EVALUATION_THANKS: (
        QT_TRANSLATE_NOOP("Screen", "感谢您的评价"),
        QT_TRANSLATE_NOOP("Screen", "您的评价已提交，我们将持续改进服务。离开前请记得取走身份证和打印的材料。"),
        "",
    ),
    State.EVALUATION_ALREADY: (
        QT_TRANSLATE_NOOP("Screen", "您已评价过本次服务"),
        QT_TRANSLATE_NOOP("Screen", "每次服务只需评价一次，感谢您的支持。离开前请记得取走身份证。"),
        "",
    ),
    State.EVALUATION_UNAVAILABLE: (
        QT_TRANSLATE_NOOP("Screen", "暂时无法评价"),
        QT_TRANSLATE_NOOP("Screen", "请稍后再试，感谢您的理解。"),
        "",
    ),
}

_REASONS = {
    **_REASONS,
    Reason.NOTHING_TO_EVALUATE: QT_TRANSLATE_NOOP("Reason", "没有查到您的办件记录。办理事项后即可评价。"),
    Reason.EVALUATION_REASONS_REQUIRED: QT_TRANSLATE_NOOP("Reason", "请至少选择一项原因。"),
    Reason.EVALUATION_COMMENT_TOO_LONG: QT_TRANSLATE_NOOP("Reason", "留言最多 500 字，请删减后再提交。"),
    Reason.EVALUATION_NOT_SAVED: QT_TRANSLATE_NOOP("Reason", "本机暂时无法保存您的评价，感谢您的理解。您也可以在政务服务App中评价。"),
    Reason.EVALUATION_READER_DOWN: QT_TRANSLATE_NOOP("Reason", "身份证阅读器暂时无法使用。您也可以在政务服务App中评价。"),
}

_LABELS = {
    **_LABELS,
    Label.FINISH: QT_TRANSLATE_NOOP("Label", "完成"),
    Label.EVALUATION_SKIP: QT_TRANSLATE_NOOP("Label", "跳过，不评价"),
    Label.EVALUATION_SEND: QT_TRANSLATE_NOOP("Label", "提交评价"),
}

_RATING_WORDS: Mapping[Rating, str] = {
    Rating.VERY_SATISFIED: QT_TRANSLATE_NOOP("Evaluation", "非常满意"),
    Rating.SATISFIED: QT_TRANSLATE_NOOP("Evaluation", "满意"),
    Rating.FAIRLY_SATISFIED: QT_TRANSLATE_NOOP("Evaluation", "基本满意"),
    Rating.DISSATISFIED: QT_TRANSLATE_NOOP("Evaluation", "不满意"),
    Rating.VERY_DISSATISFIED: QT_TRANSLATE_NOOP("Evaluation", "非常不满意"),
}


def rating_word(rating: Rating) -> str:
    """The words of one of the five levels."""
    return tr("Evaluation", _RATING_WORDS[rating])


def evaluation_subject(matter_names: Sequence[str], application_nos: Sequence[str]) -> str:
    """What is rated: the matters, and the application numbers when there are any."""
    lines = []
    if matter_names:
        lines.append(QCoreApplication.translate("Evaluation", "评价事项：{names}").format(
            names="、".join(matter_names)))
    if application_nos:
        lines.append(QCoreApplication.translate("Evaluation", "办件编号：{numbers}").format(
            numbers="、".join(application_nos)))
    return "\n".join(lines)


def comment_count(length: int, limit: int) -> str:
    """The comment's length against its limit."""
    return QCoreApplication.translate("Evaluation", "{n}/{limit} 字").format(n=length, limit=limit)


def comment_placeholder() -> str:
    """The empty comment field's hint."""
    return QCoreApplication.translate("Evaluation", "请输入您的意见或建议（选填）")


# --- appointments (预约) ------------------------------------------------------------------------

_SCREENS = {
    **_SCREENS,
    State.APPOINTMENT_MATTERS: (
        QT_TRANSLATE_NOOP("Screen", "预约窗口办理"),
        QT_TRANSLATE_NOOP("Screen", "以下事项需到人工窗口办理。请选择要预约的事项，预约后按时前往，无需排队取号。"),
        QT_TRANSLATE_NOOP("Screen", "预约需刷身份证核验本人身份"),
    ),
    State.APPOINTMENT_SLOTS: (
        QT_TRANSLATE_NOOP("Screen", "选择预约时间"),
        QT_TRANSLATE_NOOP("Screen", "请先选择日期，再选择时段。已约满的时段显示为“已满”，不能选择。"),
        "",
    ),
    State.APPOINTMENT_CARD: (
        QT_TRANSLATE_NOOP("Screen", "请将身份证放在感应区"),
        QT_TRANSLATE_NOOP("Screen", "预约需核验本人身份。将居民身份证平放在读卡区，读取完成前请勿移动。"),
        _CARD_HINT,
    ),
    State.APPOINTMENT_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验身份…"),
        QT_TRANSLATE_NOOP("Screen", "正在向政务服务平台核验证件，请稍候。"),
        "",
    ),
    State.APPOINTMENT_PHONE: (
        QT_TRANSLATE_NOOP("Screen", "确认手机号码"),
        QT_TRANSLATE_NOOP("Screen", "预约结果和到场提醒将以短信发送到此号码，请确认或修改。"),
        "",
    ),
    State.APPOINTMENT_BOOKING: (
        QT_TRANSLATE_NOOP("Screen", "正在预约…"),
        QT_TRANSLATE_NOOP("Screen", "正在向政务服务平台提交预约，请稍候。"),
        "",
    ),
    State.APPOINTMENT_PRINTING: (
        QT_TRANSLATE_NOOP("Screen", "正在打印预约凭条…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候，打印完成前请勿离开。"),
        "",
    ),
    State.APPOINTMENT_DONE: (
        QT_TRANSLATE_NOOP("Screen", "预约成功"),
        QT_TRANSLATE_NOOP("Screen", "请取走预约凭条，按预约时间携带材料原件到窗口办理。"),
        "",
    ),
}

_REASONS = {
    **_REASONS,
    Reason.SLOT_TAKEN: QT_TRANSLATE_NOOP("Reason", "您选择的时段刚刚被约满，已为您刷新可预约时段，请重新选择。"),
    Reason.APPOINTMENT_REFUSED: QT_TRANSLATE_NOOP("Reason", "平台未接受本次预约，请重新选择时段并核验身份；如仍不行，请到人工窗口咨询。"),
    Reason.CARD_NOT_ACCEPTED: QT_TRANSLATE_NOOP("Reason", "该证件无法用于预约（已过有效期或无法识别），请放置有效的身份证。"),
}

_REASON_TITLES = {
    **_REASON_TITLES,
    Reason.SLOT_TAKEN: QT_TRANSLATE_NOOP("ReasonTitle", "该时段已约满"),
}

_LABELS = {
    **_LABELS,
    Label.APPOINTMENT: QT_TRANSLATE_NOOP("Label", "预约窗口办理"),
    Label.APPOINTMENT_NEXT: QT_TRANSLATE_NOOP("Label", "下一步"),
    Label.APPOINTMENT_BOOK: QT_TRANSLATE_NOOP("Label", "确认预约"),
}

_SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Appointment", "周一"),
    QT_TRANSLATE_NOOP("Appointment", "周二"),
    QT_TRANSLATE_NOOP("Appointment", "周三"),
    QT_TRANSLATE_NOOP("Appointment", "周四"),
    QT_TRANSLATE_NOOP("Appointment", "周五"),
    QT_TRANSLATE_NOOP("Appointment", "周六"),
    QT_TRANSLATE_NOOP("Appointment", "周日"),
)

_APPOINTMENT_WORDS: Mapping[str, str] = {
    "today": QT_TRANSLATE_NOOP("Appointment", "今天"),
    "day": QT_TRANSLATE_NOOP("Appointment", "{month}月{day}日"),
    "remaining": QT_TRANSLATE_NOOP("Appointment", "余 {count} 个"),
    "full": QT_TRANSLATE_NOOP("Appointment", "已满"),
    "loading": QT_TRANSLATE_NOOP("Appointment", "正在查询可预约时段…"),
    "no_slots": QT_TRANSLATE_NOOP("Appointment", "当日没有可预约的时段，请选择其他日期。"),
    "listing_failed": QT_TRANSLATE_NOOP("Appointment", "暂时无法查询可预约时段，请点击日期重试。"),
    "chosen": QT_TRANSLATE_NOOP("Appointment", "已选：{day} {weekday} {time}"),
    "none_chosen": QT_TRANSLATE_NOOP("Appointment", "请选择一个时段"),
    "matter": QT_TRANSLATE_NOOP("Appointment", "预约事项"),
    "phone": QT_TRANSLATE_NOOP("Appointment", "手机号码"),
    "appointment_no": QT_TRANSLATE_NOOP("Appointment", "预约号"),
    "time": QT_TRANSLATE_NOOP("Appointment", "预约时间"),
    "place": QT_TRANSLATE_NOOP("Appointment", "办理地点"),
    "bring": QT_TRANSLATE_NOOP("Appointment", "请携带"),
    "not_printed": QT_TRANSLATE_NOOP("Appointment", "预约凭条未能打印。预约已成功，请拍照留存下方二维码和预约号，到窗口出示即可。"),
    "no_matters": QT_TRANSLATE_NOOP("Appointment", "目前没有可预约的事项。"),
}


def appointment_word(key: str) -> str:
    """A word of the appointment screens (``{placeholders}`` left for the caller)."""
    return tr("Appointment", _APPOINTMENT_WORDS[key])


def short_weekday(day: date) -> str:
    """The short weekday name (周一…周日)."""
    return tr("Appointment", _SHORT_WEEKDAYS[day.weekday()])


# --- progress query and corrections (查询进度, 补齐补正) ----------------------------------------

_LABELS = {
    **_LABELS,
    Label.PROGRESS_CORRECT: QT_TRANSLATE_NOOP("Label", "补齐补正材料"),
}

_REASONS = {
    **_REASONS,
    Reason.FOREIGN_CODE: QT_TRANSLATE_NOOP("Reason", "这不是办件回执上的二维码，请扫描回执上的二维码。"),
    Reason.PROGRESS_NOT_FOUND: QT_TRANSLATE_NOOP("Reason", "未查到该办件：回执二维码与查询码不符。请核对回执，或放置身份证查询。"),
    Reason.CORRECTION_NOT_NEEDED: QT_TRANSLATE_NOOP("Reason", "该办件目前不需要补齐补正材料。"),
    Reason.CORRECTION_MISSING: QT_TRANSLATE_NOOP("Reason", "还有需要补交的材料，请先提供。"),
    Reason.CORRECTION_REFUSED: QT_TRANSLATE_NOOP("Reason", "补正未被受理：请确认是本人的办件，或到人工窗口办理。"),
    Reason.RECEIPT_NOT_PRINTED: QT_TRANSLATE_NOOP("Reason", "补正已提交，但回执未能打印。可扫描回执二维码或凭身份证随时查询进度。"),
}

_FOREIGN_CODES: Mapping[ForeignCode, str] = {
    ForeignCode.EMPTY: QT_TRANSLATE_NOOP("ForeignCode", "没有读到内容，请将回执上的二维码对准扫码窗口。"),
    ForeignCode.DAMAGED_RECEIPT: QT_TRANSLATE_NOOP("ForeignCode", "回执二维码不完整或已被改动，无法查询。请扫描完好的回执，或放置身份证查询。"),
    ForeignCode.PAYMENT_CODE: QT_TRANSLATE_NOOP("ForeignCode", "这是付款码，不是办件回执。本页面不会收款，请扫描回执上的二维码。"),
    ForeignCode.LOGIN_CODE: QT_TRANSLATE_NOOP("ForeignCode", "这是政务服务App的登录码。查询进度请扫描回执上的二维码，或放置身份证。"),
    ForeignCode.WEB_ADDRESS: QT_TRANSLATE_NOOP("ForeignCode", "这是一个网址，不是办件回执的二维码，请扫描回执上的二维码。"),
    ForeignCode.UNKNOWN: QT_TRANSLATE_NOOP("ForeignCode", "无法识别该二维码，请扫描办件回执上的二维码。"),
}


def foreign_code(kind: ForeignCode) -> str:
    """What the refused scanned code was, and what to scan instead."""
    return tr("ForeignCode", _FOREIGN_CODES[kind])


_STATUSES: Mapping[str, str] = {
    "received": QT_TRANSLATE_NOOP("Status", "已接收"),
    "accepted": QT_TRANSLATE_NOOP("Status", "已受理"),
    "in_review": QT_TRANSLATE_NOOP("Status", "审查中"),
    "correction_required": QT_TRANSLATE_NOOP("Status", "待补齐补正"),
    "approved": QT_TRANSLATE_NOOP("Status", "审批通过"),
    "rejected": QT_TRANSLATE_NOOP("Status", "不予受理"),
    "completed": QT_TRANSLATE_NOOP("Status", "已办结"),
    "delivered": QT_TRANSLATE_NOOP("Status", "已送达"),
    "withdrawn": QT_TRANSLATE_NOOP("Status", "已撤回"),
}


def application_status(code: str) -> str:
    """An application's status in words (the code itself for one this terminal does not
    know yet)."""
    source = _STATUSES.get(code)
    return tr("Status", source) if source else code


_PROGRESS_WORDS: Mapping[str, str] = {
    "application_no": QT_TRANSLATE_NOOP("Progress", "办件编号"),
    "status": QT_TRANSLATE_NOOP("Progress", "当前状态"),
    "accepted_at": QT_TRANSLATE_NOOP("Progress", "受理时间"),
    "promised": QT_TRANSLATE_NOOP("Progress", "承诺办结"),
    "instant": QT_TRANSLATE_NOOP("Progress", "即办件"),
    "history": QT_TRANSLATE_NOOP("Progress", "办理记录"),
    "note": QT_TRANSLATE_NOOP("Progress", "部门意见：{note}"),
    "deferred": QT_TRANSLATE_NOOP("Progress", "容缺材料（请在期限前补交）"),
    "deadline": QT_TRANSLATE_NOOP("Progress", "{deadline}前"),
    "needs_correction": QT_TRANSLATE_NOOP("Progress", "本办件需要补齐补正材料，可在本机补交。"),
    "list_empty": QT_TRANSLATE_NOOP("Progress", "近12个月没有您的办件记录。"),
    "list_hint": QT_TRANSLATE_NOOP("Progress", "近12个月的办件，点击查看详情"),
    "scan_hint": QT_TRANSLATE_NOOP("Progress", "将回执二维码对准扫码窗口"),
    "card_hint": QT_TRANSLATE_NOOP("Progress", "或将身份证放在感应区，查看本人近12个月的办件"),
    "supplied": QT_TRANSLATE_NOOP("Progress", "已补交：{names}"),
    "saved": QT_TRANSLATE_NOOP("Progress", "网络恢复后将自动提交（保存编号 {ref}）。"),
    "status_now": QT_TRANSLATE_NOOP("Progress", "当前状态：{status}"),
}


def progress_word(key: str) -> str:
    """A word of the progress screens."""
    return tr("Progress", _PROGRESS_WORDS[key])


_SCREENS = {
    **_SCREENS,
    State.PROGRESS_SCAN: (
        QT_TRANSLATE_NOOP("Screen", "查询办理进度"),
        QT_TRANSLATE_NOOP("Screen", "扫描回执上的二维码，无需登录即可查询；或放置身份证，查看本人的全部办件。"),
        "",
    ),
    State.PROGRESS_QUERYING: (
        QT_TRANSLATE_NOOP("Screen", "正在查询…"),
        QT_TRANSLATE_NOOP("Screen", "正在查询办件进度，请稍候。"),
        "",
    ),
    State.PROGRESS_CARD_CHECKING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验身份证…"),
        QT_TRANSLATE_NOOP("Screen", "核验后将列出您近12个月的办件，请勿移动证件。"),
        "",
    ),
    State.PROGRESS_LIST: (QT_TRANSLATE_NOOP("Screen", "我的办件"), "", ""),
    State.PROGRESS_DETAIL: (QT_TRANSLATE_NOOP("Screen", "办理进度"), "", ""),
    State.CORRECTION_CARD: (
        QT_TRANSLATE_NOOP("Screen", "补正前请核验身份"),
        QT_TRANSLATE_NOOP("Screen", "请将本人身份证平放在感应区，读取完成前请勿移动。"),
        "",
    ),
    State.CORRECTION_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验身份…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候。"),
        "",
    ),
    State.CORRECTION_FACE_CONSENT: (
        QT_TRANSLATE_NOOP("Screen", "人脸识别授权"),
        QT_TRANSLATE_NOOP("Screen", "该事项补正需要人脸识别核验本人身份。"),
        "",
    ),
    State.CORRECTION_FACE_CAPTURE: (
        QT_TRANSLATE_NOOP("Screen", "请正对摄像头"),
        QT_TRANSLATE_NOOP("Screen", "保持面部在框内，稍候自动完成识别。"),
        "",
    ),
    State.CORRECTION_FACE_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验身份…"),
        QT_TRANSLATE_NOOP("Screen", "正在比对人脸与身份证照片，请稍候。"),
        "",
    ),
    State.CORRECTION_LOADING: (
        QT_TRANSLATE_NOOP("Screen", "正在准备补正材料…"),
        QT_TRANSLATE_NOOP("Screen", "正在调取您的电子证照，请稍候。"),
        "",
    ),
    State.CORRECTION_MATERIAL: (QT_TRANSLATE_NOOP("Screen", "补齐补正材料"), "", ""),
    State.CORRECTION_SUBMITTING: (
        QT_TRANSLATE_NOOP("Screen", "正在提交补正…"),
        QT_TRANSLATE_NOOP("Screen", "正在保存并提交您补交的材料，请勿离开。"),
        "",
    ),
    State.CORRECTION_PRINTING: (
        QT_TRANSLATE_NOOP("Screen", "正在打印回执…"),
        QT_TRANSLATE_NOOP("Screen", "回执将从下方出纸口打出。"),
        "",
    ),
    State.CORRECTION_DONE: (
        QT_TRANSLATE_NOOP("Screen", "补正材料已提交"),
        QT_TRANSLATE_NOOP("Screen", "请取走回执。部门将继续审查，可随时扫描回执二维码查询进度。"),
        "",
    ),
}


# --- paying fees (统一公共支付) -----------------------------------------------------------------

_SCREENS = {
    **_SCREENS,
    State.PAY_FEES: (
        QT_TRANSLATE_NOOP("Screen", "缴纳费用"),
        QT_TRANSLATE_NOOP("Screen", "您的申请已受理。本事项需缴纳以下费用，请选择支付方式。"),
        "",
    ),
    State.PAY_QR_LOADING: (
        QT_TRANSLATE_NOOP("Screen", "正在获取支付二维码…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候。"),
        "",
    ),
    State.PAY_QR: (
        QT_TRANSLATE_NOOP("Screen", "请用手机扫码支付"),
        QT_TRANSLATE_NOOP("Screen", "打开微信或支付宝“扫一扫”，扫描下方二维码完成支付。支付后本机将自动继续。"),
        "",
    ),
    State.PAY_QR_EXPIRED: (
        QT_TRANSLATE_NOOP("Screen", "二维码已过期"),
        QT_TRANSLATE_NOOP("Screen", "订单尚未支付，请重新获取二维码，或改用付款码支付。"),
        "",
    ),
    State.PAY_SCAN: (
        QT_TRANSLATE_NOOP("Screen", "请出示付款码"),
        QT_TRANSLATE_NOOP("Screen", "打开微信或支付宝的付款码，对准下方扫码窗口。"),
        "",
    ),
    State.PAY_CHARGING: (
        QT_TRANSLATE_NOOP("Screen", "正在支付…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候，支付完成前请勿离开。"),
        "",
    ),
    State.PAY_PENDING: (
        QT_TRANSLATE_NOOP("Screen", "请在手机上确认支付"),
        QT_TRANSLATE_NOOP("Screen", "请在手机上输入支付密码或确认支付，确认后本机将自动继续。"),
        "",
    ),
    State.PAY_CANCELLING: (
        QT_TRANSLATE_NOOP("Screen", "正在取消支付…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候。"),
        "",
    ),
    State.PAY_PAID: (
        QT_TRANSLATE_NOOP("Screen", "支付成功"),
        QT_TRANSLATE_NOOP("Screen", "稍后将自动打印受理回执和缴费凭证。"),
        "",
    ),
    State.PAY_FAILED: (
        QT_TRANSLATE_NOOP("Screen", "支付未完成"),
        QT_TRANSLATE_NOOP("Screen", "申请已受理，费用尚未缴纳。请到人工窗口缴费，或凭回执编号在政务服务App缴费。"),
        "",
    ),
    State.PAY_CANCELLED: (
        QT_TRANSLATE_NOOP("Screen", "已取消支付"),
        QT_TRANSLATE_NOOP("Screen", "申请已受理，费用尚未缴纳，未扣款。请到人工窗口缴费，或在政务服务App缴费。"),
        "",
    ),
}

_REASONS = {
    **_REASONS,
    Reason.NOT_A_PAYMENT_CODE: QT_TRANSLATE_NOOP("Reason", "这不是付款码。请打开微信或支付宝的付款码后重新扫描。"),
    Reason.PAYMENT_DECLINED: QT_TRANSLATE_NOOP("Reason", "支付未成功，未扣款。请换一个付款码或改用扫码支付。"),
    Reason.PAYMENT_NOT_CONFIRMED: QT_TRANSLATE_NOOP("Reason", "未收到您在手机上的确认。如已扣款，本机会自动识别，请勿重复支付；也可重新出示付款码。"),
    Reason.PAYMENT_EXPIRED: QT_TRANSLATE_NOOP("Reason", "订单已超时关闭，未扣款。申请已受理，请到人工窗口缴费。"),
    Reason.PAYMENT_CLOSED: QT_TRANSLATE_NOOP("Reason", "订单已关闭，未扣款。申请已受理，请到人工窗口缴费。"),
    Reason.PAYMENT_UNAVAILABLE: QT_TRANSLATE_NOOP("Reason", "暂时无法连接支付平台。如已扣款，本机会自动确认，请勿重复支付；您也可以到人工窗口咨询。"),
}

_LABELS = {
    **_LABELS,
    Label.PAY_QR: QT_TRANSLATE_NOOP("Label", "扫码支付"),
    Label.PAY_CODE: QT_TRANSLATE_NOOP("Label", "付款码支付"),
    Label.PAY_CANCEL: QT_TRANSLATE_NOOP("Label", "暂不支付"),
    Label.PAY_NEW_QR: QT_TRANSLATE_NOOP("Label", "重新获取二维码"),
    Label.PAY_CONTINUE: QT_TRANSLATE_NOOP("Label", "打印回执"),
    Label.PAY_CODE_INSTEAD: QT_TRANSLATE_NOOP("Label", "改用付款码支付"),
    Label.PAY_QR_INSTEAD: QT_TRANSLATE_NOOP("Label", "改用扫码支付"),
}

_PAYMENT_WORDS: Mapping[str, str] = {
    "total": QT_TRANSLATE_NOOP("Payment", "合计"),
    "order_no": QT_TRANSLATE_NOOP("Payment", "订单号 {order_no}"),
    "amount": QT_TRANSLATE_NOOP("Payment", "应付金额 {amount}"),
    "paid_amount": QT_TRANSLATE_NOOP("Payment", "已支付 {amount}"),
    "countdown": QT_TRANSLATE_NOOP("Payment", "二维码有效期还剩 {time}"),
    "expired": QT_TRANSLATE_NOOP("Payment", "二维码已过期"),
    "scanner_below": QT_TRANSLATE_NOOP("Payment", "扫码窗口在屏幕下方"),
    "wallets": QT_TRANSLATE_NOOP("Payment", "支持微信支付、支付宝"),
    "invoice": QT_TRANSLATE_NOOP("Payment", "扫码查看电子票据"),
    "wechat": QT_TRANSLATE_NOOP("Payment", "微信支付"),
    "alipay": QT_TRANSLATE_NOOP("Payment", "支付宝"),
}


def payment_word(key: str) -> str:
    """A word of the payment screens (``_PAYMENT_WORDS``)."""
    return tr("Payment", _PAYMENT_WORDS[key])


# --- apply, part 2: card-level identity, document capture, reprint by card (issue 11) ----------

_SCREENS = {
    **_SCREENS,
    State.CARD_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验证件…"),
        QT_TRANSLATE_NOOP("Screen", "本事项凭身份证即可办理，无需人脸识别，请稍候。"),
        "",
    ),
}

_REASONS = {
    **_REASONS,
    Reason.INSUFFICIENT_IDENTITY: QT_TRANSLATE_NOOP(
        "Reason", "请点“继续办理”完成人脸识别。\n您填写的内容已保留，核验后可直接提交。"
    ),
}

_REASON_TITLES = {
    **_REASON_TITLES,
    Reason.INSUFFICIENT_IDENTITY: QT_TRANSLATE_NOOP("ReasonTitle", "此事项需要人脸核验"),
}

_SCREENS = {
    **_SCREENS,
    State.APPLY_CAPTURE: (
        QT_TRANSLATE_NOOP("Screen", "拍摄材料"),
        QT_TRANSLATE_NOOP("Screen", "请将材料平放在下方拍摄区，整页都在画面内。"),
        "",
    ),
}

_LABELS = {
    **_LABELS,
    Label.CAPTURE_SHOOT: QT_TRANSLATE_NOOP("Label", "拍摄"),
    Label.CAPTURE_RETAKE: QT_TRANSLATE_NOOP("Label", "重拍上一页"),
    Label.CAPTURE_DONE: QT_TRANSLATE_NOOP("Label", "完成拍摄"),
}

_APPLY_WORDS = {
    **_APPLY_WORDS,
    "capture": QT_TRANSLATE_NOOP("Apply", "拍摄材料"),
    "scanned": QT_TRANSLATE_NOOP("Apply", "已拍摄 {count} 页"),
    "recapture": QT_TRANSLATE_NOOP("Apply", "重新拍摄"),
}

_CAPTURE_GUIDANCE: Mapping[str, str] = {
    "no_page": QT_TRANSLATE_NOOP("Capture", "未检测到材料，请将材料平放在拍摄区内"),
    "cut_off": QT_TRANSLATE_NOOP("Capture", "材料边缘超出画面，请向中间移动"),
    "ok": QT_TRANSLATE_NOOP("Capture", "已识别整页（绿框），请点“拍摄”"),
    "missed": QT_TRANSLATE_NOOP("Capture", "没有拍到完整的一页，请放平材料后重新拍摄"),
}

_PAGE_ISSUES: Mapping[str, str] = {
    "cut_off": QT_TRANSLATE_NOOP("Capture", "页面不完整"),
    "blurred": QT_TRANSLATE_NOOP("Capture", "画面模糊，请保持材料不动"),
    "glare": QT_TRANSLATE_NOOP("Capture", "有反光，请避开灯光"),
    "no_page": QT_TRANSLATE_NOOP("Capture", "未检测到材料"),
}

_CAPTURE_WORDS: Mapping[str, str] = {
    "last_page": QT_TRANSLATE_NOOP("Capture", "最近一页"),
    "page_fine": QT_TRANSLATE_NOOP("Capture", "清晰完整，可继续拍摄下一页或点“完成拍摄”"),
    "retake_advice": QT_TRANSLATE_NOOP("Capture", "建议重拍："),
    "first_page": QT_TRANSLATE_NOOP("Capture", "请拍摄第 1 页；多页材料可逐页拍摄"),
    "pages_taken": QT_TRANSLATE_NOOP("Capture", "已拍摄 {count} 页"),
    "separator": QT_TRANSLATE_NOOP("Capture", "；"),
}


def capture_guidance(code: str) -> str:
    """What the capture screen says about the page in view (or the 拍摄 that missed it)."""
    source = _CAPTURE_GUIDANCE.get(code, _CAPTURE_GUIDANCE["no_page"])
    return tr("Capture", source)


def page_issues(codes: Iterable[str]) -> str:
    """The retake advice for a page's quality issues; empty when it has none."""
    found = [tr("Capture", _PAGE_ISSUES[c]) for c in codes if c in _PAGE_ISSUES]
    return capture_word("retake_advice") + capture_word("separator").join(found) if found else ""


def pages_taken(count: int) -> str:
    """已拍摄 N 页, or the hint to take the first."""
    if count == 0:
        return capture_word("first_page")
    return capture_word("pages_taken").format(count=count)


def capture_word(key: str) -> str:
    """A word of the capture screen (``_CAPTURE_WORDS``)."""
    return tr("Capture", _CAPTURE_WORDS[key])


# --- reprint by card (补打回执) -----------------------------------------------------------------

_SCREENS = {
    **_SCREENS,
    State.REPRINT_CARD: (
        QT_TRANSLATE_NOOP("Screen", "补打回执：请放置身份证"),
        QT_TRANSLATE_NOOP("Screen", "将居民身份证平放在下方读卡区，核验后列出您近30天的申请。"),
        _CARD_HINT,
    ),
    State.REPRINT_VERIFYING: (
        QT_TRANSLATE_NOOP("Screen", "正在核验证件…"),
        QT_TRANSLATE_NOOP("Screen", "补打回执凭身份证即可，无需人脸识别，请稍候。"),
        "",
    ),
    State.REPRINT_LOADING: (
        QT_TRANSLATE_NOOP("Screen", "正在查询您的申请…"),
        QT_TRANSLATE_NOOP("Screen", "请稍候。"),
        "",
    ),
    State.REPRINT_LIST: (
        QT_TRANSLATE_NOOP("Screen", "选择要补打的回执"),
        QT_TRANSLATE_NOOP("Screen", "以下是您近30天的申请，点选一项即可补打。"),
        "",
    ),
    State.REPRINT_PRINTING: (
        QT_TRANSLATE_NOOP("Screen", "正在打印回执…"),
        QT_TRANSLATE_NOOP("Screen", "回执将从下方出纸口打出。"),
        "",
    ),
    State.REPRINT_DONE: (
        QT_TRANSLATE_NOOP("Screen", "回执已补打"),
        QT_TRANSLATE_NOOP("Screen", "请取走回执。可扫描回执上的二维码查询办理进度。"),
        "",
    ),
    State.REPRINT_PRINT_FAILED: (
        QT_TRANSLATE_NOOP("Screen", "回执未能打印"),
        QT_TRANSLATE_NOOP("Screen", "请拍照留存下方二维码和编号，它们与回执内容相同。打印机恢复后可重新打印。"),
        "",
    ),
    State.REPRINT_FAILED: (
        QT_TRANSLATE_NOOP("Screen", "暂时无法补打"),
        QT_TRANSLATE_NOOP("Screen", "请稍后重试，或到人工窗口咨询。"),
        "",
    ),
}

_LABELS = {
    **_LABELS,
    Label.REPRINT_ANOTHER: QT_TRANSLATE_NOOP("Label", "补打其他回执"),
}

_REPRINT_WORDS: Mapping[str, str] = {
    "none": QT_TRANSLATE_NOOP("Reprint", "近30天没有您的申请记录。如有疑问请到人工窗口咨询。"),
    "accepted_on": QT_TRANSLATE_NOOP("Reprint", "受理时间 {at}"),
    "more": QT_TRANSLATE_NOOP("Reprint", "同次提交 {count} 项"),
    "at_format": QT_TRANSLATE_NOOP("Reprint", "{month}月{day}日 {hour:02d}:{minute:02d}"),
}


def reprint_word(key: str) -> str:
    """A word of the reprint screens (``_REPRINT_WORDS``)."""
    return tr("Reprint", _REPRINT_WORDS[key])


def reprint_accepted_on(at: datetime) -> str:
    """受理时间 11月28日 09:30 (local time as given)."""
    shown = reprint_word("at_format").format(month=at.month, day=at.day, hour=at.hour,
                                             minute=at.minute)
    return reprint_word("accepted_on").format(at=shown)


# --- corrections: capturing a material (补齐补正 · 拍摄材料) ------------------------------------

_SCREENS = {
    **_SCREENS,
    State.CORRECTION_CAPTURE: _SCREENS[State.APPLY_CAPTURE],
}


# --- elderly mode (适老模式) ----------------------------------------------------------------

_ELDERLY_ON_ENTRY: tuple[str, str, str] = (
    QT_TRANSLATE_NOOP("Home", "退出适老模式"),
    QT_TRANSLATE_NOOP("Home", "标"),
    QT_TRANSLATE_NOOP("Home", "适老模式已开启，点此恢复标准字体"),
)
"""The elderly-mode tile while the mode is on (name, symbol, hint): the words say it is on,
not only the colour."""


def elderly_help(window: str, phone: str) -> str:
    """The header's line in elderly mode: where a person helps (the staffed window, else the
    hall's staff) and the hall's phone."""
    if window:
        return QCoreApplication.translate(
            "Elderly", "需要帮助请到{window}，或拨打 {phone}"
        ).format(window=window, phone=phone)
    return QCoreApplication.translate(
        "Elderly", "需要帮助请找大厅工作人员，或拨打 {phone}"
    ).format(phone=phone)
