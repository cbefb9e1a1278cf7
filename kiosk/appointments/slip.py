"""The appointment slip (预约凭条) printed on the receipt printer after a booking.

It names the matter, the appointment number, the time, the place (the matter's window), the
person (masked), what to bring (the guide's materials) and a QR code of the appointment
number for the window to call it up; the words come from the UI (``ui.receipt_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from drivers.printer.document import Align, Document
from kiosk.masking import mask_name, mask_phone
from kiosk.receipts.documents import CHINA, Hall


@dataclass(frozen=True)
class SlipWording:
    """Every word printed on an appointment slip; ``time_format`` and ``end_format`` are
    ``strftime`` patterns, ``bring_item`` has a ``{name}`` placeholder."""

    title: str
    matter: str
    appointment_no: str
    time: str
    place: str
    person: str
    phone: str
    bring_heading: str
    bring_item: str
    nothing_to_bring: str
    scan_at_window: str
    hall_phone: str
    time_format: str
    end_format: str


@dataclass(frozen=True)
class SlipContent:
    """What one slip says (the booking's values)."""

    matter_name: str
    appointment_no: str
    start: datetime
    end: datetime
    place: str
    person_name: str
    phone: str
    materials: tuple[str, ...] = ()


def slip_qr_payload(appointment_no: str) -> str:
    """What the slip's QR code encodes: the appointment number the window looks up."""
    return appointment_no


def appointment_slip(wording: SlipWording, hall: Hall, content: SlipContent) -> Document:
    """The slip as a printer document (times in China time, name and phone masked)."""
    start = content.start.astimezone(CHINA).strftime(wording.time_format)
    end = content.end.astimezone(CHINA).strftime(wording.end_format)
    document = (
        Document()
        .title(wording.title)
        .row(wording.matter, content.matter_name)
        .row(wording.appointment_no, content.appointment_no, bold=True)
        .row(wording.time, f"{start}-{end}", bold=True)
        .row(wording.place, content.place or hall.name)
        .row(wording.person, mask_name(content.person_name))
        .row(wording.phone, mask_phone(content.phone))
        .separator()
        .line(wording.bring_heading, bold=True)
    )
    _materials(document, wording, content.materials)
    document.separator().qr(slip_qr_payload(content.appointment_no))
    document.line(wording.scan_at_window, Align.CENTER)
    if hall.phone:
        document.row(wording.hall_phone, hall.phone)
    return document.feed(3).cut()


def _materials(document: Document, wording: SlipWording, names: Sequence[str]) -> None:
    if not names:
        document.line(wording.nothing_to_bring)
    for name in names:
        document.line(wording.bring_item.format(name=name))
