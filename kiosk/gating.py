"""Whether a matter can run on this terminal now, given its devices, and if not, why.

Rules (issue 6):
* identity ``id_card`` needs the ID-card reader; ``id_card_and_face`` needs the reader and
  the camera. Logging in with the provincial app's QR code (needs the QR scanner) is an
  accepted alternative for both, as the face-recognition rules ask for a non-face path.
  The matter is available while at least one identity route works;
* an applied-for matter whose result can only be printed here (``print_at_terminal`` as the
  only delivery) needs a usable receipt printer (paper not out, not jammed, cover closed);
* a query-and-print matter (``query_print``) needs only the A4 printer, which prints its
  certificate: not out of paper or toner, not jammed, door closed, answering (a printer busy
  with a job is fine: its queue holds the next). The certificate is the citizen's proof and
  nothing goes to the receipt printer in that journey, so a receipt printer out of paper
  does not stop it;
* a ``guide_only`` matter never starts at the terminal (its guide is still shown);
* the terminal is out of service when no identity route works at all (neither the reader
  nor the QR scanner): nothing beyond reading guides could run, and a hall posts a fault
  notice rather than let citizens try.
A device without a known status counts as unusable. Recovery needs nothing special: the
flow re-evaluates on every ``DevicesChanged`` event.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from drivers.a4_printer.status import toner_empty
from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus

DeviceStatuses = Mapping[DeviceClass, DeviceStatus]
"""The latest status of each device class (absent: unknown, i.e. unusable)."""


class IdentityRoute(StrEnum):
    """A way the terminal can establish identity."""

    CARD = "card"
    QR = "qr"


class GateReason(StrEnum):
    """Why a matter cannot run now; the UI's text catalogue words each for the citizen."""

    GUIDE_ONLY = "guide_only"
    ID_READER_DOWN = "id_reader_down"
    CAMERA_DOWN = "camera_down"
    QR_SCANNER_DOWN = "qr_scanner_down"
    PRINTER_DOWN = "printer_down"
    PRINTER_NO_PAPER = "printer_no_paper"
    A4_PRINTER_DOWN = "a4_printer_down"
    A4_PRINTER_NO_PAPER = "a4_printer_no_paper"
    A4_PRINTER_NO_TONER = "a4_printer_no_toner"


class GatedMatter(Protocol):
    """What gating reads of a matter (``kiosk.flow.matter.MatterBrief`` fits)."""

    @property
    def identity(self) -> str:
        """``none``, ``id_card`` or ``id_card_and_face``."""
        ...

    @property
    def result_delivery(self) -> Collection[str]:
        """Delivery ways: ``print_at_terminal``, ``mail``, ``window_pickup``, ``electronic``."""
        ...

    @property
    def self_service(self) -> str:
        """``full``, ``query_print`` or ``guide_only``."""
        ...


@dataclass(frozen=True)
class Availability:
    """Whether a matter can start now, by which identity routes, and why not."""

    available: bool
    routes: frozenset[IdentityRoute]
    reasons: tuple[GateReason, ...] = ()


def _usable(devices: DeviceStatuses, device: DeviceClass) -> bool:
    status = devices.get(device)
    return status is not None and status.usable


def identity_routes(devices: DeviceStatuses, identity: str) -> frozenset[IdentityRoute]:
    """The identity routes that work now for a matter needing ``identity`` (empty for none)."""
    if identity == "none":
        return frozenset()
    routes: set[IdentityRoute] = set()
    card = _usable(devices, DeviceClass.ID_CARD_READER)
    if identity == "id_card_and_face":
        card = card and _usable(devices, DeviceClass.CAMERA)
    if card:
        routes.add(IdentityRoute.CARD)
    if _usable(devices, DeviceClass.QR_SCANNER):
        routes.add(IdentityRoute.QR)
    return frozenset(routes)


def _identity_reasons(devices: DeviceStatuses, identity: str) -> list[GateReason]:
    reasons = []
    if not _usable(devices, DeviceClass.ID_CARD_READER):
        reasons.append(GateReason.ID_READER_DOWN)
    if identity == "id_card_and_face" and not _usable(devices, DeviceClass.CAMERA):
        reasons.append(GateReason.CAMERA_DOWN)
    if not _usable(devices, DeviceClass.QR_SCANNER):
        reasons.append(GateReason.QR_SCANNER_DOWN)
    return reasons


def _printer_reason(devices: DeviceStatuses) -> GateReason | None:
    status = devices.get(DeviceClass.RECEIPT_PRINTER)
    if status is not None and status.usable:
        return None
    if status is not None and status.media is MediaStatus.OUT:
        return GateReason.PRINTER_NO_PAPER
    return GateReason.PRINTER_DOWN


def needs_printer(matter: GatedMatter) -> bool:
    """True when an applied-for matter's result can only be printed on the receipt printer."""
    deliveries = set(matter.result_delivery)
    return matter.self_service != "query_print" and deliveries == {"print_at_terminal"}


def needs_a4_printer(matter: GatedMatter) -> bool:
    """True when the matter's result is a certificate printed on A4 here (query-and-print)."""
    return matter.self_service == "query_print"


_A4_STOPPED = (MediaStatus.OUT, MediaStatus.JAMMED, MediaStatus.COVER_OPEN, MediaStatus.UNKNOWN)


def a4_printer_reason(devices: DeviceStatuses) -> GateReason | None:
    """Why the A4 printer cannot print a certificate now; None when it can."""
    status = devices.get(DeviceClass.A4_PRINTER)
    if status is None:
        return GateReason.A4_PRINTER_DOWN
    if status.media is MediaStatus.OUT:
        return GateReason.A4_PRINTER_NO_PAPER
    if toner_empty(status):
        return GateReason.A4_PRINTER_NO_TONER
    working = status.state in (DeviceState.ONLINE, DeviceState.BUSY)
    return None if working and status.media not in _A4_STOPPED else GateReason.A4_PRINTER_DOWN


def matter_availability(matter: GatedMatter, devices: DeviceStatuses) -> Availability:
    """Whether ``matter`` can start now with these devices; the reasons when it cannot."""
    if matter.self_service == "guide_only":
        return Availability(False, frozenset(), (GateReason.GUIDE_ONLY,))
    reasons: list[GateReason] = []
    routes = identity_routes(devices, matter.identity)
    if matter.identity != "none" and not routes:
        reasons.extend(_identity_reasons(devices, matter.identity))
    if needs_printer(matter):
        printer = _printer_reason(devices)
        if printer is not None:
            reasons.append(printer)
    if needs_a4_printer(matter):
        a4 = a4_printer_reason(devices)
        if a4 is not None:
            reasons.append(a4)
    return Availability(not reasons, routes, tuple(reasons))


def qr_login_usable(devices: DeviceStatuses) -> bool:
    """True when a citizen can log in with the provincial app's QR code now."""
    return _usable(devices, DeviceClass.QR_SCANNER)


def terminal_in_service(devices: DeviceStatuses) -> bool:
    """False when no identity route works at all: the terminal shows its fault notice.

    An identity device still ``starting`` (the kiosk opens devices after home's first frame)
    keeps the terminal in service: home shows at once, matters stay gated until it reports.
    """
    identity = (DeviceClass.ID_CARD_READER, DeviceClass.QR_SCANNER)
    return any(_usable(devices, d) or _starting(devices, d) for d in identity)


def _starting(devices: DeviceStatuses, device: DeviceClass) -> bool:
    status = devices.get(device)
    return status is not None and status.state is DeviceState.STARTING
