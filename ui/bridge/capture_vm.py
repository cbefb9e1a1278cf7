"""The document capture view-model: the live view with the page outlined, the guidance, and
the pages taken so far for the material on screen.

The capture thread hands each frame and the page's corners to :meth:`CaptureViewModel.show`
(it draws the outline into a scaled copy for the image provider); the guidance is posted to
the GUI thread. The pages themselves are the session's (``pages`` source): this shows their
count, their quality guidance and the last one, never keeps them. OpenCV (the outline's
drawing, :mod:`ui.bridge.document_outline`) is imported with the first live frame, so the app
can build this before home's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QImage

from kiosk.flow.phases.capture import CAPTURE_STATES
from kiosk.flow.view import FlowView
from kiosk.materials.capture import PageCapture
from ui import text
from ui.bridge.images import CameraFrameProvider

if TYPE_CHECKING:
    from drivers.camera.document import Corners
    from drivers.camera.types import Image

DOCUMENT_PROVIDER = "document"
"""The image provider of the live document view."""
PAGE_PROVIDER = "captured_page"
"""The image provider of the last page taken (perspective-corrected)."""

Post = Callable[[Callable[[], None]], None]
PagesSource = Callable[[], PageCapture]


class CaptureViewModel(QObject):
    """What the document capture screen binds to as ``capture``."""

    frame_changed = Signal()
    changed = Signal()

    def __init__(self, pages: PagesSource, post: Post, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.frames = CameraFrameProvider()
        self.page = CameraFrameProvider()
        self._pages = pages
        self._post = post
        self._frame_no = 0
        self._live = False
        self._guidance = "no_page"
        self._seen: tuple[object, ...] = ()

    def providers(self) -> dict[str, CameraFrameProvider]:
        """The image providers to add to the engine, by name."""
        return {DOCUMENT_PROVIDER: self.frames, PAGE_PROVIDER: self.page}

    # --- from the capture thread and the app ------------------------------------------------

    def show(self, image: Image, corners: Corners | None) -> None:
        """A new frame with the page's corners (capture thread)."""
        from ui.bridge.document_outline import outlined  # OpenCV: loaded by the first frame

        self.frames.set_frame(outlined(image, corners))
        self._post(self._frame_arrived)

    def _frame_arrived(self) -> None:
        self._live = True
        self._frame_no += 1
        self.frame_changed.emit()

    def set_guidance(self, code: str) -> None:
        """The live guidance code (``no_page``, ``cut_off`` or ``ok``)."""
        if code != self._guidance:
            self._guidance = code
            self.changed.emit()

    def stop(self) -> None:
        """The live view ended: drop its frame (and the last page's picture)."""
        self.frames.clear()
        self.page.clear()
        self._live = False
        self._guidance = "no_page"
        self.frame_changed.emit()
        self.changed.emit()

    def set_view(self, view: FlowView) -> None:
        """The flow's view: refresh the pages when the application changed on capture."""
        seen = (view.state, view.application)
        if seen == self._seen:
            return
        self._seen = seen
        if view.state in CAPTURE_STATES:
            pages = self._pages().pages
            if pages:
                self.page.set_frame(QImage.fromData(bytes(pages[-1].jpeg)))
            else:
                self.page.clear()
        self.changed.emit()

    # --- for QML ----------------------------------------------------------------------------

    @Property(str, notify=frame_changed)
    def cameraSource(self) -> str:  # noqa: N802
        """The image source of the latest outlined frame ("" while not live)."""
        return f"image://{DOCUMENT_PROVIDER}/{self._frame_no}" if self._live else ""

    @Property(str, notify=changed)
    def guidance(self) -> str:
        """What to do now: the live guidance, or why the last 拍摄 found no page."""
        if self._pages().missed:
            return text.capture_guidance("missed")
        return text.capture_guidance(self._guidance)

    @Property(bool, notify=changed)
    def pageInView(self) -> bool:  # noqa: N802
        """The whole page is in view (the outline is drawn green)."""
        return self._guidance == "ok"

    @Property(int, notify=changed)
    def pageCount(self) -> int:  # noqa: N802
        """Pages taken so far."""
        return len(self._pages().pages)

    @Property(str, notify=changed)
    def pagesText(self) -> str:  # noqa: N802
        """已拍摄 N 页 (or the hint to take the first)."""
        return text.pages_taken(len(self._pages().pages))

    @Property(str, notify=changed)
    def lastPageSource(self) -> str:  # noqa: N802
        """The image source of the last page taken ("" before the first)."""
        count = len(self._pages().pages)
        return f"image://{PAGE_PROVIDER}/{count}" if count else ""

    @Property(str, notify=changed)
    def lastPageAdvice(self) -> str:  # noqa: N802
        """The last page's quality guidance (retake advice), empty when it is fine."""
        pages = self._pages().pages
        return text.page_issues([i.value for i in pages[-1].issues]) if pages else ""

    @Slot(str, result=str)
    def word(self, key: str) -> str:
        """A word of the capture screen."""
        return text.capture_word(key)
