"""Face capture in a worker thread: preview frames at about 15 fps, a face-quality verdict per
frame, and the accepted face as an in-memory JPEG.

The loop reads the camera's newest frame, scales a preview copy into the
:class:`~ui.bridge.images.CameraFrameProvider`, checks the frame with
``drivers.camera.face.FaceCapturer`` and reports guidance; after a few consecutive good
frames it hands the JPEG to ``captured`` and stops. All callbacks are posted to the GUI
thread through :class:`kiosk.workers.Workers`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtGui import QImage

from drivers.camera.face import FaceCapturer
from drivers.camera.types import FrameSource, Image
from kiosk.workers import Workers
from ui.bridge.images import CameraFrameProvider

log = logging.getLogger(__name__)

FRAME_INTERVAL_S = 1 / 15
PREVIEW_WIDTH = 640
GOOD_FRAMES_NEEDED = 3
FRAME_WAIT_S = 0.5
MAX_MISSING_FRAMES_S = 5.0


def preview_image(image: Image) -> QImage:
    """A ``PREVIEW_WIDTH``-wide RGB copy of a BGR frame, owned by the QImage."""
    height, width = image.shape[:2]
    scaled_h = max(1, round(height * PREVIEW_WIDTH / width))
    small = cv2.resize(image, (PREVIEW_WIDTH, scaled_h), interpolation=cv2.INTER_AREA)
    rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    return QImage(rgb.data, PREVIEW_WIDTH, scaled_h, 3 * PREVIEW_WIDTH,
                  QImage.Format.Format_RGB888).copy()


class FaceCaptureLoop:
    """One face-capture run; :meth:`stop` ends it (idempotent) and drops the preview."""

    def __init__(
        self,
        camera: FrameSource,
        frames: CameraFrameProvider,
        workers: Workers,
        guidance: Callable[[str], None],
        frame: Callable[[], None],
        captured: Callable[[bytes], None],
        failed: Callable[[], None],
    ) -> None:
        self._camera = camera
        self._frames = frames
        self._workers = workers
        self._guidance = guidance
        self._frame = frame
        self._captured = captured
        self._failed = failed
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="face-capture", daemon=True)

    def start(self) -> None:
        """Start capturing."""
        self._thread.start()

    def stop(self) -> None:
        """Stop capturing and drop the preview frame."""
        self._stopping.set()
        self._frames.clear()

    def _post_guidance(self, verdict: str) -> None:
        self._workers.post(lambda: self._guidance(verdict))

    def _post_captured(self, jpeg: bytes) -> None:
        self._workers.post(lambda: self._captured(jpeg))

    def _run(self) -> None:
        try:
            capturer = FaceCapturer()
        except RuntimeError:
            log.exception("face capture unavailable")
            self._workers.post(self._failed)
            return
        last_index, good, last_frame_at = 0, 0, time.monotonic()
        while not self._stopping.is_set():
            started = time.monotonic()
            frame = self._camera.wait_frame(last_index, FRAME_WAIT_S)
            if frame is None:
                if started - last_frame_at > MAX_MISSING_FRAMES_S:
                    self._workers.post(self._failed)
                    return
                continue
            last_index, last_frame_at = frame.index, started
            self._frames.set_frame(preview_image(frame.image))
            result = capturer.capture(frame.image)
            verdict = str(result.check.guidance.value)
            if self._stopping.is_set():
                return
            self._workers.post(self._frame)
            self._post_guidance(verdict)
            good = good + 1 if result.jpeg is not None else 0
            if result.jpeg is not None and good >= GOOD_FRAMES_NEEDED:
                self._post_captured(result.jpeg)
                return
            self._stopping.wait(max(0.0, FRAME_INTERVAL_S - (time.monotonic() - started)))
