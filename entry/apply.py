"""The apply phase's effects, executed: matters and e-licences, submission, receipts.

:class:`ApplyEffects` is built by the app and its :meth:`~ApplyEffects.handlers` merged into
the app's effect table. Platform calls and print jobs run in workers; each answer goes back
to the flow as the reply event carrying the effect's request id (on the GUI thread).

* ``LoadApplication``: the matters from the catalogue on hand, the person's e-licences from
  the platform (none when they cannot be listed: the citizen proves with other means), and
  the submission's idempotency key, chosen now so every retry and the outbox reuse it.
* ``SubmitApplication``: through :class:`kiosk.outbox.submitter.Submitter` (write-ahead,
  then one online try): accepted, queued for later, refused for good (422), or not saved.
  Each upload's key derives from the submission's, so a retry reuses it too.
* ``PrintReceipt``: the receipt built in the UI's wording (``ui.receipt_text``) and printed
  on the receipt printer; the job's result is the printer's post-job status. Once it has
  printed, each instant certificate the effect names is rendered to PDF and printed on A4
  (:mod:`entry.certificates`); the reply says of each whether the A4 job confirmed it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from drivers.base import DeviceClass
from drivers.manager import DeviceManager
from drivers.printer.document import Document
from drivers.printer.types import ReceiptPrinter
from entry.certificates import print_document, render_document
from kiosk.apply.certificates import CertificatePrint
from kiosk.catalogue.model import Matter
from kiosk.catalogue.service import CatalogueService
from kiosk.config import Config
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.matter import SubjectKind
from kiosk.outbox.submitter import Queued, StoreUnavailable, Upload
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.platform.models import Application
from kiosk.receipts.documents import DeferredMaterial, Hall, ReceiptBuilder
from kiosk.receipts.payment import payment_receipt
from kiosk.workers import Workers
from ui.receipt_text import payment_receipt_wording, receipt_wording

if TYPE_CHECKING:
    from entry.backend import Backend

log = logging.getLogger(__name__)

DEFAULT_PROGRESS_BASE = "https://zwfw.zj.gov.cn/progress"
"""The progress page the receipt's QR opens, unless ``[receipts] progress_base`` says another."""

Dispatch = Callable[[ev.Event], None]


def progress_base(config: Config) -> str:
    """The configured progress page (``[receipts] progress_base``), else the default."""
    table = config.raw.get("receipts", {})
    value = table.get("progress_base") if isinstance(table, dict) else None
    return value if isinstance(value, str) and value else DEFAULT_PROGRESS_BASE


def matters_of(catalogue: CatalogueService, code: str, kind: SubjectKind) -> tuple[Matter, ...]:
    """The catalogue matters of a matter or bundle code (empty when unknown)."""
    snapshot = catalogue.snapshot.catalogue
    if kind is SubjectKind.BUNDLE:
        bundle = snapshot.bundle(code)
        codes = bundle.matters if bundle is not None else ()
    else:
        codes = (code,)
    found = (snapshot.matter(c) for c in codes)
    return tuple(m for m in found if m is not None)


def upload_key(submission_key: str, sha256: str) -> str:
    """The idempotency key of one upload: derived from the submission's, so it never changes."""
    return str(uuid.uuid5(uuid.UUID(submission_key), sha256))


def receipt_documents(
    effect: fx.PrintReceipt, hall: Hall, base: str
) -> tuple[Document, ...]:
    """The documents of a receipt job: the acceptance receipt, the payment receipt of the paid
    fees, and each instant result that is not a certificate for A4; or the saved-for-later
    slip."""
    builder = ReceiptBuilder(receipt_wording())
    deferred = [DeferredMaterial(d.name, d.deadline) for d in effect.deferred]
    if not effect.applications:
        saved_at = effect.saved_at
        if saved_at is None:
            raise ValueError("a saved-for-later slip needs the time it was saved")
        return (
            builder.offline_receipt(hall, effect.applicant, effect.matter_names, saved_at,
                                    deferred),
        )
    receipt = builder.acceptance_receipt(hall, effect.applicant, effect.applications, base,
                                         deferred)
    results = tuple(
        builder.result_receipt(hall, a.result_document)
        for a in effect.applications
        if a.result_document is not None and a.application_no not in effect.certificates
    )
    if effect.payment is not None:
        numbers = tuple(a.application_no for a in effect.applications)
        paid = payment_receipt(payment_receipt_wording(), hall, effect.payment, numbers)
        return (receipt, paid, *results)
    return (receipt, *results)


