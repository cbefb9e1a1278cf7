"""Events the flow reacts to, in four kinds, each a base class the machine tells apart:

* :class:`Intent` — what the citizen asks with a tap. Any intent counts as activity for the
  idle clock. Intents without fields carry the ``word`` the UI sends for them
  (``kiosk.intent("retry_card")``), so the UI has no second list of them.
* :class:`Reply` — the answer to an effect that carried a ``request_id`` (a platform call or
  the guide), with the same id. The machine drops a reply whose request is no longer pending
  (the citizen left, or the session was reset), so a late platform answer can never land in
  the next citizen's session.
* :class:`Report` — what the devices and the terminal's operator report on their own (a card
  placed, a face captured, device statuses, a suspension).
* :class:`Timer` — the machine's own clocks (:mod:`kiosk.flow.timeouts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import ClassVar

from drivers.base import DeviceClass, DeviceStatus
from kiosk.apply.certificates import CertificatePrint
from kiosk.catalogue.model import Matter
from kiosk.evaluation.answers import Rating
from kiosk.evaluation.service import Served
from kiosk.flow.matter import MatterBrief, SubjectKind
from kiosk.forms.validation import FieldValue
from kiosk.identity.card import IdentityCard
from kiosk.payment.verdict import Verdict
from kiosk.platform.models import Application, Appointment, License, Payment, Slot
from kiosk.progress.scan import ForeignCode
from kiosk.progress.summary import Progress


@dataclass(frozen=True)
class Event:
    """Base class of every flow event."""

    def wipe(self) -> None:
        """Zero what the event carries of the citizen when no row takes it (nothing here)."""


@dataclass(frozen=True)
class Intent(Event):
    """What the citizen asked with a tap; ``word`` is what the UI sends for it (none for an
    intent with fields, which the UI builds itself)."""

    word: ClassVar[str | None] = None

    def __init_subclass__(cls, *, word: str | None = None, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.word = word


@dataclass(frozen=True)
class Reply(Event):
    """The answer to the effect that carried ``request_id``."""

    request_id: int


@dataclass(frozen=True)
class Report(Event):
    """Something a device or the terminal's operator reported on its own."""


@dataclass(frozen=True)
class Timer(Event):
    """One of the machine's own clocks ran out."""


# --- citizen intents (the UI) -------------------------------------------------------------


@dataclass(frozen=True)
class Wake(Intent, word="wake"):
    """The attract loop was touched."""


@dataclass(frozen=True)
class GoHome(Intent, word="home"):
    """返回首页: leave whatever is under way, forget the citizen."""


@dataclass(frozen=True)
class Back(Intent, word="back"):
    """返回: one step back, where the screen offers it."""


@dataclass(frozen=True)
class OpenCatalogue(Intent, word="services"):
    """办事: browse the catalogue."""


@dataclass(frozen=True)
class ToggleElderlyMode(Intent, word="home.elderly_mode"):
    """适老模式 on home: switch the session's elderly mode on, or off again."""


@dataclass(frozen=True)
class StartQrLogin(Intent, word="qr_login"):
    """扫码登录, from home or from the identity alternatives."""


@dataclass(frozen=True)
class SelectMatter(Intent):
    """A matter or bundle was chosen in the catalogue; its guide opens."""

    code: str
    kind: SubjectKind = SubjectKind.MATTER


@dataclass(frozen=True)
class StartMatter(Intent, word="start"):
    """开始办理 on the guide."""


@dataclass(frozen=True)
class ConsentGiven(Intent, word="consent"):
    """The citizen agreed to face verification."""


@dataclass(frozen=True)
class ConsentDeclined(Intent, word="decline"):
    """不同意，改用其他方式."""


@dataclass(frozen=True)
class ChooseWindow(Intent, word="window"):
    """The citizen chose the staffed window instead."""


@dataclass(frozen=True)
class RetryCard(Intent, word="retry_card"):
    """重新放置证件, on a card error screen."""


@dataclass(frozen=True)
class RetryFace(Intent, word="retry_face"):
    """重新识别, on the face retry screen."""


@dataclass(frozen=True)
class ContinueSession(Intent, word="keep"):
    """还需要更多时间 on the idle countdown (any touch does the same through ``touch()``)."""


# --- answers from workers and devices -----------------------------------------------------


