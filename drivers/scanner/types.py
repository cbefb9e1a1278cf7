"""The scanner's events, settings and delays: what every scanner module shares."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from drivers.base import Device, DeviceEvent

MAX_PAYLOAD_BYTES = 4096
"""The longest payload accepted; longer reads are reported and skipped to the next suffix."""

TRIGGER_ON = b"\x16T\r"
"""Honeywell-compatible "start scanning" (SYN T CR) for manual-trigger models."""

TRIGGER_OFF = b"\x16U\r"
"""Honeywell-compatible "stop scanning" (SYN U CR)."""


class Suffix(StrEnum):
    """The terminator the scanner appends to each payload (set in the scanner's own menu)."""

    CR = "CR"
    LF = "LF"
    CRLF = "CRLF"

    @property
    def terminator(self) -> bytes:
        """The suffix's bytes on the wire."""
        return {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}[self.value]


@dataclass(frozen=True)
class Scanned(DeviceEvent):
    """A code was read; ``text`` is the decoded payload (never logged: it is the citizen's)."""

    text: str


@dataclass(frozen=True)
class ScanError(DeviceEvent):
    """A read that could not be turned into a payload; ``reason`` says why, without content."""

    reason: str


@dataclass(frozen=True)
class ScannerTimings:
    """Every delay the scanner drivers use, in seconds, so tests can shrink them in one place.

    ``read_timeout_s`` bounds one serial read (how fast ``close()`` is noticed);
    ``partial_timeout_s`` is how long an unterminated payload may sit before it is dropped as
    incomplete (a scanner sends a payload in one burst); ``frame_wait_s`` bounds the camera
    scanner's wait for a new frame; ``join_timeout_s`` bounds waiting for a worker to stop.
    """

    read_timeout_s: float = 0.1
    partial_timeout_s: float = 0.3
    frame_wait_s: float = 0.2
    join_timeout_s: float = 2.0


@dataclass(frozen=True)
class ScannerSettings:
    """The ``[devices.qr_scanner]`` options a serial scanner needs."""

    port: str
    baud: int = 115200
    suffix: Suffix = Suffix.CR
    repeat_window_s: float = 1.0
    manual_trigger: bool = False


@runtime_checkable
class QrScanner(Device, Protocol):
    """A QR scanner: publishes :class:`Scanned` per code. Screens that read codes call
    :meth:`start_scan` on entry and :meth:`stop_scan` on exit; manual-trigger engines and
    camera scanning read only in between, always-on engines read all the time."""

    def start_scan(self) -> None:
        """Start reading codes."""
        ...

    def stop_scan(self) -> None:
        """Stop reading codes."""
        ...
