"""What each flow state shows: its QML file, look, actions and navigation.

The flow decides *which* screen; this table decides only how it reads; the words are in
:mod:`ui.text`. Action ids are the intent words :mod:`ui.bridge.intents` turns into flow
events, so a button can only offer what the flow's table accepts in that state.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.flow.states import State
from ui.text import Label, label


@dataclass(frozen=True)
class Action:
    """A button of a screen: the intent it sends, its words, and whether it is the primary."""

    id: str
    label: Label
    primary: bool = False
    enabled: bool = True

    def to_qml(self) -> dict[str, object]:
        """The dict QML's ActionRow reads."""
        return {
            "id": self.id,
            "label": label(self.label),
            "primary": self.primary,
            "enabled": self.enabled,
        }


@dataclass(frozen=True)
class ScreenSpec:
    """How one state reads on screen (its words: ``ui.text.screen_title`` and friends)."""

    file: str
    symbol: str = "i"
    tone: str = "info"
    actions: tuple[Action, ...] = ()
    nav: bool = True
    back: bool = True


_RETRY_CARD = Action("retry_card", Label.RETRY_CARD, primary=True)
_QR_LOGIN = Action("qr_login", Label.QR_INSTEAD)
_HOME = Action("home", Label.HOME, primary=True)
READER_DOWN_ACTIONS = (
    Action("qr_login", Label.QR_LOGIN, primary=True),
    Action("window", Label.WINDOW),
)
"""The card screen's buttons while the reader is not working: what still works."""
_CARD_ERROR = ScreenSpec("MessageScreen.qml", "!", "error", (_RETRY_CARD, _QR_LOGIN))

FACE_CONSENT_SCREEN = ScreenSpec(
    "FaceConsentScreen.qml",
    actions=(Action("consent", Label.CONSENT, primary=True), Action("decline", Label.DECLINE)),
)

CAPTURE_SCREEN = ScreenSpec(
    "DocumentCaptureScreen.qml",
    actions=(
        Action("capture_retake", Label.CAPTURE_RETAKE),
        Action("capture_shoot", Label.CAPTURE_SHOOT, primary=True),
        Action("apply_next", Label.CAPTURE_DONE),
    ),
)
"""拍摄材料, when applying and in a correction."""

_OTHER_CERTIFICATE = Action("home.certificate_print", Label.OTHER_CERTIFICATE)
CERTIFICATE_SCREENS: dict[State, ScreenSpec] = {
    State.CERTIFICATE_LIST: ScreenSpec("CertificateListScreen.qml"),
    State.CERTIFICATE_FORM: ScreenSpec(
        "ApplyFormScreen.qml", actions=(Action("apply_next", Label.QUERY_PRINT, primary=True),)
    ),
    State.CERTIFICATE_ISSUING: ScreenSpec("BusyScreen.qml", back=False),
    State.CERTIFICATE_PREVIEW: ScreenSpec(
        "CertificatePreviewScreen.qml",
        actions=(Action("print_certificate", Label.PRINT_CERTIFICATE, primary=True),),
    ),
    State.CERTIFICATE_PRINTING: ScreenSpec("BusyScreen.qml", back=False),
    State.CERTIFICATE_PRINTED: ScreenSpec(
        "MessageScreen.qml", "✓", "success",
        (Action("finish", Label.FINISH, primary=True), _OTHER_CERTIFICATE), back=False,
    ),
    State.CERTIFICATE_PRINT_FAILED: ScreenSpec(
        "CertificateFailedScreen.qml", "!", "error",
        (
            Action("home", Label.DONE, primary=True),
            Action("print_certificate", Label.REPRINT_CERTIFICATE),
            _OTHER_CERTIFICATE,
        ),
        back=False,
    ),
}
"""The 证明打印 screens."""