@dataclass(frozen=True)
class GuideLoaded(Reply):
    """The guide asked for by ``LoadGuide`` is ready."""

    matter: MatterBrief


@dataclass(frozen=True)
class CardPresented(Report):
    """The reader found a card on its plate and is reading it (optional: a reader that only
    reports the finished read goes straight from ``identity_card`` on ``CardRead``)."""


@dataclass(frozen=True)
class CardRead(Report):
    """The card was read."""

    card: IdentityCard


class CardFailure(StrEnum):
    """Why the reader could not give a card."""

    UNKNOWN_TYPE = "unknown_type"
    UNREADABLE = "unreadable"
    REMOVED = "removed"


@dataclass(frozen=True)
class CardReadFailed(Report):
    """The reader found a card but could not read it."""

    failure: CardFailure


@dataclass(frozen=True)
class CardTakenAway(Report):
    """The card left the reader (forwarded whenever the reader reports it)."""


@dataclass(frozen=True)
class FaceCaptured(Report):
    """The camera has a live face image good enough to send (JPEG).

    ``jpeg`` is the capture's one buffer: the session keeps this very object and the flow
    zeroes it when verification ends, so no copy of it is made on the way.
    """

    jpeg: bytearray = field(repr=False)
    liveness_score: float | None = None

    def wipe(self) -> None:
        """A face that arrives after the flow left face capture is zeroed, not left to GC."""
        self.jpeg[:] = bytes(len(self.jpeg))


@dataclass(frozen=True)
class FaceCaptureFailed(Report):
    """The camera failed while capturing."""


@dataclass(frozen=True)
class QrScanned(Report):
    """The scanner read a code while the QR login screen was shown."""

    payload: str = field(repr=False)


@dataclass(frozen=True)
class VerifyResult(Reply):
    """The platform established identity (``Verification.verified`` true)."""

    verification_id: str
    expires_at: str
    name: str = field(repr=False)
    id_number: str = field(repr=False)


@dataclass(frozen=True)
class VerifyFailed(Reply):
    """The platform answered but did not verify (``Verification.reason``, e.g. face_mismatch)."""

    reason: str


@dataclass(frozen=True)
class PlatformUnavailable(Reply):
    """A platform call for ``request_id`` failed (network, 5xx, timeout) or the guide is missing."""


@dataclass(frozen=True)
class PlatformRefused(Reply):
    """The platform answered the call for ``request_id`` with a problem (HTTP 4xx, e.g. 422 on
    a QR code that is not a login code): it was reached and refused; retrying cannot help."""

    code: str


@dataclass(frozen=True)
class DevicesChanged(Report):
    """Device statuses changed; merged into what the flow knows."""

    statuses: Mapping[DeviceClass, DeviceStatus]


class Suspender(StrEnum):
    """Who took the terminal out of service (the out-of-service screen says why)."""

    PLATFORM = "platform"
    TECHNICIAN = "technician"


@dataclass(frozen=True)
class ServiceSuspended(Report):
    """The platform's ``out_of_service`` command, or a technician in maintenance, suspended
    the terminal."""

    by: Suspender = Suspender.PLATFORM


@dataclass(frozen=True)
class ServiceResumed(Report):
    """The platform's ``back_in_service`` command."""


# --- maintenance (technicians) ---------------------------------------------------------


@dataclass(frozen=True)
class EnterMaintenance(Intent, word="maintenance"):
    """The hidden gesture (five taps in the header's corner): ask for the technician PIN."""


@dataclass(frozen=True)
class LeaveMaintenance(Intent, word="leave_maintenance"):
    """退出维护, on a maintenance screen."""


@dataclass(frozen=True)
class PinAccepted(Report):
    """The technician PIN was right: maintenance is asked for (granted once idle)."""


@dataclass(frozen=True)
class MaintenanceGranted(Report):
    """Nothing is in progress any more: the technician has the terminal."""


@dataclass(frozen=True)
class MaintenanceEnded(Report):
    """Maintenance ended without the technician leaving (no touch for the idle timeout)."""


# --- the machine's own timers ---------------------------------------------------------------


@dataclass(frozen=True)
class IdleExpired(Timer):
    """The idle countdown ran out (or, on screens without one, the idle time)."""


@dataclass(frozen=True)
class StateTimedOut(Timer):
    """The current state's work time limit passed (card read, face capture, verify)."""


