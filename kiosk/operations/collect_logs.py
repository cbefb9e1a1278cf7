"""The platform's ``upload_logs`` command: collect the logs into a bundle kept for export.

The contract (1.1) has no route to send logs to: ``PUT /uploads/{sha256}`` stores a citizen's
material for an application (JPEG, PNG or PDF, under the citizen's verification id), so a log
bundle may not go there. The command is therefore carried out as far as the contract allows:
the bundle is written to ``<data_dir>/exports/`` for a technician to take away (maintenance →
Logs → 导出), and the command is acknowledged as done with the bundle's name, size and
SHA-256, which the dispatcher's ``on_outcome`` writes to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.operations.commands import CommandOutcome, Done, Refused
from kiosk.operations.log_bundle import DEFAULT_MAX_BYTES, BundleSources, LogBundle, write_bundle
from kiosk.platform.models import Command

COMMAND = "upload_logs"
"""The contract's name of the command."""
KEPT_LOCALLY = "kept for export (no log upload route in the contract)"


def bundle_detail(bundle: LogBundle) -> str:
    """How a bundle is named in the audit log: file, size, SHA-256, lines, truncation."""
    cut = ", truncated" if bundle.truncated else ""
    return (
        f"{bundle.path.name} {bundle.size} B sha256={bundle.sha256} "
        f"lines={bundle.log_lines}{cut}"
    )


class LogCollector:
    """A :data:`~kiosk.operations.commands.CommandHandler` for ``upload_logs``."""

    def __init__(
        self,
        sources: BundleSources,
        exports_dir: Path,
        terminal_id: str,
        max_bytes: int = DEFAULT_MAX_BYTES,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._sources = sources
        self._exports_dir = exports_dir
        self._terminal_id = terminal_id
        self._max_bytes = max_bytes
        self._now = now

    @property
    def exports_dir(self) -> Path:
        """Where the bundles are kept for a technician to take away."""
        return self._exports_dir

    def bundle(self, reason: str) -> LogBundle:
        """Write a bundle now (``reason``: a command id or ``technician``); raises
        :class:`OSError` when the disk refuses."""
        return write_bundle(
            self._sources, self._exports_dir, self._terminal_id, reason, self._max_bytes,
            now=self._now,
        )

    def __call__(self, command: Command) -> CommandOutcome:
        """Carry out the command: a bundle kept for export, or refused when it cannot be
        written."""
        try:
            bundle = self.bundle(f"command {command.id}")
        except OSError as error:
            return Refused(f"log bundle not written: {error}")
        return Done(f"{KEPT_LOCALLY}: {bundle_detail(bundle)}")
