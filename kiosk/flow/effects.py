"""Effects: what the flow asks the app layer to do. The machine itself does no I/O.

The app executes each effect (devices, platform calls in workers) and answers with events.
Effects with a ``request_id`` are answered with an event carrying the same id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kiosk.evaluation.answers import EvaluationDraft
from kiosk.flow.matter import SubjectKind
from kiosk.identity.card import IdentityCard
from kiosk.identity.person import Citizen
from kiosk.materials.plan import MaterialFile
from kiosk.platform.models import (
    Applicant,
    Application,
    ApplicationRequest,
    Appointment,
    Booking,
    Correction,
    Payment,
)


@dataclass(frozen=True)
class Effect:
    """Base class of every effect."""


@dataclass(frozen=True)
class StartCardReading(Effect):
    """Have the reader look for and read a card; answer CardPresented/CardRead/CardReadFailed."""


@dataclass(frozen=True)
class StopCardReading(Effect):
    """Stop reading cards (``CardTakenAway`` is still forwarded)."""


@dataclass(frozen=True)
class StartFaceCapture(Effect):
    """Show the live camera with guidance; answer FaceCaptured or FaceCaptureFailed."""


@dataclass(frozen=True)
class StopFaceCapture(Effect):
    """Stop the camera preview and drop any frames held for it."""


@dataclass(frozen=True)
class StartQrScanning(Effect):
    """Accept a code from the scanner for login; answer QrScanned."""


@dataclass(frozen=True)
class StopQrScanning(Effect):
    """Stop accepting codes for login."""


@dataclass(frozen=True)
class VerifyIdentity(Effect):
    """Call verifyIdentity with the card and the live face; answer VerifyResult, VerifyFailed
    or PlatformUnavailable with ``request_id``.

    ``jpeg`` is the session's own buffer, which the flow zeroes as soon as verification ends
    or the session is wiped: the handler must encode it (base64) when it receives the
    effect, on the flow's thread, before handing the request to a worker.
    """

    request_id: int
    card: IdentityCard = field(repr=False)
    jpeg: bytearray = field(repr=False)
    liveness_score: float | None = None


@dataclass(frozen=True)
class QrLogin(Effect):
    """Call qrLogin with the scanned payload; answer like :class:`VerifyIdentity`."""

    request_id: int
    payload: str = field(repr=False)


@dataclass(frozen=True)
class LoadGuide(Effect):
    """Load the matter's or bundle's guide from the catalogue; answer GuideLoaded or
    PlatformUnavailable with ``request_id``."""

    request_id: int
    code: str
    kind: SubjectKind


@dataclass(frozen=True)
class WipeSession(Effect):
    """The session was wiped: clear every view-model and QML field, and the keyboard's
    per-session user dictionary (devices.md §6), so nothing is left for the next citizen."""


# --- applying (kiosk.flow.phases.apply) ------------------------------------------------------


@dataclass(frozen=True)
class LoadApplication(Effect):
    """Look up the matters of ``code`` in the catalogue and list the person's e-licences with
    ``verification_id``; answer ApplicationLoaded (licences empty when they could not be
    listed) or PlatformUnavailable (no such matter) with ``request_id``. The answer also
    carries the submission's idempotency key, chosen now and kept across retries."""

    request_id: int
    code: str
    kind: SubjectKind
    verification_id: str


@dataclass(frozen=True)
class SubmitApplication(Effect):
    """Submit through the write-ahead outbox: upload ``uploads`` then ``request`` (whose
    ``terminal_id`` the app fills in) under ``idempotency_key``; answer ApplicationAccepted,
    ApplicationQueued, ApplicationRefused or ApplicationNotSaved with ``request_id``."""

    request_id: int
    request: ApplicationRequest = field(repr=False)
    uploads: tuple[MaterialFile, ...] = field(repr=False)
    idempotency_key: str


@dataclass(frozen=True)
class DeferredItem:
    """A deferred material named on the receipt, with its deadline."""

    name: str
    deadline: date


@dataclass(frozen=True)
class PrintReceipt(Effect):
    """Print the receipt of the submission on the receipt printer (in a worker): the
    acceptance receipt with each application's number and progress QR, followed by each
    instant matter's result document; or, for ``local_ref`` without applications, the
    "saved, will be submitted" slip. The results of the applications numbered in
    ``certificates`` print on the A4 printer instead, once the receipt has printed. Answer
    ReceiptPrinted (with each certificate's A4 outcome) or ReceiptPrintFailed with
    ``request_id``, from the printer's post-job status."""

    request_id: int
    applicant: Applicant = field(repr=False)
    applications: tuple[Application, ...]
    matter_names: tuple[str, ...]
    local_ref: str
    saved_at: datetime | None
    deferred: tuple[DeferredItem, ...] = ()
    certificates: tuple[str, ...] = ()
    payment: Payment | None = None
    """The paid order of the fees: its payment receipt prints with the acceptance receipt."""