@dataclass(frozen=True)
class CardGraceExpired(Timer):
    """The card stayed off the reader past the grace allowed on ``verified``."""


# --- applying (kiosk.flow.phases.apply) ------------------------------------------------------


@dataclass(frozen=True)
class ContinueApply(Intent, word="continue"):
    """继续办理 on ``verified``: fill in the form of the chosen matter or bundle."""


@dataclass(frozen=True)
class FieldEdited(Intent):
    """The citizen changed a form answer (each keystroke, a chip, a tick, a region)."""

    field_id: str
    value: FieldValue = field(repr=False)


@dataclass(frozen=True)
class NextStep(Intent, word="apply_next"):
    """下一步 on a form page or a material."""


@dataclass(frozen=True)
class Commit(Intent, word="apply_commit"):
    """我承诺: the citizen confirms the material's commitment text (告知承诺)."""


@dataclass(frozen=True)
class DeferMaterial(Intent, word="apply_defer"):
    """稍后补交 (容缺): the material follows by its deadline."""


@dataclass(frozen=True)
class ChooseAgain(Intent, word="apply_undo"):
    """Undo the choice made for the material on screen."""


@dataclass(frozen=True)
class ConfirmApplication(Intent, word="apply_confirm"):
    """确认提交 on the review screen."""


@dataclass(frozen=True)
class Reprint(Intent, word="apply_reprint"):
    """重新打印, once the printer is back."""


@dataclass(frozen=True)
class ApplicationLoaded(Reply):
    """The matters of the application and the person's e-licences (none when the platform
    could not list them: the citizen then proves with other means)."""

    matters: tuple[Matter, ...]
    licences: tuple[License, ...] = field(repr=False)
    idempotency_key: str


@dataclass(frozen=True)
class ApplicationAccepted(Reply):
    """The platform accepted the submission online (one application per matter)."""

    applications: tuple[Application, ...]
    local_ref: str
    payment: Payment | None = None
    """The payment order of the matters' fees, when they have any."""


@dataclass(frozen=True)
class ApplicationQueued(Reply):
    """The submission is saved in the outbox and will be delivered when the platform is back."""

    local_ref: str


@dataclass(frozen=True)
class ApplicationRefused(Reply):
    """The platform refused the submission for good (422); ``fields`` it names."""

    code: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ApplicationNotSaved(Reply):
    """The outbox could not store the submission (``storage_full``/``storage_unavailable``),
    so nothing was sent."""

    code: str


@dataclass(frozen=True)
class ReceiptPrinted(Reply):
    """The receipt printed and the printer reported no error after the job; ``certificates``
    says of each instant certificate whether the A4 printer confirmed it."""

    certificates: tuple[CertificatePrint, ...] = ()


@dataclass(frozen=True)
class ReceiptPrintFailed(Reply):
    """The receipt did not print (paper out, cover open, printer gone); ``reason`` for the log."""

    reason: str


# --- certificates (证明打印) -------------------------------------------------------------------


@dataclass(frozen=True)
class OpenCertificates(Intent, word="home.certificate_print"):
    """证明打印 on home, or 打印其他证明 after a print: the query-and-print matters."""


@dataclass(frozen=True)
class QueryCertificate(Intent, word="query_print"):
    """查询并打印 on ``verified`` for a query-and-print matter: submit it."""


@dataclass(frozen=True)
class PrintCertificate(Intent, word="print_certificate"):
    """打印 on the preview (or 重新打印 after a failed print)."""


@dataclass(frozen=True)
class CertificateIssued(Reply):
    """The platform completed the application with its ``result_document``, rendered to PDF."""

    application_no: str
    title: str
    verify_url: str = field(repr=False)
    pages: int = 1


@dataclass(frozen=True)
class CertificateRefused(Reply):
    """The application was answered but gave no document (``reason`` is a technician's code:
    refused by the platform, not completed, a form prefill cannot complete)."""

    reason: str


@dataclass(frozen=True)
class CertificateFormNeeded(Reply):
    """The matter's form needs answers the verified identity cannot give (a period's dates,
    say): the citizen is asked for them before the certificate is issued."""

    matter: Matter


@dataclass(frozen=True)
class CertificatePrinted(Reply):
    """The A4 job completed and the printer was fine afterwards."""


