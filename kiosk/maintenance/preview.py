"""The maintenance camera preview: a camera's newest frames, each with its overlay.

A :class:`PreviewRun` reads one camera in its own thread, finds the faces, QR codes and page
in each frame (:class:`~kiosk.maintenance.overlay.OverlayDetector`) and hands frame and
overlay to ``show`` on that thread (the UI scales the frame there and posts the overlay to
the GUI thread). A camera that stops delivering is reported once through ``show_missing``;
the run keeps waiting, so a camera plugged back in shows again. Detection never runs on the
GUI thread, and a frame is dropped rather than queued when detection is slower than the
camera.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from drivers.camera.types import FrameSource, Image
from kiosk.camera_run import CameraRun
from kiosk.flow.timeouts import PREVIEW_FRAME_WAIT_S, PREVIEW_INTERVAL_S, PREVIEW_NO_FRAME_LIMIT_S
from kiosk.maintenance.overlay import OverlayDetector
from kiosk.maintenance.overlay_shapes import Overlay

log = logging.getLogger(__name__)

Show = Callable[[Image, Overlay], None]


class PreviewRun(CameraRun):
    """One camera's preview; :meth:`stop` ends it (idempotent)."""

    def __init__(
        self,
        camera: FrameSource,
        show: Show,
        show_missing: Callable[[], None],
        detector: Callable[[], OverlayDetector] = OverlayDetector,
    ) -> None:
        super().__init__("maintenance-preview")
        self._camera = camera
        self._show = show
        self._show_missing = show_missing
        self._detector = detector

    def _run(self) -> None:
        try:
            detector = self._detector()
        except RuntimeError:
            log.exception("preview detection unavailable")
            self._show_missing()
            return
        last_index, last_frame_at, missing = 0, time.monotonic(), False
        while not self._stopping.is_set():
            started = time.monotonic()
            frame = self._camera.wait_frame(last_index, PREVIEW_FRAME_WAIT_S)
            if frame is None:
                if not missing and started - last_frame_at > PREVIEW_NO_FRAME_LIMIT_S:
                    missing = True
                    self._show_missing()
                continue
            last_index, last_frame_at, missing = frame.index, started, False
            overlay = detector.detect(frame.image)
            if self._stopping.is_set():
                return
            self._show(frame.image, overlay)
            self._stopping.wait(max(0.0, PREVIEW_INTERVAL_S - (time.monotonic() - started)))
