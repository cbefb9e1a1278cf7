"""A4 printer simulator: a minimal IPP printer on 127.0.0.1 with settable faults.

It answers Print-Job, Get-Job-Attributes and Get-Printer-Attributes over HTTP like a real IPP
printer (``ippeveprinter`` from CUPS is the reference it is tested against), so the real
driver cannot tell them apart. Unlike ``ippeveprinter`` it lets a test or the dev dock set
``printer-state-reasons`` at any time (paper out, jam, door open, toner low or empty), fail
the next job mid-way, or stop answering altogether (off line: the driver then sees no reply).
Each completed job's PDF is kept in the spool directory as ``<job-id>-<job-name>.pdf``.
"""

from __future__ import annotations

import logging
import re
import shutil
import struct
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from drivers.a4_printer.ipp_codec import (
    IppOperation,
    IPPParseError,
    IppTag,
    construct_attribute,
    parse,
)
from drivers.tempfiles import private_dir

log = logging.getLogger(__name__)

FAULTS = frozenset(
    {"media-empty", "media-low", "media-jam", "door-open", "toner-low", "toner-empty", "offline"}
)
"""Reasons the simulator can be given; every one but the ``-low`` ones stops the printer."""
WARNINGS = frozenset({"media-low", "toner-low"})

JOB_PROCESSING, JOB_ABORTED, JOB_COMPLETED = 5, 8, 9
PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED = 3, 4, 5
STATUS_OK = 0x0000
STATUS_BAD_REQUEST = 0x0400
STATUS_NOT_FOUND = 0x0406
STATUS_NOT_SUPPORTED = 0x0501
MODEL = "Kiosk A4 IPP Simulator"
FIRMWARE = "sim-1.0"


@dataclass
class _Job:
    job_id: int
    name: str
    state: int = JOB_PROCESSING
    reasons: str = "job-printing"


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:60] or "job"


