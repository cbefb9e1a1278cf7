"""Progress query (查询进度) and corrections (补齐补正).

From home, ``progress_scan`` takes a receipt's progress QR (scanner, or the camera as
scanner) or the ID card. A receipt's code opens its application without logging in: its
query code is the key. Any other code is refused there with what it was (a web address, a
payment code, a damaged receipt code…), and no platform call is made for it. The card is
verified with the platform at card level and lists its holder's applications of the last 12
months, each of which opens. ``progress_detail`` shows the status, promised date, history,
deferred materials and their deadline, and ends the query with 完成.

An application awaiting a correction, or with deferred materials still missing, offers
补齐补正: identity first as the matter asks (the card at least, the face too when the matter's
identity is ``id_card_and_face``), then the materials on the apply phase's material screen
(e-licence matched, commitment, 拍摄材料 with the document camera as in
:mod:`kiosk.flow.phases.capture`; never deferred again), then submitCorrection through the
write-ahead outbox and a receipt; ``correction_done`` ends it with 完成. Anything refused or
unanswered comes back to the application with the reason; leaving the correction forgets
its draft.
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import apply_actions as apply
from kiosk.flow import events as ev
from kiosk.flow import progress_actions as p
from kiosk.flow.apply_actions import Backward
from kiosk.flow.chart import STAY, Activity, Node, Row
from kiosk.flow.effects import (
    StartCardReading,
    StartFaceCapture,
    StartQrScanning,
    StopCardReading,
    StopFaceCapture,
    StopQrScanning,
)
from kiosk.flow.phases.capture import CORRECTION_CAPTURE, FROM_CORRECTION_MATERIAL
from kiosk.flow.phases.evaluation import evaluate_after, served_correction, served_query
from kiosk.flow.progress_actions import CardUse, CorrectionNext, CorrectionRoute, DetailBack
from kiosk.flow.states import Phase, Reason, State
from kiosk.identity.person import IdentityMethod

S = State
"""Short name for the table rows."""

_CARD = Activity(StartCardReading(), StopCardReading())
_UNANSWERED = (ev.PlatformUnavailable, ev.StateTimedOut)

FROM_HOME = Row(S.HOME, on=ev.OpenProgress, do=p.start_query, to=S.PROGRESS_SCAN)
"""查询进度 on home."""

CORRECTION = Node(
    Phase.CORRECTION,
    contains=(
        Node(Phase.CORRECTION_CARD_READING, runs=_CARD, contains=(S.CORRECTION_CARD,)),
        Node(S.CORRECTION_VERIFYING, exit=a.cancel_request),
        S.CORRECTION_FACE_CONSENT,
        Node(S.CORRECTION_FACE_CAPTURE, runs=Activity(StartFaceCapture(), StopFaceCapture())),
        Node(S.CORRECTION_FACE_VERIFYING, exit=(a.cancel_request, a.drop_face)),
        Node(S.CORRECTION_LOADING, exit=a.cancel_request),
        S.CORRECTION_MATERIAL,
        CORRECTION_CAPTURE,
        Node(S.CORRECTION_SUBMITTING, exit=a.cancel_request),
        Node(S.CORRECTION_PRINTING, entry=p.print_correction_receipt, exit=a.cancel_request),
        evaluate_after(S.CORRECTION_DONE, served_correction),
    ),
    exit=p.drop_correction,
    rows=(
        # Identity: the card, verified at card level, or held for the face.
        Row(S.CORRECTION_CARD, on=ev.CardRead, when=p.card_use.is_(CardUse.REJECTED),
            do=p.say(Reason.CARD_REJECTED), to=STAY),
        Row(S.CORRECTION_CARD, on=ev.CardRead, when=p.card_use.is_(CardUse.CARD),
            do=p.verify_card, to=S.CORRECTION_VERIFYING),
        Row(S.CORRECTION_CARD, on=ev.CardRead, when=p.card_use.is_(CardUse.FACE),
            do=a.hold_card, to=S.CORRECTION_FACE_CONSENT),
        Row(S.CORRECTION_CARD, on=ev.CardReadFailed, do=p.say(Reason.CARD_READ_FAILED),
            to=STAY),
        Row(S.CORRECTION_CARD, on=ev.Back, to=S.PROGRESS_DETAIL),
        Row(S.CORRECTION_VERIFYING, on=ev.VerifyResult, do=(p.verified_by_card, p.load_correction),
            to=S.CORRECTION_LOADING),
        Row(S.CORRECTION_VERIFYING, on=(ev.VerifyFailed, ev.PlatformRefused),
            do=a.forget_identity, to=S.PROGRESS_DETAIL, because=Reason.CARD_REJECTED),
        Row(S.CORRECTION_VERIFYING, on=_UNANSWERED, to=S.PROGRESS_DETAIL,
            because=Reason.PLATFORM_UNAVAILABLE),
        # The face, with its own consent, when the matter asks for it.
        Row(S.CORRECTION_FACE_CONSENT, on=ev.ConsentGiven, do=a.consent(granted=True),
            to=S.CORRECTION_FACE_CAPTURE),
        Row(S.CORRECTION_FACE_CONSENT, on=(ev.ConsentDeclined, ev.Back), to=S.PROGRESS_DETAIL,
            because=Reason.CONSENT_DECLINED),
        Row(S.CORRECTION_FACE_CAPTURE, on=ev.FaceCaptured, do=a.verify_face,
            to=S.CORRECTION_FACE_VERIFYING),
        Row(S.CORRECTION_FACE_CAPTURE, on=ev.FaceCaptureFailed, to=S.PROGRESS_DETAIL,
            because=Reason.CAMERA_FAILED),
        Row(S.CORRECTION_FACE_CAPTURE, on=ev.StateTimedOut, to=S.PROGRESS_DETAIL,
            because=Reason.NO_FACE),
        Row(S.CORRECTION_FACE_CAPTURE, on=ev.Back, to=S.PROGRESS_DETAIL),
        Row(S.CORRECTION_FACE_VERIFYING, on=ev.VerifyResult, when=a.answer_names_card_holder,
            do=(a.verified_as(IdentityMethod.ID_CARD_AND_FACE), p.load_correction),
            to=S.CORRECTION_LOADING),
        Row(S.CORRECTION_FACE_VERIFYING, on=ev.VerifyResult, when=~a.answer_names_card_holder,
            to=S.PROGRESS_DETAIL, because=Reason.VERIFIED_SOMEONE_ELSE),
        Row(S.CORRECTION_FACE_VERIFYING, on=ev.VerifyFailed, to=S.PROGRESS_DETAIL,
            because=Reason.FACE_MISMATCH),
        Row(S.CORRECTION_FACE_VERIFYING, on=ev.PlatformRefused, to=S.PROGRESS_DETAIL,
            because=Reason.CARD_REJECTED),
        Row(S.CORRECTION_FACE_VERIFYING, on=_UNANSWERED, to=S.PROGRESS_DETAIL,
            because=Reason.PLATFORM_UNAVAILABLE),
        # The materials, on the apply phase's material screen.
        Row(S.CORRECTION_LOADING, on=ev.ApplicationLoaded, do=p.start_correction_draft,
            to=S.CORRECTION_MATERIAL),
        Row(S.CORRECTION_LOADING, on=_UNANSWERED, to=S.PROGRESS_DETAIL,
            because=Reason.PLATFORM_UNAVAILABLE),
        Row(S.CORRECTION_LOADING, on=ev.Back, to=S.PROGRESS_DETAIL),
        Row(S.CORRECTION_MATERIAL, on=ev.Commit, do=apply.commit_material, to=STAY),
        Row(S.CORRECTION_MATERIAL, on=ev.ChooseAgain, do=apply.undo_material, to=STAY),
        FROM_CORRECTION_MATERIAL,
        Row(S.CORRECTION_MATERIAL, on=ev.NextStep,
            when=p.correction_next.is_(CorrectionNext.NEXT_MATERIAL), do=apply.next_material,
            to=STAY),
        Row(S.CORRECTION_MATERIAL, on=ev.NextStep,
            when=p.correction_next.is_(CorrectionNext.INCOMPLETE),
            do=p.say(Reason.CORRECTION_MISSING), to=STAY),
        Row(S.CORRECTION_MATERIAL, on=ev.NextStep,
            when=p.correction_next.is_(CorrectionNext.SUBMIT), do=p.submit_correction,
            to=S.CORRECTION_SUBMITTING),
        Row(S.CORRECTION_MATERIAL, on=ev.Back, when=apply.material_back.is_(Backward.WITHIN),
            do=apply.previous_material, to=STAY),
        Row(S.CORRECTION_MATERIAL, on=ev.Back, when=apply.material_back.is_(Backward.OUT),
            to=S.PROGRESS_DETAIL),
        # Submission through the outbox, then the receipt.
        Row(S.CORRECTION_SUBMITTING, on=(ev.CorrectionAccepted, ev.ApplicationQueued),
            do=p.record_correction, to=S.CORRECTION_PRINTING),
        Row(S.CORRECTION_SUBMITTING, on=ev.ApplicationRefused, when=p.already_corrected,
            to=S.PROGRESS_DETAIL, because=Reason.CORRECTION_NOT_NEEDED),
        Row(S.CORRECTION_SUBMITTING, on=ev.ApplicationRefused, when=~p.already_corrected,
            to=S.PROGRESS_DETAIL, because=Reason.CORRECTION_REFUSED),
        Row(S.CORRECTION_SUBMITTING, on=ev.ApplicationNotSaved, to=S.PROGRESS_DETAIL,
            because=Reason.STORAGE_FULL),
        Row(S.CORRECTION_SUBMITTING, on=_UNANSWERED, to=S.PROGRESS_DETAIL,
            because=Reason.SUBMIT_UNANSWERED),
        Row(S.CORRECTION_PRINTING, on=ev.ReceiptPrinted, to=S.CORRECTION_DONE),
        Row(S.CORRECTION_PRINTING, on=(ev.ReceiptPrintFailed, ev.StateTimedOut),
            to=S.CORRECTION_DONE, because=Reason.RECEIPT_NOT_PRINTED),
    ),
)
"""补齐补正: identity as the matter asks, the materials, submission, receipt."""

PROGRESS = Node(
    Phase.PROGRESS,
    contains=(
        Node(
            Phase.PROGRESS_START,
            runs=_CARD,
            contains=(Node(S.PROGRESS_SCAN, runs=Activity(StartQrScanning(), StopQrScanning())),),
        ),
        Node(S.PROGRESS_QUERYING, exit=a.cancel_request),
        Node(S.PROGRESS_CARD_CHECKING, exit=a.cancel_request),
        S.PROGRESS_LIST,
        evaluate_after(S.PROGRESS_DETAIL, served_query),
        CORRECTION,
    ),
    rows=(
        # A receipt's code, or something else.
        Row(S.PROGRESS_SCAN, on=ev.QrScanned, do=p.query_progress, to=S.PROGRESS_QUERYING),
        Row(S.PROGRESS_SCAN, on=ev.Back, to=S.HOME),
        Row(S.PROGRESS_QUERYING, on=ev.ProgressLoaded, do=p.open_progress,
            to=S.PROGRESS_DETAIL),
        Row(S.PROGRESS_QUERYING, on=ev.CodeRefused, do=p.note_refused, to=S.PROGRESS_SCAN,
            because=Reason.FOREIGN_CODE),
        Row(S.PROGRESS_QUERYING, on=ev.ProgressNotFound, to=S.PROGRESS_SCAN,
            because=Reason.PROGRESS_NOT_FOUND),
        Row(S.PROGRESS_QUERYING, on=_UNANSWERED, to=S.PROGRESS_SCAN,
            because=Reason.PLATFORM_UNAVAILABLE),
        # The card: verified at card level, then its holder's applications.
        Row(S.PROGRESS_SCAN, on=ev.CardRead, when=p.card_use.is_(CardUse.REJECTED),
            do=p.say(Reason.CARD_REJECTED), to=STAY),
        Row(S.PROGRESS_SCAN, on=ev.CardRead, when=p.card_use.is_(CardUse.CARD, CardUse.FACE),
            do=p.verify_card, to=S.PROGRESS_CARD_CHECKING),
        Row(S.PROGRESS_SCAN, on=ev.CardReadFailed, do=p.say(Reason.CARD_READ_FAILED), to=STAY),
        Row(S.PROGRESS_CARD_CHECKING, on=ev.VerifyResult,
            do=(p.verified_by_card, p.list_applications), to=STAY),
        Row(S.PROGRESS_CARD_CHECKING, on=ev.ApplicationsListed, do=p.keep_list,
            to=S.PROGRESS_LIST),
        Row(S.PROGRESS_CARD_CHECKING, on=(ev.VerifyFailed, ev.PlatformRefused),
            do=p.forget_card_holder, to=S.PROGRESS_SCAN, because=Reason.CARD_REJECTED),
        Row(S.PROGRESS_CARD_CHECKING, on=_UNANSWERED, do=p.forget_card_holder,
            to=S.PROGRESS_SCAN, because=Reason.PLATFORM_UNAVAILABLE),
        Row(S.PROGRESS_LIST, on=ev.OpenApplication, when=p.listed, do=p.open_listed,
            to=S.PROGRESS_DETAIL),
        Row(S.PROGRESS_LIST, on=ev.OpenApplication, when=~p.listed, to=STAY),
        Row(S.PROGRESS_LIST, on=ev.Back, do=p.forget_card_holder, to=S.PROGRESS_SCAN),
        Row(S.PROGRESS_LIST, on=ev.Finish, to=S.HOME),
        # The application: the query ends here (完成 → 好差评), or a correction starts.
        Row(S.PROGRESS_DETAIL, on=ev.Back, when=p.detail_back.is_(DetailBack.LIST),
            to=S.PROGRESS_LIST),
        Row(S.PROGRESS_DETAIL, on=ev.Back, when=p.detail_back.is_(DetailBack.SCAN),
            to=S.PROGRESS_SCAN),
        Row(S.PROGRESS_DETAIL, on=ev.StartCorrection,
            when=p.correction_route.is_(CorrectionRoute.NOT_NEEDED),
            do=p.say(Reason.CORRECTION_NOT_NEEDED), to=STAY),
        Row(S.PROGRESS_DETAIL, on=ev.StartCorrection,
            when=p.correction_route.is_(CorrectionRoute.READY), do=p.load_correction,
            to=S.CORRECTION_LOADING),
        Row(S.PROGRESS_DETAIL, on=ev.StartCorrection,
            when=p.correction_route.is_(CorrectionRoute.FACE), to=S.CORRECTION_FACE_CONSENT),
        Row(S.PROGRESS_DETAIL, on=ev.StartCorrection,
            when=p.correction_route.is_(CorrectionRoute.CARD), to=S.CORRECTION_CARD),
    ),
)
"""查询进度 from home; the query and any correction."""
