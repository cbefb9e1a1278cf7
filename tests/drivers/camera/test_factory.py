"""The camera factory: simulated camera is the real driver on the simulator; config errors."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass
from drivers.camera.capture import Camera
from drivers.camera.emulator import CameraEmulator
from drivers.camera.factory import build
from drivers.config import ConfigError, DeviceConfig


def test_simulated_camera_serves_the_configured_fixture_through_the_driver() -> None:
    built = build(DeviceConfig(DeviceClass.CAMERA, "simulated", {"fixture": "face", "fps": 50}))
    assert isinstance(built.device, Camera)
    assert isinstance(built.simulator, CameraEmulator)
    assert built.simulator.shown == "face"
    built.device.open()
    try:
        frame = built.device.wait_frame(0, 3.0)
        assert frame is not None
        assert frame.image.shape == (720, 1280, 3)
    finally:
        built.device.close()
        built.simulator.stop()


def test_opencv_camera_uses_the_configured_source() -> None:
    built = build(DeviceConfig(DeviceClass.CAMERA, "opencv", {"source": "/dev/video7"}))
    assert isinstance(built.device, Camera)
    assert built.device.settings.source == "/dev/video7"
    assert built.simulator is None


def test_unknown_driver_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="driver"):
        build(DeviceConfig(DeviceClass.CAMERA, "v4l2"))
