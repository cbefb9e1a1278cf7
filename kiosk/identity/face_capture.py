"""Face capture policy: camera frames in, guidance out, one accepted face at the end.

A :class:`FaceCaptureRun` reads the camera's newest frame in its own thread, shows it to the
listener's ``preview`` (the UI's live view, called on the capture thread), checks it with
``drivers.camera.face.FaceCapturer`` and reports the verdict; after
:data:`GOOD_FRAMES_NEEDED` consecutive good frames it hands the face JPEG to ``captured`` and
stops (the JPEG's one ``bytearray``, handed on, never copied; a good face not handed on is
zeroed). When the camera delivers no frame for ``FACE_NO_FRAME_LIMIT_S`` it reports ``failed``.
Guidance, capture and failure go through ``post`` (the app's GUI-thread marshaller), so a
listener never runs them on the capture thread. The policy lives here, not in the UI: the UI
only draws frames and words.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from drivers.camera.face import FaceCapturer, FaceGuidance
from drivers.camera.types import FrameSource, Image
from kiosk.camera_run import CameraRun
from kiosk.flow.timeouts import FACE_FRAME_INTERVAL_S, FACE_FRAME_WAIT_S, FACE_NO_FRAME_LIMIT_S

log = logging.getLogger(__name__)

GOOD_FRAMES_NEEDED = 3
"""Consecutive good frames before a face is accepted (one good frame can be a blink away)."""

Post = Callable[[Callable[[], None]], None]


@dataclass(frozen=True)
class FaceCaptureListener:
    """Who hears of a capture run: ``preview`` on the capture thread, the rest posted."""

    preview: Callable[[Image], None]
    guidance: Callable[[FaceGuidance], None]
    captured: Callable[[bytearray], None]
    failed: Callable[[], None]


class FaceCaptureRun(CameraRun):
    """One face-capture run; :meth:`stop` ends it (idempotent)."""

    def __init__(
        self,
        camera: FrameSource,
        listener: FaceCaptureListener,
        post: Post,
        capturer: Callable[[], FaceCapturer] = FaceCapturer,
    ) -> None:
        super().__init__("face-capture")
        self._camera = camera
        self._listener = listener
        self._post = post
        self._capturer = capturer

    def _post_if_running(self, call: Callable[[], None]) -> None:
        if not self._stopping.is_set():
            self._post(call)

    def _run(self) -> None:
        listener = self._listener
        try:
            capturer = self._capturer()
        except RuntimeError:
            log.exception("face capture unavailable")
            self._post_if_running(listener.failed)
            return
        last_index, good, last_frame_at = 0, 0, time.monotonic()
        while not self._stopping.is_set():
            started = time.monotonic()
            frame = self._camera.wait_frame(last_index, FACE_FRAME_WAIT_S)
            if frame is None:
                if started - last_frame_at > FACE_NO_FRAME_LIMIT_S:
                    self._post_if_running(listener.failed)
                    return
                continue
            last_index, last_frame_at = frame.index, started
            if self._stopping.is_set():
                return
            listener.preview(frame.image)
            result = capturer.capture(frame.image)
            self._post_if_running(partial(listener.guidance, result.check.guidance))
            good = good + 1 if result.jpeg is not None else 0
            wanted = good >= GOOD_FRAMES_NEEDED and not self._stopping.is_set()
            if result.jpeg is not None and wanted:
                self._post(partial(listener.captured, result.jpeg))
                return
            if result.jpeg is not None:
                result.jpeg[:] = bytes(len(result.jpeg))  # a good frame not used: zeroed
            self._stopping.wait(max(0.0, FACE_FRAME_INTERVAL_S - (time.monotonic() - started)))
