"""Document capture policy: camera frames in, the page outlined with guidance, pages on 拍摄.

A :class:`DocumentCaptureRun` reads the camera's newest frame in its own thread (at most
:data:`~kiosk.flow.timeouts.DOCUMENT_FRAME_INTERVAL_S` apart), finds the page in it
(``drivers.camera.document.find_page``) and hands frame and corners to the listener's
``preview`` (on the capture thread: the UI draws the outline), then posts the live guidance:
``no_page``, ``cut_off`` (a corner at the frame's edge) or ``ok``. :meth:`take` (a worker
thread) captures the newest frame: the perspective-corrected page as JPEG in a zeroable
``bytearray`` and every quality issue (``assess_document``: cut-off, blur, glare). When the
camera delivers no frame for ``DOCUMENT_NO_FRAME_LIMIT_S``, ``failed`` is posted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from drivers.camera.document import Corners, capture_document, find_page
from drivers.camera.jpeg import encode_jpeg_buffer
from drivers.camera.quality import QualitySettings, assess_document, touches_edge
from drivers.camera.quality_issue import QualityIssue
from drivers.camera.types import FrameSource, Image
from kiosk.camera_run import CameraRun
from kiosk.flow.timeouts import (
    DOCUMENT_FRAME_INTERVAL_S,
    DOCUMENT_FRAME_WAIT_S,
    DOCUMENT_NO_FRAME_LIMIT_S,
)

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

OK = "ok"
"""Live guidance when the whole page is in view."""


@dataclass(frozen=True)
class DocumentCaptureListener:
    """Who hears of a run: ``preview`` on the capture thread, the rest posted."""

    preview: Callable[[Image, Corners | None], None]
    guidance: Callable[[str], None]
    failed: Callable[[], None]


@dataclass(frozen=True)
class TakenPage:
    """A page taken on 拍摄: the corrected JPEG (the one buffer) and its quality issues."""

    jpeg: bytearray
    issues: tuple[QualityIssue, ...]


def live_guidance(frame: Image, corners: Corners | None, settings: QualitySettings) -> str:
    """What the live view says: no page, a page cut off at the frame's edge, or ok."""
    if corners is None:
        return QualityIssue.NO_PAGE.value
    if touches_edge(corners, frame.shape, settings.edge_margin):
        return QualityIssue.CUT_OFF.value
    return OK


def take_page(frame: Image, settings: QualitySettings | None = None) -> TakenPage | None:
    """The page in ``frame``, flattened, with its quality issues; None without a page."""
    capture = capture_document(frame)
    if capture.page is None:
        return None
    report = assess_document(frame, capture, settings)
    return TakenPage(encode_jpeg_buffer(capture.page), report.issues)


class DocumentCaptureRun(CameraRun):
    """One live document view; :meth:`stop` ends it (idempotent)."""

    def __init__(
        self,
        camera: FrameSource,
        listener: DocumentCaptureListener,
        post: Post,
        settings: QualitySettings | None = None,
    ) -> None:
        super().__init__("document-capture")
        self._camera = camera
        self._listener = listener
        self._post = post
        self._settings = settings or QualitySettings()

    def take(self) -> TakenPage | None:
        """拍摄: the page in the newest frame (worker thread); None without frame or page."""
        frame = self._camera.latest_frame()
        return take_page(frame.image, self._settings) if frame is not None else None

    def _post_if_running(self, call: Callable[[], None]) -> None:
        if not self._stopping.is_set():
            self._post(call)

    def _run(self) -> None:
        listener = self._listener
        last_index, last_frame_at = 0, time.monotonic()
        while not self._stopping.is_set():
            started = time.monotonic()
            frame = self._camera.wait_frame(last_index, DOCUMENT_FRAME_WAIT_S)
            if frame is None:
                if started - last_frame_at > DOCUMENT_NO_FRAME_LIMIT_S:
                    log.warning("document camera gave no frame for %.0f s",
                                DOCUMENT_NO_FRAME_LIMIT_S)
                    self._post_if_running(listener.failed)
                    return
                continue
            last_index, last_frame_at = frame.index, started
            corners = find_page(frame.image)
            if self._stopping.is_set():
                return
            listener.preview(frame.image, corners)
            guidance = live_guidance(frame.image, corners, self._settings)
            self._post_if_running(partial(listener.guidance, guidance))
            self._stopping.wait(
                max(0.0, DOCUMENT_FRAME_INTERVAL_S - (time.monotonic() - started))
            )
