"""Face capture policy: consecutive good frames before a face is accepted, guidance per frame,
failure when the camera stops delivering, and nothing posted after stop."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from drivers.base import DeviceState, DeviceStatus
from drivers.camera.face import FaceCapture, FaceCapturer, FaceGuidance
from drivers.camera.types import Frame, Image
from kiosk.identity import face_capture
from kiosk.identity.face_capture import GOOD_FRAMES_NEEDED, FaceCaptureListener, FaceCaptureRun

FACE = Path(__file__).resolve().parents[3] / "assets" / "sim" / "camera" / "face.png"


class ScriptedCamera:
    """A FrameSource that hands out its images in order, then nothing."""

    def __init__(self, images: list[Image]) -> None:
        self._images = images
        self.status = DeviceStatus(DeviceState.ONLINE)

    def latest_frame(self) -> Frame | None:
        return None

    def wait_frame(self, after: int, timeout: float) -> Frame | None:
        if after < len(self._images):
            return Frame(self._images[after], after + 1, 0.0)
        threading.Event().wait(min(timeout, 0.01))
        return None


class Recorder:
    """Collects what the run posts, running each posted call at once."""

    def __init__(self) -> None:
        self.previews = 0
        self.guidance: list[FaceGuidance] = []
        self.captured: list[bytes] = []
        self.failed = 0
        self.done = threading.Event()

    def listener(self) -> FaceCaptureListener:
        def captured(jpeg: bytes) -> None:
            self.captured.append(jpeg)
            self.done.set()

        def failed() -> None:
            self.failed += 1
            self.done.set()

        return FaceCaptureListener(self._preview, self.guidance.append, captured, failed)

    def _preview(self, _: Image) -> None:
        self.previews += 1

    @staticmethod
    def post(call: Callable[[], None]) -> None:
        call()


def _face() -> Image:
    image = cv2.imread(str(FACE), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def _blank() -> Image:
    return np.full((480, 640, 3), 128, dtype=np.uint8)


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(face_capture, "FACE_FRAME_INTERVAL_S", 0.0)
    monkeypatch.setattr(face_capture, "FACE_FRAME_WAIT_S", 0.01)
    monkeypatch.setattr(face_capture, "FACE_NO_FRAME_LIMIT_S", 0.2)


def test_a_face_is_accepted_after_consecutive_good_frames_only() -> None:
    recorder = Recorder()
    frames = [_face(), _blank(), *[_face()] * GOOD_FRAMES_NEEDED]
    run = FaceCaptureRun(ScriptedCamera(frames), recorder.listener(), recorder.post)
    run.start()
    assert recorder.done.wait(10)
    assert run.join(5)
    assert len(recorder.captured) == 1
    assert recorder.captured[0][:2] == b"\xff\xd8"
    assert recorder.previews == len(frames)
    assert recorder.guidance[0] == FaceGuidance.OK
    assert recorder.guidance[1] == FaceGuidance.NO_FACE
    assert recorder.guidance[-1] == FaceGuidance.OK


def test_a_camera_that_stops_delivering_fails_the_capture() -> None:
    recorder = Recorder()
    run = FaceCaptureRun(ScriptedCamera([_blank()]), recorder.listener(), recorder.post)
    run.start()
    assert recorder.done.wait(10)
    assert run.join(5)
    assert recorder.failed == 1
    assert recorder.captured == []


def test_nothing_is_posted_after_stop() -> None:
    recorder = Recorder()
    posted: list[Callable[[], None]] = []
    run = FaceCaptureRun(ScriptedCamera([_blank()] * 1000), recorder.listener(), posted.append)
    run.start()
    run.stop()
    assert run.join(5)
    count = len(posted)
    threading.Event().wait(0.05)
    assert len(posted) == count
    assert recorder.captured == [] and recorder.failed == 0


def test_a_good_face_captured_as_the_run_stops_is_zeroed_not_posted() -> None:
    recorder = Recorder()
    jpegs: list[bytearray] = []
    run: FaceCaptureRun

    class StoppedMidCapture(FaceCapturer):
        """The flow leaves face capture while the last good frame is being encoded."""

        def capture(self, image: Image) -> FaceCapture:
            result = super().capture(image)
            if result.jpeg is not None:
                jpegs.append(result.jpeg)
                if len(jpegs) == GOOD_FRAMES_NEEDED:
                    run.stop()
            return result

    frames = [_face()] * GOOD_FRAMES_NEEDED
    run = FaceCaptureRun(ScriptedCamera(frames), recorder.listener(), recorder.post,
                         capturer=StoppedMidCapture)
    run.start()
    assert run.join(10)
    assert recorder.captured == []
    assert len(jpegs) == GOOD_FRAMES_NEEDED and not any(any(jpeg) for jpeg in jpegs)


def test_a_missing_face_detector_fails_the_capture() -> None:
    recorder = Recorder()

    def broken() -> face_capture.FaceCapturer:
        raise RuntimeError("no cascade")

    run = FaceCaptureRun(ScriptedCamera([]), recorder.listener(), recorder.post, capturer=broken)
    run.start()
    assert recorder.done.wait(5)
    assert recorder.failed == 1
