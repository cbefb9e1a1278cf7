"""The ESC/POS receipt printer driver: status polling, checked print jobs and reprint.

Status is read with ``DLE EOT 1``–``4`` while idle (every ``poll_interval_s``) and before and
after every job. A job succeeds only when the status after it shows no error; its bytes are
kept so a failed job can be sent again with :meth:`EscPosPrinter.reprint_last`.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from drivers.base import (
    Capabilities,
    DeviceBase,
    DeviceClass,
    DeviceError,
    DeviceState,
    DeviceStatus,
    MediaStatus,
)
from drivers.printer import commands
from drivers.printer.document import Document
from drivers.printer.profile import PrinterProfile
from drivers.printer.render import render, unprintable
from drivers.printer.status import StatusReplies, job_failure, valid_reply
from drivers.printer.transports.base import PrinterConnection
from drivers.printer.types import PrinterTimings, PrintResult

log = logging.getLogger(__name__)

FEATURES = frozenset({"text_gb18030", "qr_native", "raster", "cut", "realtime_status"})
MODEL_REPLY_MAX = 64


class EscPosPrinter(DeviceBase):
    """A receipt printer speaking ESC/POS over any :class:`PrinterConnection`."""

    def __init__(
        self,
        transport: PrinterConnection,
        profile: PrinterProfile | None = None,
        timings: PrinterTimings | None = None,
    ) -> None:
        super().__init__(DeviceClass.RECEIPT_PRINTER)
        self._transport = transport
        self._profile = profile or PrinterProfile()
        self._timings = timings or PrinterTimings()
        self._io = threading.Lock()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        self._last_job: bytes | None = None

    @property
    def profile(self) -> PrinterProfile:
        """The printer profile documents are rendered for."""
        return self._profile

    def open(self) -> None:
        """Open the transport, read the model name and status, and start polling."""
        try:
            self._transport.open()
        except DeviceError as error:
            self._set_status(DeviceState.NO_DEVICE, MediaStatus.UNKNOWN, str(error))
            raise
        self._stop.clear()
        model = self._query_model()
        self._capabilities = Capabilities(model=model or "unknown", features=FEATURES)
        self.refresh_status()
        self._poller = threading.Thread(target=self._poll, name="printer-status", daemon=True)
        self._poller.start()

    def close(self) -> None:
        """Stop polling and release the transport; safe to call more than once."""
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=self._timings.status_reply_s * 4 + 1)
            self._poller = None
        with self._io:
            self._transport.close()

    def reset(self) -> None:
        """Send ``ESC @`` (clear the buffer and modes) and read the status again."""
        with self._io:
            self._send(commands.INITIALIZE)
        self.refresh_status()

    def refresh_status(self) -> DeviceStatus:
        """Query the printer now, publish and return its status."""
        with self._io:
            status = self._read_status()
        self._record_status(status)
        return status

    def print_document(self, document: Document) -> PrintResult:
        """Render and print ``document``; ok only when the status after the job shows no error."""
        try:
            data = render(document, self._profile)
            missing = tuple(unprintable(document, self._profile))
        except DeviceError as error:
            return PrintResult.failure(f"cannot render receipt: {error}")
        if missing:
            codes = " ".join(f"U+{ord(c):04X}" for c in missing)
            log.warning("no font has %s: printed blank", codes)
        self._last_job = data
        return replace(self._run_job(data), unprintable=missing)

    def reprint_last(self) -> PrintResult:
        """Send the last job's bytes again."""
        if self._last_job is None:
            return PrintResult.failure("nothing to reprint: no job was printed yet")
        return self._run_job(self._last_job)

    def _run_job(self, data: bytes) -> PrintResult:
        with self._io:
            before = self._read_status()
            self._record_status(before)
            reason = job_failure(before)
            if reason is not None:
                return PrintResult.failure(f"printer not ready: {reason}", before)
            self._set_status(DeviceState.BUSY, before.media, "printing")
            try:
                self._send(data)
            except DeviceError as error:
                self._set_status(DeviceState.OFFLINE, MediaStatus.UNKNOWN, str(error))
                return PrintResult.failure(str(error), self.status)
            self._stop.wait(self._timings.after_job_s)
            after = self._read_status()
            self._record_status(after)
        reason = job_failure(after)
        if reason is not None:
            return PrintResult.failure(f"job did not complete: {reason}", after, len(data))
        return PrintResult.success(after, len(data))

    def _poll(self) -> None:
        while not self._stop.wait(self._timings.poll_interval_s):
            if not self._io.acquire(blocking=False):
                continue
            try:
                status = self._read_status()
            finally:
                self._io.release()
            self._record_status(status)

    def _send(self, data: bytes) -> None:
        self._transport.write(data)

    def _read_status(self) -> DeviceStatus:
        """The four real-time replies as a status; transport failures read as offline."""
        try:
            self._transport.discard_input()
            replies: list[int | None] = []
            for n in (1, 2, 3, 4):
                reply = self._query_byte(n)
                if reply is None and n == 1:
                    return StatusReplies().to_status()
                replies.append(reply)
        except DeviceError as error:
            return DeviceStatus(DeviceState.OFFLINE, MediaStatus.UNKNOWN, str(error))
        return StatusReplies(*replies).to_status()

    def _query_byte(self, n: int) -> int | None:
        self._transport.write(commands.status_query(n))
        reply = self._transport.read(1, self._timings.status_reply_s)
        if len(reply) != 1 or not valid_reply(reply[0]):
            log.debug("DLE EOT %d: no valid reply (%r)", n, reply)
            return None
        return reply[0]

    def _query_model(self) -> str | None:
        """The model name from ``GS I 67`` (``_`` name NUL), or None if the printer is silent."""
        with self._io:
            try:
                self._transport.discard_input()
                self._transport.write(commands.MODEL_QUERY)
                reply = b""
                while b"\x00" not in reply and len(reply) < MODEL_REPLY_MAX:
                    chunk = self._transport.read(MODEL_REPLY_MAX, self._timings.status_reply_s)
                    if not chunk:
                        break
                    reply += chunk
            except DeviceError as error:
                log.warning("printer model query failed: %s", error)
                return None
        if not reply.startswith(b"_") or b"\x00" not in reply:
            return None
        return reply[1 : reply.index(b"\x00")].decode("ascii", "replace")
