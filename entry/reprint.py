"""补打回执's effects, executed: the person's applications, and the receipt printed again.

:class:`ReprintDesk` is built by the app and its :meth:`~ReprintDesk.handlers` merged into the
app's effect table (the card-level verification before it is the app's ``VerifyCard``).

* ``ListReceipts``: listApplications with the card-level verification (worker).
* ``PrintReprint``: the acceptance receipt rebuilt from the platform's ``Application`` records
  (hall, matters, numbers, accepted time, promised date, query codes and progress QR; each
  deferred material named from the catalogue, with the deadline counted from the day it was
  accepted, as at submission), then any documents :class:`LocalReceipts` keeps for those
  applications, printed on the receipt printer; the answer is the post-job status.

The seam for receipts only the terminal knows (issue 12 keeps the paid-receipt records):
pass a :class:`LocalReceipts` whose ``extra_documents`` returns, for the chosen
applications, the documents to print after the acceptance receipt (e.g. 缴费凭证). Without
one, the acceptance receipt alone is reprinted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from drivers.base import DeviceClass
from drivers.manager import DeviceManager
from drivers.printer.document import Document
from drivers.printer.types import ReceiptPrinter
from entry.apply import progress_base
from kiosk.apply.draft import DEFERRAL_WORKING_DAYS
from kiosk.catalogue.service import CatalogueService
from kiosk.config import Config
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.materials.resolution import deferral_deadline
from kiosk.platform.models import Application
from kiosk.receipts.documents import DeferredMaterial, Hall, ReceiptBuilder
from kiosk.workers import Workers
from ui.receipt_text import receipt_wording

if TYPE_CHECKING:
    from entry.backend import Backend

log = logging.getLogger(__name__)

Dispatch = Callable[[ev.Event], None]


class LocalReceipts(Protocol):
    """Receipts the terminal itself keeps for applications (e.g. a payment receipt)."""

    def extra_documents(self, applications: Sequence[Application]) -> tuple[Document, ...]:
        """The documents to print after the acceptance receipt of ``applications`` (worker
        thread)."""
        ...

    def confirmed(self, applications: Sequence[Application]) -> None:
        """Those documents printed and the printer confirmed it (worker thread)."""
        ...


class NoLocalReceipts:
    """No receipts kept locally: a reprint is the acceptance receipt alone."""

    def extra_documents(self, applications: Sequence[Application]) -> tuple[Document, ...]:
        """None."""
        return ()

    def confirmed(self, applications: Sequence[Application]) -> None:
        """Nothing to note."""


def deferred_of(
    catalogue: CatalogueService, applications: Sequence[Application]
) -> tuple[DeferredMaterial, ...]:
    """The deferred materials of one submission, named from the catalogue (the id when the
    matter is no longer listed), each once, with the deadline counted from acceptance."""
    snapshot = catalogue.snapshot.catalogue
    found: dict[str, DeferredMaterial] = {}
    for application in applications:
        matter = snapshot.matter(application.matter_code)
        names = {m.id: m.name for m in matter.materials} if matter is not None else {}
        accepted_on = application.accepted_at.astimezone().date()
        deadline = deferral_deadline(accepted_on, DEFERRAL_WORKING_DAYS)
        for material_id in application.deferred_materials:
            found.setdefault(material_id,
                             DeferredMaterial(names.get(material_id, material_id), deadline))
    return tuple(found.values())


class ReprintDesk:
    """Lists a person's applications and reprints a chosen receipt."""

    def __init__(
        self,
        config: Config,
        devices: DeviceManager,
        catalogue: CatalogueService,
        workers: Workers,
        backend: Callable[[], Backend],
        dispatch: Dispatch,
        local: LocalReceipts | None = None,
    ) -> None:
        self._hall = Hall(config.terminal.hall_name, config.terminal.hall_phone)
        self._base = progress_base(config)
        self._devices = devices
        self._catalogue = catalogue
        self._workers = workers
        self._backend = backend
        self._dispatch = dispatch
        self._local: LocalReceipts = local or NoLocalReceipts()

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {fx.ListReceipts: self._list, fx.PrintReprint: self._print}

    def documents(self, effect: fx.PrintReprint) -> tuple[Document, ...]:
        """The acceptance receipt of the chosen applications, then the local extras."""
        builder = ReceiptBuilder(receipt_wording())
        receipt = builder.acceptance_receipt(
            self._hall, effect.applicant, effect.applications, self._base,
            deferred_of(self._catalogue, effect.applications),
        )
        return (receipt, *self._local.extra_documents(effect.applications))

    def _list(self, effect: fx.ListReceipts) -> None:
        rid, verification_id = effect.request_id, effect.verification_id

        def failed(error: BaseException) -> None:
            log.warning("applications not listed: %s", type(error).__name__)
            self._dispatch(ev.PlatformUnavailable(rid))

        self._workers.submit(
            lambda: self._backend().client.list_applications(verification_id),
            lambda applications: self._dispatch(ev.ReceiptsListed(rid, applications)),
            failed,
        )

    def _print(self, effect: fx.PrintReprint) -> None:
        rid = effect.request_id
        printer = self._devices.device_as(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter)
        if printer is None:
            self._dispatch(ev.ReceiptPrintFailed(rid, "no receipt printer"))
            return

        def print_all() -> ev.Event:
            for document in self.documents(effect):  # local extras may read the disk
                result = printer.print_document(document)
                if not result.ok:
                    return ev.ReceiptPrintFailed(rid, result.reason)
            self._local.confirmed(effect.applications)
            return ev.ReceiptPrinted(rid)

        def failed(error: BaseException) -> None:
            log.warning("receipt not reprinted: %s: %s", type(error).__name__, error)
            self._dispatch(ev.ReceiptPrintFailed(rid, type(error).__name__))

        self._workers.submit(print_all, self._dispatch, failed)