@dataclass(frozen=True)
class CertificatePrintFailed(Reply):
    """The A4 job did not complete (``reason`` is the driver's, for the technician's log)."""

    reason: str


# --- paying fees (kiosk.flow.phases.payment) --------------------------------------------------


@dataclass(frozen=True)
class PayByQr(Intent, word="pay_qr"):
    """扫码支付 (or 重新获取二维码): show the order's pay QR code on screen."""


@dataclass(frozen=True)
class PayByCode(Intent, word="pay_code"):
    """付款码支付: the citizen shows the wallet's payment code to the scanner."""


@dataclass(frozen=True)
class AbandonPayment(Intent, word="pay_cancel"):
    """暂不支付 / 取消支付: close the unpaid order."""


@dataclass(frozen=True)
class PaymentContinue(Intent, word="pay_continue"):
    """继续 on the paid screen: print the receipts."""


@dataclass(frozen=True)
class PaymentQrReady(Reply):
    """The pay QR code to show, valid ``valid_s`` seconds from now."""

    pay_url: str = field(repr=False)
    valid_s: float


@dataclass(frozen=True)
class PaymentQrExpired(Reply):
    """The QR code shown under ``request_id`` ran out before the order was paid."""


@dataclass(frozen=True)
class PaymentSettled(Reply):
    """The order is no longer waiting (paid, expired, cancelled, failed), as the platform said
    when asked (polling, a refused QR code, or the answer to a cancel)."""

    payment: Payment


@dataclass(frozen=True)
class ChargeAnswered(Reply):
    """The charge of a payment code was answered or resolved; ``payment`` when known."""

    verdict: Verdict
    payment: Payment | None = None


# --- evaluation (好差评, kiosk.flow.phases.evaluation) -----------------------------------------


@dataclass(frozen=True)
class Finish(Intent, word="finish"):
    """完成 on a service's done screen: the rating of that service follows."""


@dataclass(frozen=True)
class OpenEvaluation(Intent, word="home.evaluation"):
    """评价 on home: rate the latest service of a card."""


@dataclass(frozen=True)
class RateService(Intent):
    """One of the five faces was tapped."""

    rating: Rating


@dataclass(frozen=True)
class ToggleReason(Intent):
    """A reason was chosen, or unchosen, at 不满意 or below."""

    reason: str


@dataclass(frozen=True)
class CommentEdited(Intent):
    """The comment as typed so far."""

    comment: str = field(repr=False)


@dataclass(frozen=True)
class SendEvaluation(Intent, word="evaluation_send"):
    """提交评价."""


@dataclass(frozen=True)
class SkipEvaluation(Intent, word="evaluation_skip"):
    """跳过: leave without rating."""


@dataclass(frozen=True)
class LatestServiceFound(Reply):
    """The card's holder's latest application, and whether the terminal or the platform knows
    it rated already."""

    served: Served
    already_rated: bool = False


@dataclass(frozen=True)
class NothingToEvaluate(Reply):
    """The card's holder has no application on the platform."""


@dataclass(frozen=True)
class EvaluationRecorded(Reply):
    """The rating is safe: taken by the platform, or kept in the outbox for later."""


@dataclass(frozen=True)
class EvaluationRefused(Reply):
    """The platform refused the rating (``already_evaluated``: rated before, perhaps elsewhere),
    or the terminal's ledger knew it was rated."""

    code: str


@dataclass(frozen=True)
class EvaluationNotSaved(Reply):
    """The outbox could not keep the rating (``storage_full``/``storage_unavailable``)."""

    code: str


# --- appointments (预约, kiosk.flow.phases.appointment) -----------------------------------------


@dataclass(frozen=True)
class OpenAppointments(Intent, word="home.appointment"):
    """预约 on home: the appointable matters."""


@dataclass(frozen=True)
class BookAppointment(Intent, word="appointment"):
    """预约 on the guide of an appointable matter."""


@dataclass(frozen=True)
class ChooseDay(Intent):
    """A day was chosen on the slots screen (also 重试 of a listing that failed)."""

    day: date


@dataclass(frozen=True)
class ChooseSlot(Intent):
    """A slot with places left was tapped."""

    slot_id: str


@dataclass(frozen=True)
class AppointmentNext(Intent, word="appointment_next"):
    """下一步 on the slots screen, once a slot is chosen."""