_PAY_CANCEL = Action("pay_cancel", Label.PAY_CANCEL)
PAYMENT_SCREENS: dict[State, ScreenSpec] = {
    State.PAY_FEES: ScreenSpec(
        "PayFeesScreen.qml",
        actions=(
            Action("pay_qr", Label.PAY_QR, primary=True),
            Action("pay_code", Label.PAY_CODE),
            _PAY_CANCEL,
        ),
        back=False,
    ),
    State.PAY_QR_LOADING: ScreenSpec("BusyScreen.qml", back=False),
    State.PAY_QR: ScreenSpec(
        "PayQrScreen.qml",
        actions=(Action("pay_code", Label.PAY_CODE_INSTEAD, primary=True), _PAY_CANCEL),
    ),
    State.PAY_QR_EXPIRED: ScreenSpec(
        "PayStatusScreen.qml", "!", "error",
        (Action("pay_qr", Label.PAY_NEW_QR, primary=True), Action("pay_code", Label.PAY_CODE),
         _PAY_CANCEL),
    ),
    State.PAY_SCAN: ScreenSpec(
        "PayScanScreen.qml",
        actions=(Action("pay_qr", Label.PAY_QR_INSTEAD, primary=True), _PAY_CANCEL),
    ),
    State.PAY_CHARGING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.PAY_PENDING: ScreenSpec(
        "PayStatusScreen.qml", "…", "info",
        (Action("pay_cancel", Label.PAY_CANCEL, primary=True),), back=False,
    ),
    State.PAY_CANCELLING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.PAY_PAID: ScreenSpec(
        "PayStatusScreen.qml", "✓", "success",
        (Action("pay_continue", Label.PAY_CONTINUE, primary=True),), nav=False, back=False,
    ),
    State.PAY_FAILED: ScreenSpec("PayStatusScreen.qml", "!", "error", (_HOME,), back=False),
    State.PAY_CANCELLED: ScreenSpec("PayStatusScreen.qml", "i", "info", (_HOME,), back=False),
}
"""The payment screens."""


_FINISH = Action("finish", Label.FINISH, primary=True)
"""完成 on a service's done screen: the rating of the service follows."""
_SKIP = Action("evaluation_skip", Label.EVALUATION_SKIP)
EVALUATION_SCREENS: dict[State, ScreenSpec] = {
    State.EVALUATION_CARD: ScreenSpec("IdentityCardScreen.qml"),
    State.EVALUATION_FINDING: ScreenSpec("BusyScreen.qml", back=False),
    State.EVALUATION_RATING: ScreenSpec(
        "EvaluationRatingScreen.qml", actions=(_SKIP,), back=False
    ),
    State.EVALUATION_REASONS: ScreenSpec(
        "EvaluationReasonsScreen.qml",
        actions=(Action("apply_next", Label.APPLY_NEXT, primary=True), _SKIP),
    ),
    State.EVALUATION_COMMENT: ScreenSpec(
        "EvaluationCommentScreen.qml",
        actions=(Action("evaluation_send", Label.EVALUATION_SEND, primary=True), _SKIP),
    ),
    State.EVALUATION_SENDING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.EVALUATION_THANKS: ScreenSpec(
        "EvaluationEndScreen.qml", "5", "success", (_HOME,), back=False
    ),
    State.EVALUATION_ALREADY: ScreenSpec(
        "EvaluationEndScreen.qml", "4", "info", (_HOME,), back=False
    ),
    State.EVALUATION_UNAVAILABLE: ScreenSpec(
        "MessageScreen.qml", "!", "error", (_HOME,), back=False
    ),
}
"""The 好差评 screens (an end screen's ``symbol`` is the face it shows: 5 smiles, 4 is kind)."""


