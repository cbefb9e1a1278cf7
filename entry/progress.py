"""The progress phase's effects, executed: sorting a scanned code, reading and listing
applications, card-level verification, corrections through the outbox, their receipts.

:class:`ProgressEffects` is built by the app and its :meth:`~ProgressEffects.handlers`
merged into the app's effect table; its :attr:`~ProgressEffects.view_model` is the
``progress`` the QML screens bind to. Platform calls and print jobs run in workers; each
answer goes back to the flow as the reply event carrying the effect's request id.

* ``QueryProgress``: :func:`kiosk.progress.scan.classify` first — only a receipt's progress
  code reaches the platform (getApplication with its number and query code); anything else
  is answered ``CodeRefused`` at once. A 404 (or 422) is ``ProgressNotFound``: a wrong or
  altered query code reveals nothing.
* ``VerifyCard``: card-level verifyIdentity with the reader's SAM id (for every flow that
  verifies by the card alone: card-only matters, 补打回执, the progress query, corrections).
* ``ListApplications``: listApplications; each application with its matter's identity
  requirement and material names from the catalogue on hand.
* ``SubmitCorrection``: :meth:`kiosk.outbox.submitter.Submitter.submit_correction`
  (write-ahead, then one online try); each upload's key derives from the correction's.
* ``PrintCorrectionReceipt``: the correction receipt (:mod:`kiosk.receipts.documents`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from drivers.base import DeviceClass
from drivers.manager import DeviceManager
from drivers.printer.types import ReceiptPrinter
from entry.apply import progress_base, upload_key
from kiosk.catalogue.service import CatalogueService
from kiosk.config import Config
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.matter import IdentityRequirement
from kiosk.identity.card import SamReadCard
from kiosk.outbox.submitter import Queued, StoreUnavailable, Upload
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.platform.models import Application
from kiosk.progress.case import ProgressCase
from kiosk.progress.scan import ForeignCode, classify
from kiosk.progress.summary import Progress, progress_of
from kiosk.receipts.documents import CorrectionSlip, Hall, ReceiptBuilder
from kiosk.workers import Workers
from ui.bridge.progress_vm import ProgressViewModel
from ui.receipt_text import receipt_wording

if TYPE_CHECKING:
    from entry.backend import Backend

log = logging.getLogger(__name__)

Dispatch = Callable[[ev.Event], None]
NOT_FOUND = frozenset({404, 422})
"""getApplication's answers for an unknown number or a wrong query code."""


