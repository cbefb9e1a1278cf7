"""The flow's states and phases, and the codes that say why a screen is shown.

Each state's value is the id of the screen QML shows for it (stable strings). A phase groups
states (see :mod:`kiosk.flow.chart`). The words for reasons and placeholders are the UI's
(``ui.text``): the flow speaks in codes only.
"""

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
    CARD_VERIFYING = "card_verifying"
    FACE_CONSENT = "face_consent"
    IDENTITY_CHOICE = "identity_choice"
    FACE_CAPTURE = "face_capture"
    FACE_VERIFYING = "face_verifying"
    FACE_RETRY = "face_retry"
    REFER_TO_WINDOW = "refer_to_window"
    VERIFICATION_UNAVAILABLE = "verification_unavailable"
    QR_LOGIN = "qr_login"
    QR_LOGIN_VERIFYING = "qr_login_verifying"
    VERIFIED = "verified"
    OUT_OF_SERVICE = "out_of_service"
    PLACEHOLDER = "placeholder"
    APPLY_LOADING = "apply_loading"
    APPLY_FORM = "apply_form"
    APPLY_MATERIAL = "apply_material"
    APPLY_CAPTURE = "apply_capture"
    APPLY_REVIEW = "apply_review"
    APPLY_SUBMITTING = "apply_submitting"
    APPLY_PRINTING = "apply_printing"
    APPLY_DONE = "apply_done"
    APPLY_OFFLINE_SAVED = "apply_offline_saved"
    APPLY_PRINT_FAILED = "apply_print_failed"
    APPLY_NOT_SAVED = "apply_not_saved"
    CERTIFICATE_LIST = "certificate_list"
    CERTIFICATE_FORM = "certificate_form"
    CERTIFICATE_ISSUING = "certificate_issuing"
    CERTIFICATE_PREVIEW = "certificate_preview"
    CERTIFICATE_PRINTING = "certificate_printing"
    CERTIFICATE_PRINTED = "certificate_printed"
    CERTIFICATE_PRINT_FAILED = "certificate_print_failed"
    REPRINT_CARD = "reprint_card"
    REPRINT_VERIFYING = "reprint_verifying"
    REPRINT_LOADING = "reprint_loading"
    REPRINT_LIST = "reprint_list"
    REPRINT_PRINTING = "reprint_printing"
    REPRINT_DONE = "reprint_done"
    REPRINT_PRINT_FAILED = "reprint_print_failed"
    REPRINT_FAILED = "reprint_failed"
    MAINTENANCE_PIN = "maintenance_pin"
    MAINTENANCE_WAITING = "maintenance_waiting"
    MAINTENANCE = "maintenance"


class Phase(StrEnum):
    """A group of states that share rows, entry and exit steps, or a device activity."""

    KIOSK = "kiosk"
    IN_SERVICE = "in_service"
    SESSION = "session"
    BROWSE = "browse"
    IDENTITY = "identity"
    CARD_READING = "card_reading"
    CARD_ERRORS = "card_errors"
    FACE = "face"
    QR = "qr"
    APPLY = "apply"
    APPLY_FINISH = "apply_finish"
    CERTIFICATES = "certificates"
    REPRINT = "reprint"
    MAINTENANCE_MODE = "maintenance_mode"


class PlaceholderTopic(StrEnum):
    """Home entries whose features come in later issues; ``placeholder`` says which."""

    PROGRESS = "progress"
    APPOINTMENT = "appointment"
    EVALUATION = "evaluation"
    ELDERLY_MODE = "elderly_mode"


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
    APPLICATION_UNAVAILABLE = "application_unavailable"
    APPLICATION_REFUSED = "application_refused"
    STORAGE_FULL = "storage_full"
    SUBMIT_UNANSWERED = "submit_unanswered"
    VERIFIED_SOMEONE_ELSE = "verified_someone_else"
    """The platform's answer named a person other than the card's holder."""
    NOT_A_LOGIN_CODE = "not_a_login_code"
    """The platform refused the scanned code as a login code (HTTP 4xx)."""
    CERTIFICATE_REFUSED = "certificate_refused"
    INSUFFICIENT_IDENTITY = "insufficient_identity"
    """The platform refused a card-level verification for the matter: it needs the face."""
    MAINTENANCE = "maintenance"
