"""Camera scanning: zxing-cpp on the QR fixtures, through the simulated camera, with repeats."""

from __future__ import annotations

import json
import queue
import time
from collections.abc import Iterator

import cv2
import pytest

from drivers.base import DeviceError, DeviceEvent, DeviceState, StatusChanged
from drivers.camera.capture import Camera
from drivers.camera.emulator import FIXTURE_DIR, CameraEmulator
from drivers.camera.types import CameraSettings, CameraTimings
from drivers.scanner.camera_scan import CameraScanner, decode_frame
from drivers.scanner.types import Scanned

from .helpers import FAST

QR_TEXTS: dict[str, str] = json.loads((FIXTURE_DIR / "qr_codes.json").read_text("utf-8"))
CAMERA_FAST = CameraTimings(frozen_timeout_s=0.3, watchdog_interval_s=0.03, read_retry_s=0.01)


@pytest.mark.parametrize("name", sorted(QR_TEXTS))
def test_each_qr_fixture_decodes_to_its_text(name: str) -> None:
    image = cv2.imread(str(FIXTURE_DIR / f"{name}.jpg"), cv2.IMREAD_COLOR)
    assert decode_frame(image) == [QR_TEXTS[name]]


def test_frame_without_a_code_decodes_to_nothing() -> None:
    assert decode_frame(cv2.imread(str(FIXTURE_DIR / "face.png"))) == []


class CameraScanRig:
    def __init__(self, repeat_window_s: float) -> None:
        self.simulator = CameraEmulator("blank", fps=60)
        self.camera = Camera(CameraSettings("sim"), self.simulator.capture, CAMERA_FAST)
        self.scanner = CameraScanner(self.camera, repeat_window_s, timings=FAST)
        self.events: queue.Queue[DeviceEvent] = queue.Queue()
        self.scanner.events.subscribe(self.events.put)
        self.camera.open()
        self.scanner.open()

    def texts_within(self, seconds: float) -> list[str]:
        deadline = time.monotonic() + seconds
        texts: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                break
            if isinstance(event, Scanned):
                texts.append(event.text)
        return texts

    def wait_state(self, state: DeviceState, timeout: float = 3.0) -> None:
        while True:
            event = self.events.get(timeout=timeout)
            if isinstance(event, StatusChanged) and event.status.state is state:
                return

    def close(self) -> None:
        self.scanner.close()
        self.camera.close()
        self.simulator.stop()


@pytest.fixture
def rig() -> Iterator[CameraScanRig]:
    made = CameraScanRig(repeat_window_s=0.15)
    yield made
    made.close()


def test_code_held_in_view_is_reported_once_though_decoded_every_frame(
    rig: CameraScanRig,
) -> None:
    rig.simulator.show("qr_medium")
    assert rig.texts_within(0.6) == [QR_TEXTS["qr_medium"]]


def test_code_shown_again_after_leaving_view_for_the_window_is_reported_again(
    rig: CameraScanRig,
) -> None:
    rig.simulator.show("qr_medium")
    assert rig.texts_within(0.3) == [QR_TEXTS["qr_medium"]]
    rig.simulator.show("blank")
    time.sleep(0.25)
    rig.simulator.show("qr_medium")
    assert rig.texts_within(0.3) == [QR_TEXTS["qr_medium"]]


def test_a_new_code_is_reported_when_shown(rig: CameraScanRig) -> None:
    rig.simulator.show("qr_small")
    assert rig.texts_within(0.4) == [QR_TEXTS["qr_small"]]
    rig.simulator.show("qr_large")
    assert rig.texts_within(0.4) == [QR_TEXTS["qr_large"]]


def test_stop_scan_pauses_decoding(rig: CameraScanRig) -> None:
    rig.scanner.stop_scan()
    rig.simulator.show("qr_small")
    assert rig.texts_within(0.2) == []
    rig.scanner.start_scan()
    assert rig.texts_within(0.4) == [QR_TEXTS["qr_small"]]


def test_scanner_follows_the_camera_offline(rig: CameraScanRig) -> None:
    rig.wait_state(DeviceState.ONLINE)
    rig.simulator.inject_fault("frozen")
    rig.wait_state(DeviceState.OFFLINE)
    assert "camera offline" in rig.scanner.status.detail


def test_camera_scanner_without_a_camera_is_no_device() -> None:
    scanner = CameraScanner(None)
    with pytest.raises(DeviceError, match="needs the camera"):
        scanner.open()
    assert scanner.status.state is DeviceState.NO_DEVICE