@dataclass(frozen=True)
class PhoneEdited(Intent):
    """The citizen changed the booking's phone number (each keystroke)."""

    text: str = field(repr=False)


@dataclass(frozen=True)
class ConfirmBooking(Intent, word="appointment_book"):
    """确认预约 on the phone screen."""


@dataclass(frozen=True)
class SlotsListed(Reply):
    """listSlots answered ``day``'s slots, full ones included."""

    day: date
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class BookingVerified(Reply):
    """The card-level verification for a booking succeeded; ``phone`` is the platform's
    number for the person ("" when it has none)."""

    verification_id: str
    expires_at: str
    name: str = field(repr=False)
    id_number: str = field(repr=False)
    phone: str = field(default="", repr=False)


@dataclass(frozen=True)
class AppointmentBooked(Reply):
    """bookAppointment booked the chosen slot."""

    appointment: Appointment


@dataclass(frozen=True)
class SlotTaken(Reply):
    """bookAppointment answered 409 ``slot_full``: the slot filled after it was listed."""


@dataclass(frozen=True)
class SlipPrinted(Reply):
    """The appointment slip printed and the printer reported no error after the job."""


@dataclass(frozen=True)
class SlipPrintFailed(Reply):
    """The slip did not print; ``reason`` for the log."""

    reason: str


# --- progress query and corrections (kiosk.flow.phases.progress) ------------------------------


@dataclass(frozen=True)
class OpenProgress(Intent, word="home.progress"):
    """查询进度 on home: scan a receipt's QR code or place the ID card."""


@dataclass(frozen=True)
class OpenApplication(Intent):
    """One of the card holder's listed applications was chosen."""

    application_no: str


@dataclass(frozen=True)
class StartCorrection(Intent, word="progress_correct"):
    """补齐补正 on an application awaiting a correction or a deferred material."""


@dataclass(frozen=True)
class ProgressLoaded(Reply):
    """The application the receipt's code opens."""

    progress: Progress = field(repr=False)


@dataclass(frozen=True)
class ProgressNotFound(Reply):
    """The platform knows no application with that number and query code (a wrong or
    altered code)."""


@dataclass(frozen=True)
class CodeRefused(Reply):
    """The scanned code is not a receipt's progress code; no platform call was made."""

    kind: ForeignCode


@dataclass(frozen=True)
class ApplicationsListed(Reply):
    """The verified person's applications (all of them; the flow keeps the last 12 months)."""

    items: tuple[Progress, ...] = field(repr=False)


@dataclass(frozen=True)
class CorrectionAccepted(Reply):
    """The platform took the correction online; the application as it is now."""

    application: Application = field(repr=False)
    local_ref: str


# --- capturing a paper material with the document camera (拍摄材料) ---------------------------


@dataclass(frozen=True)
class StartCapture(Intent, word="apply_capture"):
    """拍摄材料: capture the material on screen with the document camera."""


@dataclass(frozen=True)
class ShootPage(Intent, word="capture_shoot"):
    """拍摄: take the page now in view."""


@dataclass(frozen=True)
class RetakePage(Intent, word="capture_retake"):
    """重拍: drop the last page to capture it again."""


@dataclass(frozen=True)
class PageCaptured(Reply):
    """The page in view, perspective-corrected (JPEG), with the quality issues found in it
    (``drivers.camera.quality.QualityIssue`` values). ``jpeg`` is the capture's one buffer:
    the session keeps it and zeroes it when the capture ends."""

    jpeg: bytearray = field(repr=False)
    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageNotFound(Reply):
    """No whole page was found in view when 拍摄 was tapped."""


@dataclass(frozen=True)
class DocumentCameraFailed(Report):
    """The document camera gave no frames (or there is none that gives frames)."""


# --- reprint by card (补打回执) ---------------------------------------------------------------


@dataclass(frozen=True)
class OpenReprint(Intent, word="home.reprint"):
    """补打回执 on home: reprint a receipt of the last 30 days with the ID card."""


@dataclass(frozen=True)
class ChooseReceipt(Intent):
    """The citizen chose the application whose receipt to reprint."""

    application_no: str


@dataclass(frozen=True)
class ReceiptsListed(Reply):
    """listApplications answered for 补打回执: the verified person's applications, newest first."""

    applications: tuple[Application, ...]
