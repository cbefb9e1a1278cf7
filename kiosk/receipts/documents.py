"""The documents the kiosk prints, as ``drivers.printer.document.Document`` values.

* :func:`acceptance_receipt` — the 受理回执 after a submission: hall, masked applicant, then
  for each application (one per matter of a bundle) the matter, its number, accepted time,
  promised date (or instant), query code and a progress QR (``progress.py``); then the
  deferred (容缺) materials with their deadlines and the hall's phone.
* :func:`offline_receipt` — the submission is kept in the outbox while the platform is off
  line: no number exists yet, so no QR; it says it will be submitted automatically.
* :func:`result_receipt` — an instant matter's ``result_document`` printed the same way, with
  its ``verify_url`` as a QR.

Names and ID numbers are masked (``kiosk.masking``); times are China time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from drivers.printer.document import Align, Document
from kiosk.masking import mask_id_number, mask_name
from kiosk.platform.models import Application, ResultDocument
from kiosk.receipts import wording
from kiosk.receipts.progress import ProgressQuery, progress_payload

CHINA = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Hall:
    """Where the terminal stands and the phone number for questions."""

    name: str
    phone: str = ""


@dataclass(frozen=True)
class Applicant:
    """The applicant as established by the verification (printed masked)."""

    name: str = field(repr=False)
    id_number: str = field(repr=False)


@dataclass(frozen=True)
class DeferredMaterial:
    """A deferred (容缺) material and the date it must be supplied by."""

    name: str
    deadline: date


def _local(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime(wording.TIME_FORMAT)


def _head(document: Document, title: str, hall: Hall, applicant: Applicant) -> Document:
    return (
        document.title(title)
        .row(wording.HALL, hall.name)
        .row(wording.APPLICANT, mask_name(applicant.name))
        .row(wording.ID_NUMBER, mask_id_number(applicant.id_number))
        .separator()
    )


def _deferred(document: Document, deferred: Sequence[DeferredMaterial]) -> None:
    if not deferred:
        return
    document.line(wording.DEFERRED_HEADING, bold=True)
    for item in deferred:
        deadline = wording.DEFERRED_DEADLINE.format(
            deadline=item.deadline.strftime(wording.DATE_FORMAT)
        )
        document.row(item.name, deadline)
    document.separator()


def _tail(document: Document, hall: Hall) -> Document:
    if hall.phone:
        document.row(wording.PHONE, hall.phone)
    return document.feed(3).cut()


def acceptance_receipt(
    hall: Hall,
    applicant: Applicant,
    applications: Sequence[Application],
    progress_base: str,
    deferred: Sequence[DeferredMaterial] = (),
) -> Document:
    """The 受理回执 for the applications one submission created (one per matter)."""
    document = _head(Document(), wording.ACCEPTANCE_TITLE, hall, applicant)
    for application in applications:
        query = ProgressQuery(application.application_no, application.query_code)
        promised = (
            application.promised_date.strftime(wording.DATE_FORMAT)
            if application.promised_date is not None
            else wording.INSTANT
        )
        (
            document.row(wording.MATTER, application.matter_name)
            .row(wording.APPLICATION_NO, application.application_no)
            .row(wording.ACCEPTED_AT, _local(application.accepted_at))
            .row(wording.PROMISED_DATE, promised)
            .row(wording.QUERY_CODE, application.query_code, bold=True)
            .qr(progress_payload(query, progress_base))
            .line(wording.SCAN_TO_QUERY, Align.CENTER)
            .separator()
        )
    _deferred(document, deferred)
    return _tail(document, hall)


def offline_receipt(
    hall: Hall,
    applicant: Applicant,
    matter_names: Sequence[str],
    saved_at: datetime,
    deferred: Sequence[DeferredMaterial] = (),
) -> Document:
    """The receipt of a submission kept for delivery while the platform is off line."""
    document = _head(Document(), wording.OFFLINE_TITLE, hall, applicant)
    for name in matter_names:
        document.row(wording.MATTER, name)
    (
        document.row(wording.SAVED_AT, _local(saved_at))
        .separator()
        .line(wording.OFFLINE_NOTICE, Align.CENTER, bold=True)
        .line(wording.OFFLINE_FOLLOW_UP, Align.CENTER)
        .separator()
    )
    _deferred(document, deferred)
    return _tail(document, hall)


def result_receipt(hall: Hall, result: ResultDocument) -> Document:
    """An instant matter's result document, with its verification QR when it has one."""
    document = Document().title(result.title)
    for line in result.lines:
        document.line(line)
    if result.verify_url:
        document.separator().qr(result.verify_url).line(wording.SCAN_TO_VERIFY, Align.CENTER)
    return _tail(document.separator(), hall)
