"""The documents the kiosk prints, as ``drivers.printer.document.Document`` values.

* :func:`acceptance_receipt` — the 受理回执 after a submission: hall, masked applicant, then
  for each application (one per matter of a bundle) the matter, its number, accepted time,
  promised date (or instant), query code and a progress QR (``progress.py``); then the
  deferred (容缺) materials with their deadlines and the hall's phone.
* :func:`offline_receipt` — the submission is kept in the outbox while the platform is off
  line: no number exists yet, so no QR; it says it will be submitted automatically.
* :func:`correction_receipt` — after a correction (补齐补正): the application, when and what
  was supplied, and its query code and progress QR again (or, while the correction waits in
  the outbox, that it will be submitted automatically).
* :func:`result_receipt` — an instant matter's ``result_document`` printed the same way, with
  its ``verify_url`` as a QR.

Names and ID numbers are masked (``kiosk.masking``); times are China time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from drivers.printer.document import Align, Document
from kiosk.masking import mask_id_number, mask_name
from kiosk.platform.models import Applicant, Application, ResultDocument
from kiosk.receipts.progress import ProgressQuery, progress_payload
from kiosk.receipts.wording import ReceiptWording

CHINA = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Hall:
    """Where the terminal stands and the phone number for questions."""

    name: str
    phone: str = ""


@dataclass(frozen=True)
class DeferredMaterial:
    """A deferred (容缺) material and the date it must be supplied by."""

    name: str
    deadline: date


@dataclass(frozen=True)
class CorrectionSlip:
    """What a correction receipt says: the application, when, the materials supplied, and
    its query code (empty while the correction waits in the outbox)."""

    application_no: str
    matter_name: str
    at: datetime
    supplied: Sequence[str]
    query_code: str = ""


class ReceiptBuilder:
    """Builds receipts as printer documents in the wording it was given (``ui.receipt_text``)."""

    def __init__(self, wording: ReceiptWording) -> None:
        self._w = wording

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(CHINA).strftime(self._w.time_format)

    def _head(self, document: Document, title: str, hall: Hall, applicant: Applicant) -> Document:
        return (
            document.title(title)
            .row(self._w.hall, hall.name)
            .row(self._w.applicant, mask_name(applicant.name))
            .row(self._w.id_number, mask_id_number(applicant.id_number))
            .separator()
        )

    def _deferred(self, document: Document, deferred: Sequence[DeferredMaterial]) -> None:
        if not deferred:
            return
        document.line(self._w.deferred_heading, bold=True)
        for item in deferred:
            deadline = self._w.deferred_deadline.format(
                deadline=item.deadline.strftime(self._w.date_format)
            )
            document.row(item.name, deadline)
        document.separator()

    def _tail(self, document: Document, hall: Hall) -> Document:
        if hall.phone:
            document.row(self._w.phone, hall.phone)
        return document.feed(3).cut()

    def acceptance_receipt(
        self,
        hall: Hall,
        applicant: Applicant,
        applications: Sequence[Application],
        progress_base: str,
        deferred: Sequence[DeferredMaterial] = (),
    ) -> Document:
        """The 受理回执 for the applications one submission created (one per matter)."""
        document = self._head(Document(), self._w.acceptance_title, hall, applicant)
        for application in applications:
            query = ProgressQuery(application.application_no, application.query_code)
            promised = (
                application.promised_date.strftime(self._w.date_format)
                if application.promised_date is not None
                else self._w.instant
            )
            (
                document.row(self._w.matter, application.matter_name)
                .row(self._w.application_no, application.application_no)
                .row(self._w.accepted_at, self._local(application.accepted_at))
                .row(self._w.promised_date, promised)
                .row(self._w.query_code, application.query_code, bold=True)
                .qr(progress_payload(query, progress_base))
                .line(self._w.scan_to_query, Align.CENTER)
                .separator()
            )
        self._deferred(document, deferred)
        return self._tail(document, hall)

    def offline_receipt(
        self,
        hall: Hall,
        applicant: Applicant,
        matter_names: Sequence[str],
        saved_at: datetime,
        deferred: Sequence[DeferredMaterial] = (),
    ) -> Document:
        """The receipt of a submission kept for delivery while the platform is off line."""
        document = self._head(Document(), self._w.offline_title, hall, applicant)
        for name in matter_names:
            document.row(self._w.matter, name)
        (
            document.row(self._w.saved_at, self._local(saved_at))
            .separator()
            .line(self._w.offline_notice, Align.CENTER, bold=True)
            .line(self._w.offline_follow_up, Align.CENTER)
            .separator()
        )
        self._deferred(document, deferred)
        return self._tail(document, hall)

    def correction_receipt(
        self,
        hall: Hall,
        applicant: Applicant,
        correction: CorrectionSlip,
        progress_base: str,
    ) -> Document:
        """The receipt of a correction; the progress QR once the platform took it."""
        document = self._head(Document(), self._w.correction_title, hall, applicant)
        (
            document.row(self._w.matter, correction.matter_name)
            .row(self._w.application_no, correction.application_no)
            .row(self._w.corrected_at, self._local(correction.at))
            .separator()
        )
        if correction.supplied:
            document.line(self._w.supplied_heading, bold=True)
            for name in correction.supplied:
                document.line(name)
            document.separator()
        if correction.query_code:
            query = ProgressQuery(correction.application_no, correction.query_code)
            (
                document.row(self._w.query_code, correction.query_code, bold=True)
                .qr(progress_payload(query, progress_base))
                .line(self._w.scan_to_query, Align.CENTER)
            )
        else:
            document.line(self._w.offline_notice, Align.CENTER, bold=True)
        return self._tail(document.separator(), hall)

    def result_receipt(self, hall: Hall, result: ResultDocument) -> Document:
        """An instant matter's result document, with its verification QR when it has one."""
        document = Document().title(result.title)
        for line in result.lines:
            document.line(line)
        if result.verify_url:
            document.separator().qr(result.verify_url).line(self._w.scan_to_verify, Align.CENTER)
        return self._tail(document.separator(), hall)