@dataclass(frozen=True)
class IssueCertificate(Effect):
    """Submit the query-and-print matter ``matter_code`` for the verified ``applicant`` (a form
    built from the matter's fields, prefilled from the applicant), render the
    answered ``result_document`` to PDF and keep it for printing; answer CertificateIssued,
    CertificateRefused or PlatformUnavailable with ``request_id``. A form the prefill cannot
    complete is answered CertificateFormNeeded; ``form``, when given, is the contract form the
    citizen completed, sent as it is."""

    request_id: int
    matter_code: str
    verification_id: str
    applicant: Citizen = field(repr=False)
    form: Mapping[str, Any] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PrintIssuedCertificate(Effect):
    """Print the kept certificate PDF on the A4 printer (in a worker); answer
    CertificatePrinted or CertificatePrintFailed with ``request_id``."""

    request_id: int


@dataclass(frozen=True)
class DropCertificate(Effect):
    """Forget the kept certificate PDF and its preview (the citizen left the certificates)."""


@dataclass(frozen=True)
class FindLatestService(Effect):
    """Verify ``card`` at card level (contract 1.1 ``method: card``), list the holder's
    applications and take the newest; answer LatestServiceFound (with whether the ledger knows
    it rated), NothingToEvaluate, PlatformRefused or PlatformUnavailable with ``request_id``."""

    request_id: int
    card: IdentityCard = field(repr=False)


@dataclass(frozen=True)
class SubmitEvaluation(Effect):
    """Send the rating through the write-ahead outbox (one contract ``Evaluation`` per
    application, with the app's terminal id), unless the ledger knows it rated; record it in
    the ledger once safe. Answer EvaluationRecorded, EvaluationRefused or EvaluationNotSaved
    with ``request_id``. ``draft`` is a snapshot the flow no longer changes."""

    request_id: int
    draft: EvaluationDraft = field(repr=False)
    evaluated_at: datetime


@dataclass(frozen=True)
class RequestMaintenance(Effect):
    """The PIN was accepted: ask the maintenance gate for entry; answer MaintenanceGranted
    once nothing is in progress (no outbox delivery in flight)."""


@dataclass(frozen=True)
class EndMaintenance(Effect):
    """Maintenance (or the wait for it) is over: close the gate."""


# --- paying fees (kiosk.flow.phases.payment) --------------------------------------------------


@dataclass(frozen=True)
class OpenPaymentOrder(Effect):
    """Record the order of an accepted submission in the durable payment ledger."""

    payment: Payment
    application_nos: tuple[str, ...]


@dataclass(frozen=True)
class CreatePaymentQr(Effect):
    """Ask for a fresh pay QR code; answer PaymentQrReady, PaymentSettled (the order is paid
    or closed already) or PlatformUnavailable with ``request_id``."""

    request_id: int
    order_no: str


@dataclass(frozen=True)
class ChargePaymentCode(Effect):
    """Charge a payment code of a known wallet (key on disk first; an unanswered charge is
    resolved by asking the order's state, never by charging again); answer ChargeAnswered."""

    request_id: int
    order_no: str
    code: str = field(repr=False)


@dataclass(frozen=True)
class WatchPayment(Effect):
    """Poll the order's state until it is no longer pending (answer PaymentSettled) or, with
    ``qr_deadline`` (the flow's clock), until the QR code runs out (PaymentQrExpired)."""

    request_id: int
    order_no: str
    qr_deadline: float | None = None


@dataclass(frozen=True)
class StopWatchingPayment(Effect):
    """Stop polling the order."""


@dataclass(frozen=True)
class CancelPaymentOrder(Effect):
    """Close the unpaid order (cancelPayment with its one key); answer PaymentSettled with the
    order's real state (``paid`` when the money arrived first) or PlatformUnavailable. Without
    a ``request_id`` (the citizen left) nobody waits: the ledger keeps the outcome."""

    order_no: str
    request_id: int | None = None


@dataclass(frozen=True)
class PaymentReceiptPrinted(Effect):
    """The printer confirmed the job with the payment receipt: the ledger marks it printed."""

    order_no: str


# --- appointments (kiosk.flow.phases.appointment) ---------------------------------------------


