"""The receipt printer's interface, its job result and every delay it uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from drivers.base import Device, DeviceStatus

if TYPE_CHECKING:
    from drivers.printer.document import Document


@dataclass(frozen=True)
class PrinterTimings:
    """All delays of the printer driver, in seconds, so tests and sites can tune them in one place.

    ``status_reply_s`` bounds the wait for one ``DLE EOT`` reply byte; ``after_job_s`` lets the
    printer work through its buffer before the post-job status check.
    """

    status_reply_s: float = 0.5
    after_job_s: float = 0.3
    write_timeout_s: float = 10.0
    connect_timeout_s: float = 3.0
    poll_interval_s: float = 2.0


@dataclass(frozen=True)
class PrintResult:
    """The outcome of one print job: ``ok``, or failed with a technician-readable ``reason``.

    ``unprintable`` lists characters no font could draw: the job printed, with blanks there.
    """

    ok: bool
    reason: str = ""
    status: DeviceStatus | None = None
    bytes_sent: int = 0
    unprintable: tuple[str, ...] = ()

    @classmethod
    def success(cls, status: DeviceStatus, bytes_sent: int) -> PrintResult:
        """A job the printer took and finished without an error."""
        return cls(True, "", status, bytes_sent)

    @classmethod
    def failure(
        cls, reason: str, status: DeviceStatus | None = None, bytes_sent: int = 0
    ) -> PrintResult:
        """A job that did not print completely; ``reason`` says why."""
        return cls(False, reason, status, bytes_sent)


@runtime_checkable
class ReceiptPrinter(Device, Protocol):
    """A receipt printer as the kiosk sees it: the common device members plus printing."""

    def print_document(self, document: Document) -> PrintResult:
        """Print ``document``; the result is ok only if the printer reports no error after it."""
        ...

    def reprint_last(self) -> PrintResult:
        """Send the last job's bytes again (after paper was refilled, say)."""
        ...
