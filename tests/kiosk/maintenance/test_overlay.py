"""The preview overlay finds a face, a QR code (outline and text) and a page in the camera
simulators' scenes, and the preview run hands each frame on with its overlay."""

from __future__ import annotations

import json
import threading

import pytest

from drivers.camera.emulator import FIXTURE_DIR, fit
from drivers.camera.types import Image
from kiosk.maintenance.overlay import OverlayDetector
from kiosk.maintenance.overlay_shapes import Overlay, ShapeKind
from kiosk.maintenance.preview import PreviewRun
from tests.drivers.camera.helpers import fixture, simulated_camera

QR_TEXTS: dict[str, str] = json.loads((FIXTURE_DIR / "qr_codes.json").read_text("utf-8"))


def _scene(name: str) -> Image:
    """The fixture as the simulated camera delivers it (letterboxed to 1280×720)."""
    return fit(fixture(name), 1280, 720)


def _inside(overlay: Overlay) -> bool:
    return all(0 <= x <= 1 and 0 <= y <= 1 for s in overlay.shapes for x, y in s.points)


def test_the_face_scene_shows_one_face_box() -> None:
    overlay = OverlayDetector().detect(_scene("face"))
    [face] = overlay.of_kind(ShapeKind.FACE)
    assert len(face.points) == 4
    (left, top), (right, _), (_, bottom) = face.points[0], face.points[1], face.points[2]
    assert 0.3 < (left + right) / 2 < 0.7 and top < bottom
    assert overlay.of_kind(ShapeKind.QR) == ()
    assert (overlay.width, overlay.height) == (1280, 720) and _inside(overlay)


@pytest.mark.parametrize("name", sorted(QR_TEXTS))
def test_a_qr_scene_shows_the_code_outline_and_its_text(name: str) -> None:
    overlay = OverlayDetector().detect(_scene(name))
    [code] = overlay.of_kind(ShapeKind.QR)
    assert code.label == QR_TEXTS[name]
    assert len(code.points) == 4 and _inside(overlay)
    assert overlay.of_kind(ShapeKind.FACE) == ()


def test_the_document_scene_shows_the_page_outline() -> None:
    overlay = OverlayDetector().detect(fit(fixture("document"), 1920, 1080))
    [page] = overlay.of_kind(ShapeKind.PAGE)
    xs = [x for x, _ in page.points]
    assert len(page.points) == 4 and max(xs) - min(xs) > 0.2
    assert overlay.of_kind(ShapeKind.FACE) == ()


def test_a_blank_scene_shows_nothing() -> None:
    assert OverlayDetector().detect(_scene("blank")).shapes == ()


def test_the_preview_run_hands_on_frames_with_their_overlay_off_its_caller() -> None:
    shown: list[tuple[tuple[int, ...], Overlay, str]] = []
    arrived = threading.Event()

    def show(image: Image, overlay: Overlay) -> None:
        shown.append((image.shape, overlay, threading.current_thread().name))
        arrived.set()

    with simulated_camera("face", fps=30.0) as rig:
        run = PreviewRun(rig.camera, show, lambda: None)
        run.start()
        assert arrived.wait(20.0)
        run.stop()
        assert run.join(5.0)
    shape, overlay, thread = shown[0]
    assert shape == (720, 1280, 3)
    assert len(overlay.of_kind(ShapeKind.FACE)) == 1
    assert thread == "maintenance-preview"


def test_a_camera_that_delivers_nothing_is_reported_once() -> None:
    missing = threading.Event()
    calls: list[str] = []

    def show_missing() -> None:
        calls.append("missing")
        missing.set()

    with simulated_camera("face", fps=30.0) as rig:
        rig.simulator.inject_fault("frozen")
        run = PreviewRun(rig.camera, lambda _i, _o: None, show_missing)
        run.start()
        assert missing.wait(20.0)
        run.stop()
        assert run.join(5.0)
    assert calls == ["missing"]
