"""Face capture: detection and guidance on the fixtures and variants, JPEG in memory only."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from drivers.camera.emulator import fit
from drivers.camera.face import FaceCapturer, FaceGuidance

from .helpers import fixture


@pytest.fixture(scope="module")
def capturer() -> FaceCapturer:
    return FaceCapturer()


def test_face_fixture_has_one_face_and_is_ok(capturer: FaceCapturer) -> None:
    check = capturer.check(fixture("face"))
    assert len(check.faces) == 1
    assert check.guidance is FaceGuidance.OK


def test_face_in_a_letterboxed_720p_frame_is_ok(capturer: FaceCapturer) -> None:
    assert capturer.check(fit(fixture("face"), 1280, 720)).guidance is FaceGuidance.OK


def test_accepted_face_is_a_jpeg_crop_in_memory(
    capturer: FaceCapturer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_disk(*_: object) -> bool:
        raise AssertionError("face capture must not write files")

    monkeypatch.setattr(cv2, "imwrite", no_disk)
    result = capturer.capture(fixture("face"))
    assert result.jpeg is not None
    assert result.jpeg[:2] == b"\xff\xd8"
    decoded = cv2.imdecode(np.frombuffer(result.jpeg, np.uint8), cv2.IMREAD_COLOR)
    _, _, w, h = result.check.faces[0]
    assert w <= decoded.shape[1] <= 2 * w + 2
    assert h <= decoded.shape[0] <= 2 * h + 2


@pytest.mark.parametrize("name", ["document", "blank", "qr_large"])
def test_frames_without_a_face_are_rejected_as_no_face(capturer: FaceCapturer, name: str) -> None:
    result = capturer.capture(fixture(name))
    assert result.check.guidance is FaceGuidance.NO_FACE
    assert result.jpeg is None


def test_dark_frame_asks_for_light(capturer: FaceCapturer) -> None:
    dark = (fixture("face") * 0.15).astype(np.uint8)
    assert capturer.check(dark).guidance is FaceGuidance.TOO_DARK


def test_dim_face_that_is_still_detected_asks_for_light(capturer: FaceCapturer) -> None:
    dim = (fixture("face") * 0.4).astype(np.uint8)
    check = capturer.check(dim)
    assert len(check.faces) == 1
    assert check.guidance is FaceGuidance.TOO_DARK


def test_overexposed_frame_is_too_bright(capturer: FaceCapturer) -> None:
    bright = cv2.convertScaleAbs(fixture("face"), alpha=1.0, beta=150)
    assert capturer.check(bright).guidance is FaceGuidance.TOO_BRIGHT


def test_blurred_face_asks_to_hold_still(capturer: FaceCapturer) -> None:
    blurred = cv2.GaussianBlur(fixture("face"), (0, 0), 4)
    check = capturer.check(blurred)
    assert len(check.faces) == 1
    assert check.guidance is FaceGuidance.HOLD_STILL


def test_two_faces_are_refused(capturer: FaceCapturer) -> None:
    face = fixture("face")
    assert capturer.check(np.hstack([face, face])).guidance is FaceGuidance.MULTIPLE_FACES


def test_small_face_asks_to_move_closer(capturer: FaceCapturer) -> None:
    face = fixture("face")
    frame = np.full((1024, 1024, 3), 128, np.uint8)
    frame[100:612, 256:768] = face
    assert capturer.check(frame).guidance is FaceGuidance.MOVE_CLOSER


def test_face_filling_the_frame_asks_to_move_back(capturer: FaceCapturer) -> None:
    close_up = fixture("face")[50:180, 150:300]
    check = capturer.check(close_up)
    assert len(check.faces) == 1
    assert check.guidance is FaceGuidance.MOVE_BACK


def test_face_at_the_edge_asks_to_center(capturer: FaceCapturer) -> None:
    face = fixture("face")
    frame = np.full((512, 1024, 3), 128, np.uint8)
    frame[:, 512:] = face
    assert capturer.check(frame).guidance is FaceGuidance.CENTER_FACE
