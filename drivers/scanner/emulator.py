"""A scanner emulator on a pty: the driver reads it through the same termios path as hardware.

``scan(text)`` writes the UTF-8 payload plus the configured suffix; ``scan_bytes`` sends any
encoding (GB18030 scanners). Faults reproduce what a real line does wrong. A reader thread on
the pty's master records Honeywell trigger commands, so a manual-trigger engine only "sees"
codes between ``SYN T CR`` and ``SYN U CR``.

:attr:`ScannerEmulator.port` is a stable symlink to the current pty (like a udev
``/dev/serial/by-id`` name): ``disconnect`` closes the pty and removes the link, so the port
vanishes for the driver; ``reconnect`` plugs a new pty in under the same name, so the device
manager's re-open finds it again.
"""

from __future__ import annotations

import os
import select
import shutil
import threading
from collections.abc import Callable
from enum import StrEnum

from drivers.scanner.types import MAX_PAYLOAD_BYTES, TRIGGER_OFF, TRIGGER_ON, Suffix
from drivers.simpty import RawPty, publish, withdraw
from drivers.tempfiles import private_dir


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
    """The scanner is unplugged: the pty is closed and the port vanishes."""


_POLL_S = 0.05
GARBAGE_BYTES = b"\x00\x1b\x7f\xff\x02\xfe\x03"
INVALID_BYTES = b"\xff\xfe\x80invalid"
MISSING_SUFFIX_BYTES = b"20240101-NO-SUFFIX"
OVER_LONG_BYTES = b"A" * (MAX_PAYLOAD_BYTES + 904)


class _Pty(RawPty):
    """One plugged-in pty pair and the thread reading the driver's commands from it."""

    def __init__(self, on_bytes: Callable[[bytes], None]) -> None:
        super().__init__()
        self._on_bytes = on_bytes
        self._closing = threading.Event()
        self._reader = threading.Thread(target=self._read, name="scanner-emu", daemon=True)
        self._reader.start()

    def close(self) -> None:
        """Stop the reader first, then close both ends (never a descriptor still in use)."""
        self._closing.set()
        self._reader.join(timeout=1.0)
        super().close()

    def _read(self) -> None:
        while not self._closing.is_set():
            ready, _, _ = select.select([self.master], [], [], _POLL_S)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 64)
            except OSError:
                return
            self._on_bytes(chunk)


class ScannerEmulator:
    """A serial scanner behind a pty; give the driver :attr:`port`."""

    def __init__(self, suffix: Suffix = Suffix.CR, manual_trigger: bool = False) -> None:
        """Plug in a pty and publish it under a stable name in a private temporary directory."""
        self._suffix = suffix
        self._manual_trigger = manual_trigger
        self._lock = threading.Lock()
        self._triggered = False
        self._commands: list[bytes] = []
        self._pending = b""
        self._dir = private_dir("scanner")
        self._link = self._dir / "ttyACM-scanner"
        self._pty: _Pty | None = None
        self.reconnect()

    @property
    def port(self) -> str:
        """The stable port path the driver opens (a symlink to the current pty)."""
        return str(self._link)

    @property
    def connected(self) -> bool:
        """True while the emulated scanner is plugged in."""
        with self._lock:
            return self._pty is not None

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
        """Present a code: send its UTF-8 bytes and the suffix.

        False when nothing was sent: a manual-trigger engine not scanning, or unplugged.
        """
        return self.scan_bytes(text.encode("utf-8"))

    def scan_bytes(self, payload: bytes) -> bool:
        """Send ``payload`` and the suffix; False when nothing was sent (see :meth:`scan`)."""
        if self._manual_trigger and not self.triggered:
            return False
        return self._send(payload + self._suffix.terminator)

    def inject_fault(self, name: str) -> bool:
        """Inject a :class:`ScannerFault` by name; False if unplugged (nothing to inject).

        Raises ``ValueError`` for an unknown fault name.
        """
        fault = ScannerFault(name)
        end = self._suffix.terminator
        if fault is ScannerFault.DISCONNECT:
            return self.disconnect()
        wire = {
            ScannerFault.GARBAGE: GARBAGE_BYTES + end,
            ScannerFault.MISSING_SUFFIX: MISSING_SUFFIX_BYTES,
            ScannerFault.OVER_LONG: OVER_LONG_BYTES + end,
            ScannerFault.INVALID_UTF8: INVALID_BYTES + end,
        }[fault]
        return self._send(wire)

    def disconnect(self) -> bool:
        """Unplug: close the pty and remove the port; False if already unplugged."""
        with self._lock:
            pty, self._pty = self._pty, None
            self._triggered = False
        if pty is None:
            return False
        withdraw(self._link)
        pty.close()
        return True

    def reconnect(self) -> None:
        """Plug a new pty in under the same port name (no-op when plugged in)."""
        with self._lock:
            if self._pty is not None:
                return
            pty = _Pty(self._record_commands)
            self._pending = b""
            self._pty = pty
        publish(self._link, pty.name)

    def stop(self) -> None:
        """Unplug and remove the port's directory; safe to call more than once."""
        self.disconnect()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _send(self, data: bytes) -> bool:
        with self._lock:
            if self._pty is None:
                return False
            os.write(self._pty.master, data)
        return True

    def _record_commands(self, chunk: bytes) -> None:
        """Record every complete trigger command received; keep a partial one for later."""
        with self._lock:
            pending = self._pending + chunk
            while (start := pending.find(TRIGGER_ON[:1])) >= 0:
                pending = pending[start:]
                if len(pending) < len(TRIGGER_ON):
                    break
                command = pending[: len(TRIGGER_ON)]
                if command in (TRIGGER_ON, TRIGGER_OFF):
                    self._commands.append(command)
                    self._triggered = command == TRIGGER_ON
                    pending = pending[len(command) :]
                else:
                    pending = pending[1:]
            else:
                pending = b""
            self._pending = pending