class ProgressEffects:
    """Executes the progress phase's effects with the platform, the outbox and the printer."""

    def __init__(
        self,
        config: Config,
        devices: DeviceManager,
        catalogue: CatalogueService,
        workers: Workers,
        backend: Callable[[], Backend],
        dispatch: Dispatch,
        case: Callable[[], ProgressCase | None],
    ) -> None:
        self._hall = Hall(config.terminal.hall_name, config.terminal.hall_phone)
        self._base = progress_base(config)
        self._devices = devices
        self._catalogue = catalogue
        self._workers = workers
        self._backend = backend
        self._dispatch = dispatch
        self.view_model = ProgressViewModel(dispatch, case, self._base)

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.QueryProgress: self._query,
            fx.VerifyCard: self._verify_card,
            fx.ListApplications: self._list,
            fx.SubmitCorrection: self._submit,
            fx.PrintCorrectionReceipt: self._print,
        }

    def progress(self, application: Application) -> Progress:
        """``application`` with its matter's identity requirement and material names (the
        strongest identity when the catalogue on hand does not know the matter)."""
        matter = self._catalogue.snapshot.catalogue.matter(application.matter_code)
        if matter is None:
            return progress_of(application, IdentityRequirement.ID_CARD_AND_FACE, {})
        names = {m.id: m.name for m in matter.materials}
        return progress_of(application, IdentityRequirement(matter.identity), names)

    def _unanswered(self, rid: int, what: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if not isinstance(error, PlatformFailure):
                log.error("%s failed: %s: %s", what, type(error).__name__, error)
            self._dispatch(ev.PlatformUnavailable(rid))

        return failed

    # --- a scanned code ---------------------------------------------------------------------

    def _query(self, effect: fx.QueryProgress) -> None:
        rid = effect.request_id
        found = classify(effect.payload, self._base)
        if isinstance(found, ForeignCode):
            self._dispatch(ev.CodeRefused(rid, found))
            return

        def read() -> ev.Event:
            try:
                application = self._backend().client.get_application(
                    found.application_no, found.query_code
                )
            except PlatformError as refusal:
                if refusal.status in NOT_FOUND:
                    return ev.ProgressNotFound(rid)
                raise
            return ev.ProgressLoaded(rid, self.progress(application))

        self._workers.submit(read, self._dispatch, self._unanswered(rid, "progress query"))

    # --- the card ---------------------------------------------------------------------------

    def _verify_card(self, effect: fx.VerifyCard) -> None:
        from entry import backend as slow  # imported by the start-up worker already

        rid = effect.request_id
        if not getattr(effect.card, "sam_id", ""):
            self._dispatch(ev.PlatformRefused(rid, "no_sam_id"))  # no SAM read this card
            return
        card = cast(SamReadCard, effect.card)

        def failed(error: BaseException) -> None:
            refused = slow.refusal_code(error)
            if refused is not None:
                self._dispatch(ev.PlatformRefused(rid, refused))
            else:
                self._unanswered(rid, "card verification")(error)

        self._workers.submit(
            lambda: slow.verification_event(rid, self._backend().verify_card(card)),
            self._dispatch,
            failed,
        )

    def _list(self, effect: fx.ListApplications) -> None:
        rid, verification_id = effect.request_id, effect.verification_id

        def listed() -> ev.Event:
            applications = self._backend().client.list_applications(verification_id)
            return ev.ApplicationsListed(rid, tuple(self.progress(a) for a in applications))

        self._workers.submit(listed, self._dispatch, self._unanswered(rid, "listing"))

    # --- corrections ------------------------------------------------------------------------

    def _submit(self, effect: fx.SubmitCorrection) -> None:
        uploads = tuple(
            Upload(f.data, f.content_type, upload_key(effect.idempotency_key, f.sha256))
            for f in effect.uploads
        )
        rid = effect.request_id

        def send() -> ev.Event:
            submitter = self._backend().submitter
            if submitter is None:
                return ev.ApplicationNotSaved(rid, "storage_unavailable")
            try:
                outcome = submitter.submit_correction(
                    effect.application_no, effect.correction, uploads,
                    idempotency_key=effect.idempotency_key,
                )
            except PlatformError as refusal:
                return ev.ApplicationRefused(rid, refusal.code,
                                             tuple(e.field for e in refusal.errors))
            if isinstance(outcome, Queued):
                return ev.ApplicationQueued(rid, outcome.local_ref)
            if isinstance(outcome, StoreUnavailable):
                return ev.ApplicationNotSaved(rid, outcome.code)
            return ev.CorrectionAccepted(rid, outcome.application, outcome.local_ref)

        self._workers.submit(send, self._dispatch, self._unanswered(rid, "correction"))

    def _print(self, effect: fx.PrintCorrectionReceipt) -> None:
        rid = effect.request_id
        corrected = effect.application
        slip = CorrectionSlip(
            effect.application_no,
            effect.matter_name,
            effect.saved_at,
            effect.supplied,
            corrected.query_code if corrected is not None else "",
        )
        document = ReceiptBuilder(receipt_wording()).correction_receipt(
            self._hall, effect.applicant, slip, self._base
        )
        printer = self._devices.device_as(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter)
        if printer is None:
            self._dispatch(ev.ReceiptPrintFailed(rid, "no receipt printer"))
            return

        def print_it() -> ev.Event:
            result = printer.print_document(document)
            if result.ok:
                return ev.ReceiptPrinted(rid)
            return ev.ReceiptPrintFailed(rid, result.reason)

        def failed(error: BaseException) -> None:
            log.warning("correction receipt not printed: %s: %s", type(error).__name__, error)
            self._dispatch(ev.ReceiptPrintFailed(rid, type(error).__name__))

        self._workers.submit(print_it, self._dispatch, failed)

