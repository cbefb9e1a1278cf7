"""Real-time status: the four ``DLE EOT n`` replies decoded into a :class:`DeviceStatus`.

A missing reply is *unknown*, never *no paper*: a printer that answers nothing is reported
offline with media unknown. Every valid reply byte has the fixed bits ``0x12`` set and
``0x81`` clear; anything else is treated as no reply.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.base import DeviceState, DeviceStatus, MediaStatus

FIXED_MASK = 0x93
FIXED_BITS = 0x12

PRINTER_OFFLINE = 0x08
CAUSE_COVER_OPEN = 0x04
CAUSE_PAPER_END_STOP = 0x20
CAUSE_ERROR = 0x40
ERROR_CUTTER = 0x08
ERROR_UNRECOVERABLE = 0x20
ERROR_AUTO_RECOVERABLE = 0x40
PAPER_NEAR_END = 0x0C
PAPER_END = 0x60


def valid_reply(byte: int) -> bool:
    """True when ``byte`` has the fixed bits every ``DLE EOT`` reply carries."""
    return byte & FIXED_MASK == FIXED_BITS


@dataclass(frozen=True)
class StatusReplies:
    """The reply byte to ``DLE EOT 1``–``4``, ``None`` where the printer did not answer."""

    printer: int | None = None
    offline_cause: int | None = None
    error_cause: int | None = None
    paper: int | None = None

    def _has(self, value: int | None, bits: int) -> bool:
        return value is not None and bool(value & bits)

    def media(self) -> MediaStatus:
        """Paper and cover as the replies tell them."""
        if self._has(self.offline_cause, CAUSE_COVER_OPEN):
            return MediaStatus.COVER_OPEN
        if self._has(self.paper, PAPER_END) or self._has(self.offline_cause, CAUSE_PAPER_END_STOP):
            return MediaStatus.OUT
        if self.paper is None:
            return MediaStatus.UNKNOWN
        if self._has(self.paper, PAPER_NEAR_END):
            return MediaStatus.LOW
        return MediaStatus.OK

    def to_status(self) -> DeviceStatus:
        """The device status: hardware errors first, then offline, else online with media."""
        media = self.media()
        if all(r is None for r in (self.printer, self.offline_cause, self.error_cause)):
            return DeviceStatus(DeviceState.OFFLINE, media, "no reply to DLE EOT status query")
        if self._has(self.error_cause, ERROR_CUTTER):
            return DeviceStatus(DeviceState.HARDWARE_ERROR, media, "cutter error")
        if self._has(self.error_cause, ERROR_UNRECOVERABLE):
            return DeviceStatus(DeviceState.HARDWARE_ERROR, media, "unrecoverable error")
        if self._has(self.error_cause, ERROR_AUTO_RECOVERABLE) or self._has(
            self.offline_cause, CAUSE_ERROR
        ):
            return DeviceStatus(DeviceState.HARDWARE_ERROR, media, "recoverable error")
        media_stop = media in (MediaStatus.OUT, MediaStatus.COVER_OPEN)
        if self._has(self.printer, PRINTER_OFFLINE) and not media_stop:
            return DeviceStatus(DeviceState.OFFLINE, media, "printer reports offline")
        detail = {
            MediaStatus.OUT: "paper out",
            MediaStatus.COVER_OPEN: "cover open",
            MediaStatus.LOW: "paper low",
            MediaStatus.UNKNOWN: "no reply to paper sensor query",
        }.get(media, "")
        return DeviceStatus(DeviceState.ONLINE, media, detail)


def job_failure(status: DeviceStatus) -> str | None:
    """Why a job cannot print (before) or did not print (after) on ``status``; None when fine."""
    if status.usable:
        return None
    return status.detail or f"printer {status.state}, paper {status.media}"
