"""The A4 printer driver: IPP status polling and PDF jobs followed to their final state.

A job counts as printed only when Get-Job-Attributes reports ``completed`` *and* the printer's
status read after it is fine; anything else (aborted, canceled, no final state in time, a
printer that stopped answering, paper out after the last page) is a failed
:class:`A4PrintResult` with the reason, never an assumption. Status is read every
``status_poll_s`` on a worker thread and published only when it changes; a printer that
does not answer is ``offline`` with paper ``unknown``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from drivers.a4_printer.ipp import IppClient, IppError, JobAttributes
from drivers.a4_printer.status import job_blocker, status_from, unreachable
from drivers.a4_printer.types import A4PrintResult, A4Timings, JobOutcome
from drivers.base import Capabilities, DeviceBase, DeviceClass, DeviceStatus

JOB_COMPLETED = 9
FINAL_JOB_STATES = {7: "canceled", 8: "aborted", JOB_COMPLETED: "completed"}


class IppA4Printer(DeviceBase):
    """An IPP printer (CUPS queue or network printer) as a :class:`drivers.base.Device`."""

    def __init__(
        self,
        client: IppClient,
        timings: A4Timings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(DeviceClass.A4_PRINTER)
        self._client = client
        self._timings = timings or A4Timings()
        self._clock = clock
        self._job_lock = threading.Lock()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None

    def open(self) -> None:
        """Read the printer's status and identity and start polling; raises DeviceError when
        the printer does not answer."""
        try:
            attributes = self._client.printer_attributes()
        except IppError as error:
            self._record_status(unreachable(str(error)))
            raise
        self._capabilities = Capabilities(
            attributes.model, attributes.firmware, attributes.serial, frozenset({"pdf"})
        )
        self._record_status(status_from(attributes.state, attributes.reasons))
        self._stop.clear()
        self._worker = threading.Thread(target=self._poll, name="a4-printer-status", daemon=True)
        self._worker.start()

    def close(self) -> None:
        """Stop polling; safe to call more than once."""
        self._stop.set()
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join(timeout=self._timings.request_timeout_s + 1)
        self._worker = None

    def reset(self) -> None:
        """Read the status again now (IPP printers have no reset a kiosk may send)."""
        self.refresh()

    def refresh(self) -> DeviceStatus:
        """Read and record the printer's status now; no reply gives offline, paper unknown."""
        try:
            attributes = self._client.printer_attributes()
        except IppError as error:
            status = unreachable(str(error))
        else:
            status = status_from(attributes.state, attributes.reasons)
        self._record_status(status)
        return status

    def _poll(self) -> None:
        while not self._stop.wait(self._timings.status_poll_s):
            self.refresh()

    def print_pdf(self, pdf: bytes, title: str) -> A4PrintResult:
        """Print ``pdf`` and follow the job to its end; one job at a time."""
        with self._job_lock:
            before = self.refresh()
            blocker = job_blocker(before)
            if blocker is not None:
                return A4PrintResult(JobOutcome.FAILED, f"not printing: {blocker}", None, before)
            try:
                job_id = self._client.print_job(pdf, title)
            except IppError as error:
                return A4PrintResult(JobOutcome.FAILED, str(error), None, self.refresh())
            job = self._follow(job_id)
            after = self.refresh()
            if job is None:
                reason = f"job {job_id}: no final state within {self._timings.job_timeout_s:g} s"
                return A4PrintResult(JobOutcome.FAILED, reason, job_id, after)
            if job.state != JOB_COMPLETED:
                state = FINAL_JOB_STATES.get(job.state or 0, str(job.state))
                why = ", ".join(job.reasons) or job.message
                printer = f"; printer: {after.detail}" if after.detail else ""
                return A4PrintResult(
                    JobOutcome.FAILED, f"job {job_id} {state} ({why}){printer}", job_id, after
                )
            blocker = job_blocker(after)
            if blocker is not None:
                reason = f"job {job_id} completed but the printer reports {blocker}"
                return A4PrintResult(JobOutcome.FAILED, reason, job_id, after)
            return A4PrintResult(JobOutcome.COMPLETED, "", job_id, after)

    def _follow(self, job_id: int) -> JobAttributes | None:
        """The job's final attributes, or None when it reached no final state in time."""
        deadline = self._clock() + self._timings.job_timeout_s
        while True:
            try:
                job = self._client.job_attributes(job_id)
            except IppError as error:
                self._record_status(unreachable(str(error)))
            else:
                if job.state in FINAL_JOB_STATES:
                    return job
            if self._clock() >= deadline:
                return None
            time.sleep(self._timings.job_poll_s)
