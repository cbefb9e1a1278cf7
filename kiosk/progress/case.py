"""What the progress query holds for the citizen at the terminal (in the session).

The applications listed for the card's holder, the one open, the last code refused and why,
and what came of a correction. Wiped with the session; ``revision`` grows with every change
so the flow's view changes whenever the case does.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.platform.models import Application
from kiosk.progress.scan import ForeignCode
from kiosk.progress.summary import Progress


@dataclass
class ProgressCase:
    """The citizen's progress query and correction."""

    listed: tuple[Progress, ...] = ()
    opened: Progress | None = None
    refused: ForeignCode | None = None
    corrected: Application | None = None
    """The application as the platform answered the correction (None while it is queued)."""
    correction_ref: str = ""
    """The outbox's local reference of the correction."""
    supplied: tuple[str, ...] = ()
    """The names of the materials the correction supplied."""
    revision: int = 0

    def touched(self) -> None:
        """Note a change."""
        self.revision += 1

    def find(self, application_no: str) -> Progress | None:
        """The listed application ``application_no``, if listed."""
        return next((p for p in self.listed if p.application.application_no == application_no),
                    None)
