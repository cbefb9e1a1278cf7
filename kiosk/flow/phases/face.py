"""Face verification: separate consent, live capture, the platform's comparison, retries.

The platform's answer is used only when it names the holder of the card that was read
(:func:`~kiosk.flow.actions.answer_names_card_holder`). When an application waits for the
face (the platform refused it under the card-level verification), the verified face leads
straight back to that application's review (确认提交), as the citizen left it.
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.actions import FaceAnswer, FaceFailure
from kiosk.flow.apply_actions import resume_application
from kiosk.flow.chart import Activity, Node, Return, Row
from kiosk.flow.effects import StartFaceCapture, StopFaceCapture
from kiosk.flow.states import Phase, Reason, State
from kiosk.identity.person import IdentityMethod

S = State
"""Short name for the table rows."""

_FAILED = a.face_failure
_ANSWER = a.face_answer
_VERIFIED = a.verified_as(IdentityMethod.ID_CARD_AND_FACE)

FACE = Node(
    Phase.FACE,
    contains=(
        S.FACE_CONSENT,
        Node(S.FACE_CAPTURE, runs=Activity(StartFaceCapture(), StopFaceCapture())),
        Node(S.FACE_VERIFYING, exit=(a.cancel_request, a.drop_face)),
        S.FACE_RETRY,
    ),
    rows=(
        # The card stays on the reader until identity is established.
        Row(Phase.FACE, on=ev.CardTakenAway, to=S.CARD_REMOVED),
        Row(S.FACE_CONSENT, on=ev.ConsentGiven, do=a.consent(granted=True), to=S.FACE_CAPTURE),
        Row(S.FACE_CONSENT, on=ev.ConsentDeclined, to=S.IDENTITY_CHOICE,
            because=Reason.CONSENT_DECLINED),
        Row(S.FACE_CONSENT, on=ev.Back, do=a.forget_identity, to=Return(Phase.IDENTITY)),
        Row(S.FACE_CAPTURE, on=ev.FaceCaptured, do=a.verify_face, to=S.FACE_VERIFYING),
        Row(S.FACE_CAPTURE, on=ev.FaceCaptureFailed, to=S.FACE_RETRY,
            because=Reason.CAMERA_FAILED),
        Row(S.FACE_CAPTURE, on=ev.StateTimedOut, to=S.FACE_RETRY, because=Reason.NO_FACE),
        Row(S.FACE_CAPTURE, on=ev.Back, do=a.forget_identity, to=Return(Phase.IDENTITY)),
        # An answer naming anyone but the card's holder is refused; nothing of it is kept.
        Row(S.FACE_VERIFYING, on=ev.VerifyResult, when=_ANSWER.is_(FaceAnswer.CARD_HOLDER),
            do=_VERIFIED, to=S.VERIFIED),
        Row(S.FACE_VERIFYING, on=ev.VerifyResult, when=_ANSWER.is_(FaceAnswer.SOMEONE_ELSE),
            to=S.REFER_TO_WINDOW, because=Reason.VERIFIED_SOMEONE_ELSE),
        # Stepped up from a card-level application the platform refused: back to its review.
        Row(S.FACE_VERIFYING, on=ev.VerifyResult,
            when=_ANSWER.is_(FaceAnswer.HELD_APPLICATION),
            do=(_VERIFIED, resume_application), to=S.APPLY_REVIEW),
        # Three failed comparisons, or a card the platform refuses, refer to the window.
        Row(S.FACE_VERIFYING, on=ev.VerifyFailed, when=_FAILED.is_(FaceFailure.CARD_REJECTED),
            to=S.REFER_TO_WINDOW, because=Reason.CARD_REJECTED),
        Row(S.FACE_VERIFYING, on=ev.VerifyFailed, when=_FAILED.is_(FaceFailure.LAST_ATTEMPT),
            do=a.count_face_failure, to=S.REFER_TO_WINDOW, because=Reason.TOO_MANY_FAILURES),
        Row(S.FACE_VERIFYING, on=ev.VerifyFailed, when=_FAILED.is_(FaceFailure.NO_FACE),
            do=a.count_face_failure, to=S.FACE_RETRY, because=Reason.NO_FACE),
        Row(S.FACE_VERIFYING, on=ev.VerifyFailed, when=_FAILED.is_(FaceFailure.MISMATCH),
            do=a.count_face_failure, to=S.FACE_RETRY, because=Reason.FACE_MISMATCH),
        # Unreachable: neither a retry nor a QR login can work now (both need the platform).
        Row(S.FACE_VERIFYING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.VERIFICATION_UNAVAILABLE),
        Row(S.FACE_VERIFYING, on=ev.PlatformRefused, to=S.REFER_TO_WINDOW,
            because=Reason.CARD_REJECTED),
        Row(S.FACE_RETRY, on=ev.RetryFace, to=S.FACE_CAPTURE),
        Row(S.FACE_RETRY, on=ev.ChooseWindow, to=S.REFER_TO_WINDOW),
        Row(S.FACE_RETRY, on=ev.StartQrLogin, when=a.qr_usable,
            do=a.give_up_held_application, to=S.QR_LOGIN),
    ),
)
"""The camera runs only on face_capture; the face image is zeroed on leaving face_verifying."""