class ApplyEffects:
    """Executes the apply phase's effects with the platform, the outbox and the printer."""

    def __init__(
        self,
        config: Config,
        devices: DeviceManager,
        catalogue: CatalogueService,
        workers: Workers,
        backend: Callable[[], Backend],
        dispatch: Dispatch,
    ) -> None:
        self._terminal_id = config.terminal.terminal_id
        self._hall = Hall(config.terminal.hall_name, config.terminal.hall_phone)
        self._base = progress_base(config)
        self._devices = devices
        self._catalogue = catalogue
        self._workers = workers
        self._backend = backend
        self._dispatch = dispatch

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.LoadApplication: self._load,
            fx.SubmitApplication: self._submit,
            fx.PrintReceipt: self._print,
        }

    # --- matters and licences ---------------------------------------------------------------

    def _load(self, effect: fx.LoadApplication) -> None:
        matters = matters_of(self._catalogue, effect.code, effect.kind)
        rid = effect.request_id
        if not matters:
            self._dispatch(ev.PlatformUnavailable(rid))
            return
        key = str(uuid.uuid4())
        verification_id = effect.verification_id

        def listed(licences: Any) -> None:
            self._dispatch(ev.ApplicationLoaded(rid, matters, tuple(licences), key))

        def failed(error: BaseException) -> None:
            log.warning("e-licences not listed (%s); applying without", type(error).__name__)
            self._dispatch(ev.ApplicationLoaded(rid, matters, (), key))

        self._workers.submit(
            lambda: self._backend().client.list_licenses(verification_id), listed, failed
        )

    # --- submission -------------------------------------------------------------------------

    def _submit(self, effect: fx.SubmitApplication) -> None:
        request = replace(effect.request, terminal_id=self._terminal_id)
        uploads = tuple(
            Upload(f.data, f.content_type, upload_key(effect.idempotency_key, f.sha256))
            for f in effect.uploads
        )
        key, rid = effect.idempotency_key, effect.request_id

        def send() -> ev.Event:
            submitter = self._backend().submitter
            if submitter is None:
                return ev.ApplicationNotSaved(rid, "storage_unavailable")
            try:
                outcome = submitter.submit(request, uploads, idempotency_key=key)
            except PlatformError as refusal:
                return ev.ApplicationRefused(rid, refusal.code,
                                             tuple(e.field for e in refusal.errors))
            if isinstance(outcome, Queued):
                return ev.ApplicationQueued(rid, outcome.local_ref)
            if isinstance(outcome, StoreUnavailable):
                return ev.ApplicationNotSaved(rid, outcome.code)
            return ev.ApplicationAccepted(rid, outcome.result.applications, outcome.local_ref,
                                          outcome.result.payment)

        def failed(error: BaseException) -> None:
            if not isinstance(error, PlatformFailure):
                log.error("submission failed: %s: %s", type(error).__name__, error)
            self._dispatch(ev.PlatformUnavailable(rid))

        self._workers.submit(send, self._dispatch, failed)

    # --- receipts ---------------------------------------------------------------------------

    def _print(self, effect: fx.PrintReceipt) -> None:
        rid = effect.request_id
        documents = receipt_documents(effect, self._hall, self._base)
        printer = self._devices.device_as(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter)
        if printer is None:
            self._dispatch(ev.ReceiptPrintFailed(rid, "no receipt printer"))
            return

        certificates = tuple(
            a for a in effect.applications
            if a.application_no in effect.certificates and a.result_document is not None
        )

        def print_all() -> ev.Event:
            for document in documents:
                result = printer.print_document(document)
                if not result.ok:
                    return ev.ReceiptPrintFailed(rid, result.reason)
            return ev.ReceiptPrinted(rid, tuple(self._print_certificate(a) for a in certificates))

        def failed(error: BaseException) -> None:
            log.warning("receipt not printed: %s: %s", type(error).__name__, error)
            self._dispatch(ev.ReceiptPrintFailed(rid, type(error).__name__))

        self._workers.submit(print_all, self._dispatch, failed)

    def _print_certificate(self, application: Application) -> CertificatePrint:
        """Render and print one instant certificate on A4 (worker thread)."""
        document = application.result_document
        if document is None:
            raise ValueError("a certificate needs its result document")
        try:
            pdf = render_document(document, self._hall.name).pdf
        except Exception as error:  # an unrenderable result must not report a print
            log.exception("certificate not rendered")
            reason = f"{type(error).__name__}: {error}"
        else:
            result = print_document(self._devices, pdf, document.title)
            if result.ok:
                return CertificatePrint(application.application_no, document.title,
                                        document.verify_url, printed=True)
            reason = result.reason
        log.warning("certificate %s not printed on A4: %s", application.application_no, reason)
        return CertificatePrint(application.application_no, document.title,
                                document.verify_url, printed=False)
