"""A scanner emulator on a pty: the driver reads it through the same termios path as hardware.

``scan(text)`` writes the UTF-8 payload plus the configured suffix; ``scan_bytes`` sends any
encoding (GB18030 scanners). Faults reproduce what a real line does wrong. A reader thread on
the pty's master records Honeywell trigger commands, so a manual-trigger engine only "sees"
codes between ``SYN T CR`` and ``SYN U CR``.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty
from enum import StrEnum

from drivers.scanner.types import MAX_PAYLOAD_BYTES, TRIGGER_OFF, TRIGGER_ON, Suffix


class ScannerFault(StrEnum):
    """Faults the emulator can inject."""

    GARBAGE = "garbage"
    """Line noise ending in the suffix: control and non-text bytes."""
    MISSING_SUFFIX = "missing_suffix"
    """A payload with no suffix after it."""
    OVER_LONG = "over_long"
    """A payload longer than the 4 KiB cap, then the suffix."""
    INVALID_UTF8 = "invalid_utf8"
    """A payload valid in neither UTF-8 nor GB18030, then the suffix."""
    DISCONNECT = "disconnect"
    """The scanner is unplugged: the pty is closed and its device node vanishes."""


_POLL_S = 0.05
GARBAGE_BYTES = b"\x00\x1b\x7f\xff\x02\xfe\x03"
INVALID_BYTES = b"\xff\xfe\x80invalid"


class ScannerEmulator:
    """A serial scanner behind a pty; give the driver :attr:`port`."""

    def __init__(self, suffix: Suffix = Suffix.CR, manual_trigger: bool = False) -> None:
        """Open the pty pair; the master end is raw so bytes pass unchanged."""
        self._suffix = suffix
        self._manual_trigger = manual_trigger
        self._master, self._slave = os.openpty()
        tty.setraw(self._master)
        self._port = os.ttyname(self._slave)
        self._lock = threading.Lock()
        self._triggered = False
        self._commands: list[bytes] = []
        self._closed = False
        self._reader = threading.Thread(target=self._read_commands, name="scanner-emu", daemon=True)
        self._reader.start()

    @property
    def port(self) -> str:
        """The pty device path the driver opens."""
        return self._port

    @property
    def triggered(self) -> bool:
        """True while a manual-trigger engine has been told to scan."""
        with self._lock:
            return self._triggered

    @property
    def commands(self) -> list[bytes]:
        """Trigger commands received from the driver, in order."""
        with self._lock:
            return list(self._commands)

    def scan(self, text: str) -> bool:
        """Present a code: send its UTF-8 bytes and the suffix. False if the engine is off."""
        return self.scan_bytes(text.encode("utf-8"))

    def scan_bytes(self, payload: bytes) -> bool:
        """Send ``payload`` and the suffix; False if a manual-trigger engine is not scanning."""
        if self._manual_trigger and not self.triggered:
            return False
        self._send(payload + self._suffix.terminator)
        return True

    def inject_fault(self, name: str) -> None:
        """Inject a :class:`ScannerFault` by name; raises ``ValueError`` for an unknown one."""
        fault = ScannerFault(name)
        end = self._suffix.terminator
        if fault is ScannerFault.GARBAGE:
            self._send(GARBAGE_BYTES + end)
        elif fault is ScannerFault.MISSING_SUFFIX:
            self._send(b"20240101-NO-SUFFIX")
        elif fault is ScannerFault.OVER_LONG:
            self._send(b"A" * (MAX_PAYLOAD_BYTES + 904) + end)
        elif fault is ScannerFault.INVALID_UTF8:
            self._send(INVALID_BYTES + end)
        else:
            self.stop()

    def stop(self) -> None:
        """Close the pty (the driver sees the port vanish); safe to call more than once."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self._reader is not threading.current_thread():
            self._reader.join(timeout=1.0)
        with contextlib.suppress(OSError):
            os.close(self._master)
        with contextlib.suppress(OSError):
            os.close(self._slave)

    def _send(self, data: bytes) -> None:
        with self._lock:
            if self._closed:
                raise OSError(f"scanner emulator on {self._port} is disconnected")
            os.write(self._master, data)

    def _read_commands(self) -> None:
        pending = b""
        while not self._closed:
            ready, _, _ = select.select([self._master], [], [], _POLL_S)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 64)
            except OSError:
                return
            pending = self._record_commands(pending + chunk)

    def _record_commands(self, pending: bytes) -> bytes:
        """Record every complete trigger command in ``pending``; return the unparsed rest."""
        while True:
            start = pending.find(TRIGGER_ON[:1])
            if start < 0:
                return b""
            pending = pending[start:]
            if len(pending) < len(TRIGGER_ON):
                return pending
            command = pending[: len(TRIGGER_ON)]
            if command in (TRIGGER_ON, TRIGGER_OFF):
                with self._lock:
                    self._commands.append(command)
                    self._triggered = command == TRIGGER_ON
                pending = pending[len(command) :]
            else:
                pending = pending[1:]