@dataclass(frozen=True)
class ListSlots(Effect):
    """listSlots for ``matter_code`` in the terminal's hall on ``day``; answer SlotsListed or
    PlatformUnavailable with ``request_id``."""

    request_id: int
    matter_code: str
    day: date


@dataclass(frozen=True)
class VerifyCardForBooking(Effect):
    """Card-level verifyIdentity (``method: card``, the reader's SAM id, no face) for a
    booking; answer BookingVerified, VerifyFailed or PlatformUnavailable with ``request_id``."""

    request_id: int
    card: IdentityCard = field(repr=False)


@dataclass(frozen=True)
class BookSlot(Effect):
    """bookAppointment with ``booking`` under ``idempotency_key`` (kept across retries);
    answer AppointmentBooked, SlotTaken (``slot_full``), PlatformRefused or
    PlatformUnavailable with ``request_id``."""

    request_id: int
    booking: Booking = field(repr=False)
    idempotency_key: str


@dataclass(frozen=True)
class PrintAppointmentSlip(Effect):
    """Print the appointment slip of ``matter_code`` (place and materials from the catalogue)
    on the receipt printer (in a worker); answer SlipPrinted or SlipPrintFailed with
    ``request_id``, from the printer's post-job status."""

    request_id: int
    matter_code: str
    matter_name: str
    appointment: Appointment
    end: datetime
    person_name: str = field(repr=False)
    phone: str = field(repr=False)


# --- progress query and corrections (kiosk.flow.phases.progress) ------------------------------


@dataclass(frozen=True)
class QueryProgress(Effect):
    """Sort the scanned ``payload``: a receipt's progress code opens its application with
    getApplication (answer ProgressLoaded, ProgressNotFound or PlatformUnavailable); anything
    else is answered CodeRefused at once, without a platform call. All with ``request_id``."""

    request_id: int
    payload: str = field(repr=False)


@dataclass(frozen=True)
class VerifyCard(Effect):
    """Card-level verifyIdentity (``method: card`` with the SAM id of the reader that read
    ``card``); answer like :class:`VerifyIdentity` (PlatformRefused for a card no SAM read)."""

    request_id: int
    card: IdentityCard = field(repr=False)


@dataclass(frozen=True)
class ListApplications(Effect):
    """listApplications for ``verification_id``; answer ApplicationsListed or
    PlatformUnavailable with ``request_id``."""

    request_id: int
    verification_id: str


@dataclass(frozen=True)
class SubmitCorrection(Effect):
    """Supply what ``application_no`` lacks through the write-ahead outbox: upload
    ``uploads`` then ``correction`` under ``idempotency_key``; answer CorrectionAccepted,
    ApplicationQueued, ApplicationRefused or ApplicationNotSaved with ``request_id``."""

    request_id: int
    application_no: str
    correction: Correction = field(repr=False)
    uploads: tuple[MaterialFile, ...] = field(repr=False)
    idempotency_key: str


@dataclass(frozen=True)
class PrintCorrectionReceipt(Effect):
    """Print the correction's receipt: the application as it is now (None while the
    correction waits in the outbox under ``local_ref``) and the materials supplied; answer
    ReceiptPrinted or ReceiptPrintFailed with ``request_id``."""

    request_id: int
    applicant: Applicant = field(repr=False)
    application_no: str
    matter_name: str
    application: Application | None
    supplied: tuple[str, ...]
    local_ref: str
    saved_at: datetime


# --- capturing a paper material and reprint by card (拍摄材料, 补打回执) -----------------------


@dataclass(frozen=True)
class StartDocumentCapture(Effect):
    """Show the document camera live, the detected page outlined, with quality guidance
    (the document camera, else the face camera in document mode); DocumentCameraFailed when
    neither gives frames."""


@dataclass(frozen=True)
class StopDocumentCapture(Effect):
    """Stop the document camera's live view."""


@dataclass(frozen=True)
class TakePage(Effect):
    """Capture the page now in view: answer PageCaptured (corrected JPEG and its quality
    issues) or PageNotFound with ``request_id``."""

    request_id: int


@dataclass(frozen=True)
class ListReceipts(Effect):
    """Call listApplications for 补打回执; answer ReceiptsListed or PlatformUnavailable."""

    request_id: int
    verification_id: str = field(repr=False)


@dataclass(frozen=True)
class PrintReprint(Effect):
    """Reprint the acceptance receipt of ``applications`` (one submission) from the platform's
    records (plus any local extra the app keeps for them, e.g. a payment receipt); answer
    ReceiptPrinted or ReceiptPrintFailed like :class:`PrintReceipt`."""

    request_id: int
    applicant: Applicant = field(repr=False)
    applications: tuple[Application, ...] = field(repr=False)