class A4PrinterEmulator:
    """The IPP printer; ``uri`` is where the driver finds it. ``job_seconds`` is how long a job
    stays ``processing`` before it ends."""

    def __init__(self, spool_dir: Path | None = None, job_seconds: float = 0.2) -> None:
        self._own_spool = spool_dir is None
        self.spool_dir = spool_dir if spool_dir is not None else private_dir("a4-spool")
        self.spool_dir.mkdir(parents=True, exist_ok=True)
        self._job_seconds = job_seconds
        self._lock = threading.Lock()
        self._reasons: set[str] = set()
        self._fail_next: str | None = None
        self._online = True
        self._jobs: dict[int, _Job] = {}
        self._timers: list[threading.Timer] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.uri = f"ipp://127.0.0.1:{self.port}/ipp/print"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="a4-printer-sim", daemon=True
        )
        self._thread.start()

    # -- control (tests, control API, dev dock) -------------------------------------------

    def set_fault(self, reason: str, active: bool = True) -> None:
        """Raise or clear one printer-state reason (one of :data:`FAULTS`)."""
        if reason not in FAULTS:
            raise ValueError(f"unknown fault {reason!r}; expected one of {sorted(FAULTS)}")
        with self._lock:
            if active:
                self._reasons.add(reason)
            else:
                self._reasons.discard(reason)

    def inject_fault(self, name: str) -> None:
        """Raise the fault ``name`` (the camera and scanner simulators' verb)."""
        self.set_fault(name)

    def clear_faults(self) -> None:
        """Every reason cleared, answering again, the next job not failing."""
        with self._lock:
            self._reasons.clear()
            self._fail_next = None
            self._online = True

    def fail_next_job(self, reason: str) -> None:
        """The next job stops mid-way: ``reason`` is raised and the job aborted."""
        if reason not in FAULTS - WARNINGS:
            raise ValueError(f"{reason!r} does not stop a job")
        with self._lock:
            self._fail_next = reason

    def set_online(self, online: bool) -> None:
        """Off line: every request is dropped without a reply."""
        with self._lock:
            self._online = online

    def jobs(self) -> list[Path]:
        """The spooled PDFs of completed jobs, oldest first."""
        return sorted(self.spool_dir.glob("*.pdf"), key=lambda p: int(p.name.split("-")[0]))

    def stop(self) -> None:
        """Stop answering and remove the spool directory when the simulator made it."""
        with self._lock:
            timers = list(self._timers)
        for timer in timers:
            timer.cancel()
        self._server.shutdown()
        self._server.server_close()
        if self._own_spool:
            shutil.rmtree(self.spool_dir, ignore_errors=True)

    # -- printer model ----------------------------------------------------------------------

    def _stopping(self) -> set[str]:
        return self._reasons - WARNINGS

    def _printer_group(self) -> list[tuple[str, Any, IppTag]]:
        with self._lock:
            stopped = bool(self._stopping())
            busy = any(j.state == JOB_PROCESSING for j in self._jobs.values())
            reasons = sorted(self._reasons)
        state = PRINTER_STOPPED if stopped else PRINTER_PROCESSING if busy else PRINTER_IDLE
        suffix = {PRINTER_STOPPED: "-error", PRINTER_PROCESSING: "-warning"}.get(state, "-report")
        keywords = [r + (suffix if r not in WARNINGS else "-warning") for r in reasons]
        message = {
            PRINTER_IDLE: "Idle.",
            PRINTER_PROCESSING: "Printing.",
            PRINTER_STOPPED: "Stopped.",
        }
        return [
            ("printer-state", state, IppTag.ENUM),
            ("printer-state-reasons", keywords or ["none"], IppTag.KEYWORD),
            ("printer-state-message", message[state], IppTag.TEXT),
            ("printer-make-and-model", MODEL, IppTag.TEXT),
            ("printer-firmware-string-version", FIRMWARE, IppTag.TEXT),
            ("printer-uuid", f"urn:uuid:00000000-0000-4000-8000-{self.port:012d}", IppTag.URI),
        ]

    def _job_group(self, job: _Job) -> list[tuple[str, Any, IppTag]]:
        return [
            ("job-id", job.job_id, IppTag.INTEGER),
            ("job-uri", f"{self.uri}/{job.job_id}", IppTag.URI),
            ("job-state", job.state, IppTag.ENUM),
            ("job-state-reasons", job.reasons, IppTag.KEYWORD),
        ]

    def _print_job(self, name: str, pdf: bytes) -> _Job:
        with self._lock:
            job = _Job(len(self._jobs) + 1, name)
            self._jobs[job.job_id] = job
            fail, self._fail_next = self._fail_next, None
            timer = threading.Timer(self._job_seconds, self._finish, (job, pdf, fail))
            timer.daemon = True
            self._timers.append(timer)
        timer.start()
        return job

    def _finish(self, job: _Job, pdf: bytes, fail: str | None) -> None:
        with self._lock:
            if fail is not None:
                self._reasons.add(fail)
            if self._stopping():
                job.state, job.reasons = JOB_ABORTED, "aborted-by-system"
                return
        (self.spool_dir / f"{job.job_id}-{_safe_name(job.name)}.pdf").write_bytes(pdf)
        with self._lock:
            job.state, job.reasons = JOB_COMPLETED, "job-completed-successfully"

    def answer(self, request: bytes) -> bytes | None:
        """The IPP reply to one request body, or None when off line (no reply at all)."""
        with self._lock:
            if not self._online:
                return None
        try:
            message = parse(request, contains_data=True)
        except (IPPParseError, struct.error, ValueError, IndexError, KeyError, UnicodeError):
            return _reply(STATUS_BAD_REQUEST, 0, [])
        request_id = int(message["request-id"])
        operation = int(message["status-code"])
        attributes = message["operation-attributes"]
        if operation == IppOperation.GET_PRINTER_ATTRIBUTES:
            return _reply(STATUS_OK, request_id, [(IppTag.PRINTER, self._printer_group())])
        if operation == IppOperation.PRINT_JOB:
            if attributes.get("document-format", "application/pdf") != "application/pdf":
                return _reply(0x040A, request_id, [])  # client-error-document-format-not-supported
            job = self._print_job(str(attributes.get("job-name", "job")), message["data"])
            return _reply(STATUS_OK, request_id, [(IppTag.JOB, self._job_group(job))])
        if operation == IppOperation.GET_JOB_ATTRIBUTES:
            with self._lock:
                found = self._jobs.get(int(attributes.get("job-id", 0)))
            if found is None:
                return _reply(STATUS_NOT_FOUND, request_id, [])
            return _reply(STATUS_OK, request_id, [(IppTag.JOB, self._job_group(found))])
        return _reply(STATUS_NOT_SUPPORTED, request_id, [])

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                reply = simulator.answer(self.rfile.read(length))
                if reply is None:
                    self.close_connection = True
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/ipp")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("a4 simulator: " + format, *args)

        return Handler


def _reply(
    status: int, request_id: int, groups: list[tuple[IppTag, list[tuple[str, Any, IppTag]]]]
) -> bytes:
    """An IPP response: header, operation attributes, the given groups, end tag."""
    body = struct.pack(">bbhi", 2, 0, status, request_id)
    body += struct.pack(">b", IppTag.OPERATION.value)
    body += construct_attribute("attributes-charset", "utf-8", IppTag.CHARSET)
    body += construct_attribute("attributes-natural-language", "zh-cn", IppTag.LANGUAGE)
    for tag, attributes in groups:
        body += struct.pack(">b", tag.value)
        for name, value, value_tag in attributes:
            body += construct_attribute(name, value, value_tag)
    return body + struct.pack(">b", IppTag.END.value)