APPOINTMENT_SCREENS: dict[State, ScreenSpec] = {
    State.APPOINTMENT_MATTERS: ScreenSpec("AppointmentMattersScreen.qml"),
    State.APPOINTMENT_SLOTS: ScreenSpec(
        "AppointmentSlotsScreen.qml",
        actions=(Action("appointment_next", Label.APPOINTMENT_NEXT, primary=True),),
    ),
    State.APPOINTMENT_CARD: ScreenSpec("IdentityCardScreen.qml"),
    State.APPOINTMENT_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.APPOINTMENT_PHONE: ScreenSpec(
        "AppointmentPhoneScreen.qml",
        actions=(Action("appointment_book", Label.APPOINTMENT_BOOK, primary=True),),
    ),
    State.APPOINTMENT_BOOKING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.APPOINTMENT_PRINTING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.APPOINTMENT_DONE: ScreenSpec(
        "AppointmentDoneScreen.qml", "✓", "success", (_FINISH,), back=False,
    ),
}
"""The 预约 screens."""
PROGRESS_SCREENS: dict[State, ScreenSpec] = {
    State.PROGRESS_SCAN: ScreenSpec("ProgressScanScreen.qml"),
    State.PROGRESS_QUERYING: ScreenSpec("BusyScreen.qml", back=False),
    State.PROGRESS_CARD_CHECKING: ScreenSpec("BusyScreen.qml", back=False),
    State.PROGRESS_LIST: ScreenSpec("ProgressListScreen.qml", actions=(_FINISH,)),
    State.PROGRESS_DETAIL: ScreenSpec("ProgressDetailScreen.qml"),
    State.CORRECTION_CARD: ScreenSpec("IdentityCardScreen.qml"),
    State.CORRECTION_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.CORRECTION_FACE_CONSENT: FACE_CONSENT_SCREEN,
    State.CORRECTION_FACE_CAPTURE: ScreenSpec("FaceCaptureScreen.qml"),
    State.CORRECTION_FACE_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.CORRECTION_LOADING: ScreenSpec("BusyScreen.qml"),
    State.CORRECTION_MATERIAL: ScreenSpec(
        "ApplyMaterialScreen.qml", actions=(Action("apply_next", Label.APPLY_NEXT, primary=True),)
    ),
    State.CORRECTION_CAPTURE: CAPTURE_SCREEN,
    State.CORRECTION_SUBMITTING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.CORRECTION_PRINTING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.CORRECTION_DONE: ScreenSpec(
        "CorrectionDoneScreen.qml", "✓", "success", (_FINISH,), back=False
    ),
}
"""The 查询进度 and 补齐补正 screens (the correction's identity and material screens are the
identity and apply screens)."""

