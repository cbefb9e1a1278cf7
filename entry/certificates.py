"""证明打印 at the app layer: the certificate flow's effects, run in workers.

:class:`CertificateDesk` handles the flow's :class:`~kiosk.flow.effects.IssueCertificate`
(build the matter's minimal form, or ask the flow for the fields it lacks, or take the
form the citizen completed; submit the application, render the answered
``result_document`` to PDF and its first page to a preview), ``PrintIssuedCertificate`` (print
the kept PDF on the A4 printer) and ``DropCertificate``; the app merges :meth:`handlers` into
its effect table. Nothing blocking runs on the GUI thread.

:func:`render_document` and :func:`print_document` are the reusable parts: the apply flow
prints an instant matter's certificate on A4 with them (both block: call them in a worker).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from PySide6.QtGui import QImage

from drivers.a4_printer.types import A4Printer, A4PrintResult, JobOutcome
from drivers.base import DeviceClass
from drivers.manager import DeviceManager
from kiosk.catalogue.service import CatalogueService
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.forms.minimal import identity_sources, minimal_form
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.platform.models import Applicant, ApplicationRequest, Delivery, ResultDocument
from kiosk.workers import Workers
from ui.bridge.certificate_vm import CertificateViewModel, render_first_page
from ui.receipt_text import pdf_wording

if TYPE_CHECKING:
    from entry.backend import Backend
    from kiosk.documents.pdf import RenderedPdf

log = logging.getLogger(__name__)

PRINT_AT_TERMINAL = "print_at_terminal"


def render_document(document: ResultDocument, hall_name: str) -> RenderedPdf:
    """``document`` as an A4 PDF stamped with the hall and the time now (worker thread)."""
    from kiosk.documents.pdf import render_pdf  # qrcode and Pillow: loaded by the first PDF

    return render_pdf(document, hall_name, datetime.now().astimezone(), pdf_wording())


def print_document(devices: DeviceManager, pdf: bytes, title: str) -> A4PrintResult:
    """Print ``pdf`` on the A4 printer and follow the job to its end (blocks: worker thread).

    ``ok`` only when the job completed and the printer was fine afterwards; no A4 printer, or
    one that raises, is a failed result with the reason, never an exception.
    """
    printer = devices.device_as(DeviceClass.A4_PRINTER, A4Printer)
    if printer is None:
        return A4PrintResult(JobOutcome.FAILED, "no A4 printer is configured")
    try:
        return printer.print_pdf(pdf, title)
    except Exception as error:  # a driver bug must not report a print, nor crash the kiosk
        log.exception("A4 print raised")
        return A4PrintResult(JobOutcome.FAILED, f"{type(error).__name__}: {error}")


class NotIssued(Exception):
    """The application gave no certificate; ``code`` says why (for the technician's log)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class _Issued:
    application_no: str
    document: ResultDocument
    rendered: RenderedPdf
    preview: QImage


@dataclass(frozen=True)
class DeskSettings:
    """What the desk needs of the terminal's configuration."""

    hall_name: str
    terminal_id: str


class CertificateDesk:
    """Runs the certificate effects; holds the issued PDF until the flow drops it."""

    def __init__(
        self,
        *,
        devices: DeviceManager,
        workers: Workers,
        backend: Callable[[], Backend],
        catalogue: CatalogueService,
        view_model: CertificateViewModel,
        dispatch: Callable[[ev.Event], None],
        settings: DeskSettings,
    ) -> None:
        self._devices = devices
        self._workers = workers
        self._backend = backend
        self._catalogue = catalogue
        self._vm = view_model
        self._dispatch = dispatch
        self._settings = settings
        self._pdf: bytes | None = None
        self._title = ""

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.IssueCertificate: self._issue,
            fx.PrintIssuedCertificate: self._print,
            fx.DropCertificate: lambda _: self.drop(),
        }

    def drop(self) -> None:
        """Forget the issued PDF and its preview."""
        self._pdf = None
        self._title = ""
        self._vm.wipe()

    # --- issuing ----------------------------------------------------------------------------

    def _issue(self, effect: fx.IssueCertificate) -> None:
        matter = self._catalogue.snapshot.catalogue.matter(effect.matter_code)
        request_id = effect.request_id
        if matter is None:
            self._dispatch(ev.CertificateRefused(request_id, "matter_unknown"))
            return
        applicant = effect.applicant
        answers = effect.form
        if answers is None:
            # The platform-verified name and number: what these matters' fields prefill from.
            form = minimal_form(matter, identity_sources(applicant.name, applicant.id_number))
            if not form.complete:
                log.info("certificate form asks the citizen: %s", ", ".join(form.unanswered))
                self._dispatch(ev.CertificateFormNeeded(request_id, matter))
                return
            answers = form.form
        printed = PRINT_AT_TERMINAL in matter.result_delivery
        delivery = Delivery(PRINT_AT_TERMINAL) if printed else None
        request = ApplicationRequest(
            verification_id=effect.verification_id,
            terminal_id=self._settings.terminal_id,
            submitted_at=datetime.now(UTC),
            applicant=Applicant(applicant.name, applicant.id_number),
            form=answers,
            matter_code=matter.code,
            delivery=delivery,
        )
        hall = self._settings.hall_name

        def work() -> _Issued:
            result = self._backend().client.submit_application(request, idempotency_key=uuid4())
            application = result.applications[0] if result.applications else None
            if application is None or application.result_document is None:
                raise NotIssued("no_result_document")
            if application.status != "completed":
                raise NotIssued(f"status_{application.status}")
            document = application.result_document
            rendered = render_document(document, hall)
            return _Issued(
                application.application_no, document, rendered, render_first_page(rendered.pdf)
            )

        def done(issued: _Issued) -> None:
            self._pdf = issued.rendered.pdf
            self._title = issued.document.title
            self._vm.show_preview(issued.preview)
            self._dispatch(
                ev.CertificateIssued(
                    request_id,
                    issued.application_no,
                    issued.document.title,
                    issued.document.verify_url,
                    issued.rendered.pages,
                )
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, NotIssued):
                self._dispatch(ev.CertificateRefused(request_id, error.code))
            elif isinstance(error, PlatformError) and 400 <= error.status < 500:
                log.warning("certificate refused by the platform: %s", error)
                self._dispatch(ev.CertificateRefused(request_id, error.code))
            else:
                if not isinstance(error, PlatformFailure):
                    log.error("issuing a certificate failed: %s: %s", type(error).__name__, error)
                self._dispatch(ev.PlatformUnavailable(request_id))

        self._workers.submit(work, done, failed)

    # --- printing ---------------------------------------------------------------------------

    def _print(self, effect: fx.PrintIssuedCertificate) -> None:
        pdf, title, request_id = self._pdf, self._title, effect.request_id
        if pdf is None:
            self._dispatch(ev.CertificatePrintFailed(request_id, "no certificate is held"))
            return
        devices = self._devices

        def done(result: A4PrintResult) -> None:
            if result.ok:
                self._dispatch(ev.CertificatePrinted(request_id))
            else:
                log.warning("certificate not printed: %s", result.reason)
                self._dispatch(ev.CertificatePrintFailed(request_id, result.reason))

        def failed(error: BaseException) -> None:
            self._dispatch(ev.CertificatePrintFailed(request_id, f"{type(error).__name__}"))

        self._workers.submit(lambda: print_document(devices, pdf, title), done, failed)
