"""The flow's states. Each value is the id of the screen QML shows for it (stable strings)."""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    """A screen of the citizen flow."""

    HOME = "home"
    ATTRACT = "attract"
    CATALOGUE = "catalogue"
    GUIDE = "guide"
    IDENTITY_CARD = "identity_card"
    IDENTITY_READING = "identity_reading"
    CARD_EXPIRED = "card_expired"
    CARD_UNKNOWN = "card_unknown"
    CARD_UNREADABLE = "card_unreadable"
    CARD_REMOVED = "card_removed"
    FACE_CONSENT = "face_consent"
    IDENTITY_CHOICE = "identity_choice"
    FACE_CAPTURE = "face_capture"
    FACE_VERIFYING = "face_verifying"
    FACE_RETRY = "face_retry"
    REFER_TO_WINDOW = "refer_to_window"
    QR_LOGIN = "qr_login"
    QR_LOGIN_VERIFYING = "qr_login_verifying"
    VERIFIED = "verified"
    OUT_OF_SERVICE = "out_of_service"
    PLACEHOLDER = "placeholder"


class PlaceholderTopic(StrEnum):
    """Home entries whose features come in later issues; ``placeholder`` says which."""

    PROGRESS = "progress"
    CERTIFICATE_PRINT = "certificate_print"
    APPOINTMENT = "appointment"
    EVALUATION = "evaluation"
    ELDERLY_MODE = "elderly_mode"


PLACEHOLDER_TEXT: dict[PlaceholderTopic, tuple[str, str]] = {
    PlaceholderTopic.PROGRESS: ("查询进度", "扫描回执上的二维码或输入办件编号，查询办理进度。"),
    PlaceholderTopic.CERTIFICATE_PRINT: (
        "证明打印",
        "核验身份后查询并打印社保缴费证明等证明材料。",
    ),
    PlaceholderTopic.APPOINTMENT: ("预约", "预约人工窗口的办理时间。"),
    PlaceholderTopic.EVALUATION: ("评价", "对本次服务进行“好差评”评价。"),
    PlaceholderTopic.ELDERLY_MODE: ("适老模式", "更大的字体、更慢的节奏和更简明的说明。"),
}
"""Title and what-it-will-be sentence of each placeholder; the screen adds "将在后续版本提供"."""


class Reason(StrEnum):
    """Why the current screen is shown, where one state serves several causes."""

    CARD_READ_TIMEOUT = "card_read_timeout"
    CARD_READ_FAILED = "card_read_failed"
    ID_NUMBER_INVALID = "id_number_invalid"
    FACE_MISMATCH = "face_mismatch"
    NO_FACE = "no_face"
    CAMERA_FAILED = "camera_failed"
    CARD_REJECTED = "card_rejected"
    PLATFORM_UNAVAILABLE = "platform_unavailable"
    TOO_MANY_FAILURES = "too_many_failures"
    CONSENT_DECLINED = "consent_declined"
    QR_REJECTED = "qr_rejected"
    GUIDE_UNAVAILABLE = "guide_unavailable"
    SUSPENDED = "suspended"
    DEVICES_DOWN = "devices_down"


REASON_TEXT: dict[Reason, str] = {
    Reason.CARD_READ_TIMEOUT: "未能读取证件，请将证件平放在感应区后重试。",
    Reason.CARD_READ_FAILED: "证件读取失败，请重新放置证件。",
    Reason.ID_NUMBER_INVALID: "证件信息校验失败，请到人工窗口办理。",
    Reason.FACE_MISMATCH: "人脸比对未通过，请正对摄像头后重试。",
    Reason.NO_FACE: "未检测到清晰的人脸，请正对摄像头后重试。",
    Reason.CAMERA_FAILED: "摄像头暂时无法使用。",
    Reason.CARD_REJECTED: "证件未通过核验，请到人工窗口办理。",
    Reason.PLATFORM_UNAVAILABLE: "网络或服务暂时不可用，请稍后重试。",
    Reason.TOO_MANY_FAILURES: "多次核验未通过，请到人工窗口办理。",
    Reason.CONSENT_DECLINED: "您可以扫码登录，或到人工窗口办理。",
    Reason.QR_REJECTED: "二维码无效或已过期，请在手机上刷新后重新扫描。",
    Reason.GUIDE_UNAVAILABLE: "暂时无法打开该事项的办事指南，请稍后重试。",
    Reason.SUSPENDED: "本机暂停服务，请到人工窗口办理。",
    Reason.DEVICES_DOWN: "本机设备故障，暂停服务，请到人工窗口办理。",
}
"""The sentence each reason shows; QML may restyle but not reword."""
