"""Document capture policy: live guidance from the page found, 拍摄 with quality issues, and
the live run over a simulated document camera."""

from __future__ import annotations

import threading
from collections.abc import Callable

import cv2
import numpy as np

from drivers.base import DeviceState, DeviceStatus
from drivers.camera.document import find_page
from drivers.camera.quality import QualitySettings
from drivers.camera.quality_issue import QualityIssue
from drivers.camera.types import Frame, Image
from kiosk.materials.capture_run import (
    OK,
    DocumentCaptureListener,
    DocumentCaptureRun,
    live_guidance,
    take_page,
)
from tests.drivers.camera.helpers import fixture


def test_the_document_fixture_is_in_view_and_taken_without_issue() -> None:
    frame = fixture("document")
    assert live_guidance(frame, find_page(frame), QualitySettings()) == OK
    page = take_page(frame)
    assert page is not None and page.issues == ()
    assert bytes(page.jpeg[:2]) == b"\xff\xd8", "the corrected page is a JPEG"


def test_a_blank_frame_has_no_page_to_take() -> None:
    frame = fixture("blank")
    assert live_guidance(frame, find_page(frame), QualitySettings()) == "no_page"
    assert take_page(frame) is None


def test_a_blurred_page_is_taken_with_the_advice_to_retake() -> None:
    page = take_page(cv2.GaussianBlur(fixture("document"), (0, 0), 3))
    assert page is not None and QualityIssue.BLURRED in page.issues


def test_a_page_at_the_frame_edge_is_cut_off() -> None:
    frame = fixture("document")
    corners = find_page(frame)
    assert corners is not None
    (_, y), *rest = corners
    at_edge = ((0.0, y), *rest)
    assert live_guidance(frame, at_edge, QualitySettings()) == "cut_off"


class _OneFrameCamera:
    """Gives one frame, then none (as a camera that stopped)."""

    def __init__(self, image: Image) -> None:
        self._frame = Frame(image, 1, 0.0)

    @property
    def status(self) -> DeviceStatus:
        return DeviceStatus(DeviceState.ONLINE)

    def latest_frame(self) -> Frame | None:
        return self._frame

    def wait_frame(self, after: int, timeout: float) -> Frame | None:
        if after < 1:
            return self._frame
        threading.Event().wait(min(timeout, 0.01))
        return None


def test_the_live_run_outlines_the_page_and_says_it_is_in_view() -> None:
    shown: list[bool] = []
    said: list[str] = []
    posted = threading.Event()

    def post(call: Callable[[], None]) -> None:
        call()
        posted.set()

    listener = DocumentCaptureListener(
        preview=lambda _image, corners: shown.append(corners is not None),
        guidance=said.append,
        failed=lambda: None,
    )
    run = DocumentCaptureRun(_OneFrameCamera(fixture("document")), listener, post)
    run.start()
    assert posted.wait(5.0)
    run.stop()
    assert run.join(5.0)
    assert shown == [True] and said == [OK]
    taken = run.take()
    assert taken is not None and taken.issues == ()


def test_a_run_without_frames_takes_nothing() -> None:
    class NoFrames(_OneFrameCamera):
        def latest_frame(self) -> Frame | None:
            return None

    run = DocumentCaptureRun(NoFrames(np.zeros((4, 4, 3), np.uint8)),
                             DocumentCaptureListener(lambda *_: None, lambda _: None,
                                                     lambda: None),
                             lambda call: None)
    assert run.take() is None
