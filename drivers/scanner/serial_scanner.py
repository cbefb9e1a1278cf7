"""The serial/USB-CDC scanner driver: reads payloads up to the suffix on a reader thread.

The port is opened with ``serial.serial_for_url`` so a pty, ``loop://`` or ``socket://`` work
as well as ``/dev/ttyACM0``. Payload text is published as :class:`Scanned`; undecodable,
over-long or unterminated reads as :class:`ScanError`. A vanished port makes the device
``offline`` and ends the reader; the device manager re-opens it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import serial

from drivers.base import DeviceBase, DeviceClass, DeviceError, DeviceState
from drivers.scanner.framing import (
    LineSplitter,
    Overflow,
    Payload,
    UndecodableError,
    decode_payload,
)
from drivers.scanner.repeat import RepeatFilter
from drivers.scanner.types import (
    TRIGGER_OFF,
    TRIGGER_ON,
    ScanError,
    Scanned,
    ScannerSettings,
    ScannerTimings,
)

log = logging.getLogger(__name__)


class SerialScanner(DeviceBase):
    """A QR/barcode scanner in serial (USB-CDC) mode, as a :class:`drivers.base.Device`."""

    def __init__(
        self,
        settings: ScannerSettings,
        timings: ScannerTimings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``clock`` times the repeat window (injectable for tests)."""
        super().__init__(DeviceClass.QR_SCANNER)
        self._settings = settings
        self._timings = timings or ScannerTimings()
        self._repeats = RepeatFilter(settings.repeat_window_s, clock)
        self._port: Any = None
        self._port_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def open(self) -> None:
        """Open the port and start the reader; raises :class:`DeviceError` if it cannot."""
        self.close()
        try:
            port = serial.serial_for_url(
                self._settings.port,
                baudrate=self._settings.baud,
                timeout=self._timings.read_timeout_s,
            )
        except (serial.SerialException, OSError, ValueError) as error:
            detail = f"cannot open {self._settings.port}: {error}"
            self._set_status(DeviceState.NO_DEVICE, detail=detail)
            raise DeviceError(detail) from error
        self._port = port
        self._repeats.clear()
        self._stopping = stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._read_loop, args=(port, stopping), name="qr-scanner", daemon=True
        )
        self._set_status(DeviceState.ONLINE, detail=self._settings.port)
        self._thread.start()

    def close(self) -> None:
        """Stop the reader and release the port; safe to call more than once."""
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self._timings.join_timeout_s)
        with self._port_lock:
            port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):
                log.debug("closing %s failed", self._settings.port)

    def reset(self) -> None:
        """Forget the last code (so it can be read again at once) and stop any manual scan."""
        self._repeats.clear()
        if self._settings.manual_trigger:
            self.stop_scan()

    def start_scan(self) -> None:
        """Switch the engine's reader on (manual-trigger models); other models always read."""
        if self._settings.manual_trigger:
            self._write(TRIGGER_ON)

    def stop_scan(self) -> None:
        """Switch the engine's reader off (manual-trigger models)."""
        if self._settings.manual_trigger:
            self._write(TRIGGER_OFF)

    def _write(self, command: bytes) -> None:
        with self._port_lock:
            port = self._port
            if port is None:
                return
            try:
                port.write(command)
                port.flush()
            except (serial.SerialException, OSError) as error:
                failure: str | None = f"port {self._settings.port} lost: {error}"
            else:
                failure = None
        if failure is not None:
            self._set_status(DeviceState.OFFLINE, detail=failure)

    def _read_loop(self, port: Any, stopping: threading.Event) -> None:
        splitter = LineSplitter(self._settings.suffix.terminator)
        last_data_at = time.monotonic()
        while not stopping.is_set():
            try:
                data: bytes = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError) as error:
                if not stopping.is_set():
                    self._set_status(
                        DeviceState.OFFLINE, detail=f"port {self._settings.port} lost: {error}"
                    )
                return
            now = time.monotonic()
            if data:
                last_data_at = now
                for item in splitter.feed(data):
                    self._publish(item)
            elif (
                splitter.pending
                and now - last_data_at >= self._timings.partial_timeout_s
                and splitter.drop_partial()
            ):
                self.events.emit(ScanError("incomplete scan: no suffix received, dropped"))

    def _publish(self, item: Payload | Overflow) -> None:
        if isinstance(item, Overflow):
            self.events.emit(ScanError(f"payload longer than {item.limit} bytes, dropped"))
            return
        try:
            text = decode_payload(item.data)
        except UndecodableError as error:
            self.events.emit(ScanError(str(error)))
            return
        if self._repeats.accept(text):
            self.events.emit(Scanned(text))
