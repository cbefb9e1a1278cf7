"""``printer-state`` and ``printer-state-reasons`` (RFC 8011) turned into a :class:`DeviceStatus`.

Reasons carry a severity suffix (``-report``, ``-warning``, ``-error``) that is dropped here: a
jam is a jam whatever the printer calls it. Paper and door conditions keep the printer
``online`` with the media flag set (as the receipt printer does), consumables and faults that
stop printing make it ``hardware_error``, and an offline report makes it ``offline``.
"""

from __future__ import annotations

from collections.abc import Iterable

from drivers.base import DeviceState, DeviceStatus, MediaStatus

PRINTER_IDLE = 3
PRINTER_PROCESSING = 4
PRINTER_STOPPED = 5

SEVERITY_SUFFIXES = ("-report", "-warning", "-error")

MEDIA_REASONS: tuple[tuple[frozenset[str], MediaStatus, str], ...] = (
    (frozenset({"media-jam"}), MediaStatus.JAMMED, "paper jam"),
    (
        frozenset({"door-open", "cover-open", "interlock-open"}),
        MediaStatus.COVER_OPEN,
        "door open",
    ),
    (
        frozenset({"media-empty", "media-needed", "input-tray-missing"}),
        MediaStatus.OUT,
        "paper out",
    ),
    (frozenset({"media-low"}), MediaStatus.LOW, "paper low"),
)
TONER_EMPTY = "toner empty"
"""The detail of a printer stopped for toner (the kiosk tells the citizen so)."""
OFFLINE_REASONS = frozenset({"offline", "shutdown", "connecting-to-device"})
FAULT_REASONS: dict[str, str] = {
    "toner-empty": TONER_EMPTY,
    "marker-supply-empty": TONER_EMPTY,
    "marker-waste-full": "waste toner full",
    "fuser-over-temp": "fuser fault",
    "fuser-under-temp": "fuser fault",
    "other": "printer fault",
}
WARNING_REASONS: dict[str, str] = {
    "toner-low": "toner low",
    "marker-supply-low": "toner low",
    "marker-waste-almost-full": "waste toner almost full",
}


def base_reason(reason: str) -> str:
    """``reason`` without its severity suffix (``media-jam-error`` → ``media-jam``)."""
    for suffix in SEVERITY_SUFFIXES:
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


def _media(reasons: frozenset[str]) -> tuple[MediaStatus, str]:
    for keys, media, detail in MEDIA_REASONS:
        if reasons & keys:
            return media, detail
    return MediaStatus.OK, ""


def status_from(printer_state: int | None, reasons: Iterable[str]) -> DeviceStatus:
    """The device status for one Get-Printer-Attributes answer; ``printer_state`` is None when
    the printer did not say (then the status is unknown, never "no paper")."""
    found = frozenset(base_reason(r) for r in reasons) - {"none"}
    if printer_state is None:
        return DeviceStatus(DeviceState.OFFLINE, MediaStatus.UNKNOWN, "no printer-state in reply")
    media, media_detail = _media(found)
    if found & OFFLINE_REASONS:
        return DeviceStatus(DeviceState.OFFLINE, media, "printer reports offline")
    faults = sorted({FAULT_REASONS[r] for r in found if r in FAULT_REASONS})
    if faults:
        return DeviceStatus(DeviceState.HARDWARE_ERROR, media, ", ".join(faults))
    warnings = sorted({WARNING_REASONS[r] for r in found if r in WARNING_REASONS})
    detail = ", ".join(d for d in (media_detail, *warnings) if d)
    if printer_state == PRINTER_STOPPED and media is MediaStatus.OK:
        return DeviceStatus(DeviceState.HARDWARE_ERROR, media, detail or "printer stopped")
    if printer_state == PRINTER_PROCESSING:
        return DeviceStatus(DeviceState.BUSY, media, detail or "printing")
    return DeviceStatus(DeviceState.ONLINE, media, detail)


def unreachable(why: str) -> DeviceStatus:
    """The status of a printer that did not answer: offline, paper unknown."""
    return DeviceStatus(DeviceState.OFFLINE, MediaStatus.UNKNOWN, why)


def job_blocker(status: DeviceStatus) -> str | None:
    """Why a job cannot start (before) or did not end well (after) on ``status``; None when fine.
    A busy printer is fine: the queue holds the job."""
    if status.state in (DeviceState.ONLINE, DeviceState.BUSY) and status.media not in (
        MediaStatus.OUT,
        MediaStatus.JAMMED,
        MediaStatus.COVER_OPEN,
        MediaStatus.UNKNOWN,
    ):
        return None
    return status.detail or f"printer {status.state}, paper {status.media}"


def toner_empty(status: DeviceStatus) -> bool:
    """True when ``status`` says the printer stopped because its toner ran out."""
    return TONER_EMPTY in status.detail.split(", ")
