"""The A4 printer's settings, delays, job result and the interface the kiosk relies on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from drivers.base import Device, DeviceStatus


@dataclass(frozen=True)
class A4Timings:
    """Every delay of the A4 driver, in seconds, so tests and sites can tune them in one place.

    ``request_timeout_s`` bounds one IPP request; ``job_poll_s`` is the pause between job-state
    queries; ``job_timeout_s`` bounds the wait for a job's final state; ``status_poll_s`` is how
    often the idle printer's status is read.
    """

    request_timeout_s: float = 5.0
    job_poll_s: float = 0.5
    job_timeout_s: float = 300.0
    status_poll_s: float = 5.0


class JobOutcome(StrEnum):
    """How a print ended, as the kiosk needs to know it."""

    COMPLETED = "completed"
    FAILED = "failed"


@dataclass(frozen=True)
class A4PrintResult:
    """One print: ``completed`` only when the job's final state is completed and the printer is
    fine afterwards; otherwise ``failed`` with a technician-readable ``reason``."""

    outcome: JobOutcome
    reason: str = ""
    job_id: int | None = None
    status: DeviceStatus | None = None

    @property
    def ok(self) -> bool:
        """True when the document was printed."""
        return self.outcome is JobOutcome.COMPLETED


@runtime_checkable
class A4Printer(Device, Protocol):
    """An A4 printer as the kiosk sees it: the common device members plus printing a PDF."""

    def print_pdf(self, pdf: bytes, title: str) -> A4PrintResult:
        """Print ``pdf`` as a job named ``title`` and follow it to its end (blocks)."""
        ...