SCREENS: dict[State, ScreenSpec] = {
    State.HOME: ScreenSpec("HomeScreen.qml", nav=False),
    State.ATTRACT: ScreenSpec("AttractScreen.qml", nav=False),
    State.CATALOGUE: ScreenSpec("CatalogueScreen.qml"),
    State.GUIDE: ScreenSpec("GuideScreen.qml"),
    State.IDENTITY_CARD: ScreenSpec(
        "IdentityCardScreen.qml", actions=(Action("qr_login", Label.NO_CARD_QR),)
    ),
    State.IDENTITY_READING: ScreenSpec("BusyScreen.qml", back=False),
    State.CARD_EXPIRED: _CARD_ERROR,
    State.CARD_UNKNOWN: ScreenSpec("MessageScreen.qml", "?", "error", (_RETRY_CARD, _QR_LOGIN)),
    State.CARD_UNREADABLE: _CARD_ERROR,
    State.CARD_REMOVED: _CARD_ERROR,
    State.FACE_CONSENT: FACE_CONSENT_SCREEN,
    State.IDENTITY_CHOICE: ScreenSpec(
        "MessageScreen.qml",
        "?",
        "info",
        (Action("qr_login", Label.QR_LOGIN, primary=True), Action("window", Label.WINDOW)),
    ),
    State.FACE_CAPTURE: ScreenSpec("FaceCaptureScreen.qml"),
    State.FACE_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.CARD_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.FACE_RETRY: ScreenSpec(
        "MessageScreen.qml",
        "!",
        "error",
        (
            Action("retry_face", Label.RETRY_FACE, primary=True),
            Action("qr_login", Label.QR_INSTEAD),
            Action("window", Label.WINDOW),
        ),
        back=False,
    ),
    State.REFER_TO_WINDOW: ScreenSpec("MessageScreen.qml", "→", "info", (_HOME,), back=False),
    State.VERIFICATION_UNAVAILABLE: ScreenSpec(
        "MessageScreen.qml", "!", "error",
        (Action("window", Label.WINDOW, primary=True), Action("home", Label.HOME)), back=False,
    ),
    State.QR_LOGIN: ScreenSpec("QrLoginScreen.qml"),
    State.QR_LOGIN_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.VERIFIED: ScreenSpec(
        "VerifiedScreen.qml",
        actions=(
            Action("continue", Label.CONTINUE, primary=True),
            Action("query_print", Label.QUERY_PRINT, primary=True),
            Action("services", Label.OTHER_MATTER),
            Action("home", Label.DONE),
        ),
    ),
    State.OUT_OF_SERVICE: ScreenSpec("MessageScreen.qml", "!", "error", nav=False),
    State.APPLY_LOADING: ScreenSpec("BusyScreen.qml"),
    State.APPLY_FORM: ScreenSpec(
        "ApplyFormScreen.qml", actions=(Action("apply_next", Label.APPLY_NEXT, primary=True),)
    ),
    State.APPLY_MATERIAL: ScreenSpec(
        "ApplyMaterialScreen.qml", actions=(Action("apply_next", Label.APPLY_NEXT, primary=True),)
    ),
    State.APPLY_CAPTURE: CAPTURE_SCREEN,
    State.REPRINT_CARD: ScreenSpec("IdentityCardScreen.qml"),
    State.REPRINT_VERIFYING: ScreenSpec("BusyScreen.qml", back=False),
    State.REPRINT_LOADING: ScreenSpec("BusyScreen.qml", back=False),
    State.REPRINT_LIST: ScreenSpec("ReprintListScreen.qml"),
    State.REPRINT_PRINTING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.REPRINT_DONE: ScreenSpec(
        "ReprintResultScreen.qml", "✓", "success",
        (_HOME, Action("back", Label.REPRINT_ANOTHER)), back=False,
    ),
    State.REPRINT_PRINT_FAILED: ScreenSpec(
        "ReprintResultScreen.qml", "!", "error",
        (Action("apply_reprint", Label.APPLY_REPRINT), Action("home", Label.DONE, primary=True)),
        back=False,
    ),
    State.REPRINT_FAILED: ScreenSpec(
        "MessageScreen.qml", "!", "error", (_RETRY_CARD, Action("home", Label.HOME)),
        back=False,
    ),
    State.APPLY_REVIEW: ScreenSpec(
        "ApplyReviewScreen.qml",
        actions=(Action("apply_confirm", Label.APPLY_CONFIRM, primary=True),),
    ),
    State.APPLY_SUBMITTING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.APPLY_PRINTING: ScreenSpec("BusyScreen.qml", nav=False, back=False),
    State.APPLY_DONE: ScreenSpec(
        "ApplyResultScreen.qml", "✓", "success", (_FINISH,), back=False
    ),
    State.APPLY_OFFLINE_SAVED: ScreenSpec(
        "ApplyResultScreen.qml", "✓", "success", (_FINISH,), back=False
    ),
    State.APPLY_PRINT_FAILED: ScreenSpec(
        "ApplyResultScreen.qml",
        "!",
        "error",
        (Action("apply_reprint", Label.APPLY_REPRINT), Action("home", Label.DONE, primary=True)),
        back=False,
    ),
    State.APPLY_NOT_SAVED: ScreenSpec("ApplyResultScreen.qml", "!", "error", (_HOME,), back=False),
    **CERTIFICATE_SCREENS,
    **EVALUATION_SCREENS,
    **APPOINTMENT_SCREENS,
    **PROGRESS_SCREENS,
    **PAYMENT_SCREENS,
    State.MAINTENANCE_PIN: ScreenSpec("MaintenancePinScreen.qml"),
    State.MAINTENANCE_WAITING: ScreenSpec("BusyScreen.qml"),
    State.MAINTENANCE: ScreenSpec("MaintenanceScreen.qml", nav=False),
}
"""Every state's screen."""


UNKNOWN_SCREEN = ScreenSpec("MessageScreen.qml", "…", "info", (_HOME,))
"""What an id this table does not know (a newer flow) shows: a message with 返回首页."""


def spec_for(state: str) -> ScreenSpec:
    """The screen of a state id; unknown ids show :data:`UNKNOWN_SCREEN`."""
    try:
        return SCREENS[State(state)]
    except ValueError:
        return UNKNOWN_SCREEN
