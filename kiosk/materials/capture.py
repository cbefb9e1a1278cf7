"""The pages being captured for one material (拍摄材料), before the citizen says 完成.

Each page is the perspective-corrected JPEG of the document camera's capture with the quality
issues found in it (blur, glare, cut-off page: guidance, not a bar). The citizen may retake
the last page or add more; 完成 turns the pages into the material's :class:`ScanUse`. The
buffers are the session's own: :meth:`PageCapture.clear` zeroes them (leaving the capture
screen, ending the session), so no page outlives the citizen's visit in this object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from drivers.camera.quality_issue import QualityIssue
from kiosk.materials.resolution import ScannedPage

MAX_PAGES = 10
"""Pages one material may have at the terminal (a booklet's used pages fit)."""


@dataclass
class CapturedPage:
    """One captured page: its JPEG buffer (zeroed on :meth:`PageCapture.clear`) and issues."""

    jpeg: bytearray = field(repr=False)
    issues: tuple[QualityIssue, ...] = ()


class PageCapture:
    """The pages captured so far for the material on screen."""

    def __init__(self) -> None:
        self._pages: list[CapturedPage] = []
        self.missed = False
        """The last 拍摄 found no whole page in view (the screen says how to place it)."""

    @property
    def pages(self) -> tuple[CapturedPage, ...]:
        """The pages, in capture order."""
        return tuple(self._pages)

    @property
    def full(self) -> bool:
        """No more pages can be added."""
        return len(self._pages) >= MAX_PAGES

    def add(self, jpeg: bytearray, issues: Iterable[QualityIssue] = ()) -> bool:
        """Keep one more page (the buffer itself, not a copy); False when already full."""
        self.missed = False
        if self.full:
            _zero(jpeg)
            return False
        self._pages.append(CapturedPage(jpeg, tuple(issues)))
        return True

    def retake(self) -> None:
        """Drop (and zero) the last page, to capture it again."""
        if self._pages:
            _zero(self._pages.pop().jpeg)

    def scanned(self) -> tuple[ScannedPage, ...]:
        """The pages as the material's scan (copies: the plan keeps them until submission)."""
        return tuple(ScannedPage.of(bytes(p.jpeg), p.issues) for p in self._pages)

    def clear(self) -> None:
        """Zero and forget every page."""
        for page in self._pages:
            _zero(page.jpeg)
        self._pages.clear()
        self.missed = False


def _zero(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))
