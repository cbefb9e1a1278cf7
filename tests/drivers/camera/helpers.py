"""Fixture frames and a simulated camera wired to the real driver, for camera tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import cv2
import numpy as np

from drivers.base import DeviceState
from drivers.camera.capture import Camera
from drivers.camera.emulator import FIXTURE_DIR, CameraEmulator
from drivers.camera.types import CameraSettings, CameraTimings, Image

FAST = CameraTimings(frozen_timeout_s=0.3, watchdog_interval_s=0.03, read_retry_s=0.01)
WAIT_S = 3.0


def fixture(name: str) -> Image:
    """A fixture image from assets/sim/camera, as BGR."""
    matches = sorted(FIXTURE_DIR.glob(f"{name}.*"))
    image = cv2.imread(str(matches[0]), cv2.IMREAD_COLOR)
    assert image is not None
    return np.asarray(image, np.uint8)


def wait_until_state(camera: Camera, state: DeviceState, timeout: float = WAIT_S) -> bool:
    """Poll the camera's status until it reaches ``state``; False on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if camera.status.state is state:
            return True
        time.sleep(0.01)
    return False


@dataclass
class SimRig:
    simulator: CameraEmulator
    camera: Camera


@contextmanager
def simulated_camera(source: str = "blank", fps: float = 100.0) -> Iterator[SimRig]:
    """The real Camera driver reading a fast simulator; open, closed afterwards."""
    simulator = CameraEmulator(source, fps=fps)
    camera = Camera(CameraSettings("sim", 1280, 720), simulator.capture, FAST)
    camera.open()
    try:
        yield SimRig(simulator, camera)
    finally:
        camera.close()
        simulator.stop()
