"""The document camera: the camera driver and simulator as a device class of its own."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass
from drivers.camera.capture import Camera
from drivers.camera.document import DocumentOutcome, capture_document
from drivers.camera.document_factory import build
from drivers.camera.emulator import CameraEmulator
from drivers.config import ConfigError, DeviceConfig
from drivers.manager import load_factory


def test_simulated_document_camera_shows_the_sample_page_and_finds_it() -> None:
    config = DeviceConfig(DeviceClass.DOCUMENT_CAMERA, "simulated", {"fps": 50.0})
    built = build(config)
    assert isinstance(built.device, Camera) and isinstance(built.simulator, CameraEmulator)
    assert built.device.device_class is DeviceClass.DOCUMENT_CAMERA
    assert built.simulator.shown == "document"
    built.device.open()
    try:
        frame = built.device.wait_frame(0, 3.0)
        assert frame is not None
        assert frame.image.shape == (1080, 1920, 3)
        assert capture_document(frame.image).outcome is DocumentOutcome.FOUND
    finally:
        built.device.close()
        built.simulator.stop()


def test_opencv_document_camera_has_its_own_source_and_resolution() -> None:
    options = {"source": "/dev/video2", "width": 2592, "height": 1944}
    built = build(DeviceConfig(DeviceClass.DOCUMENT_CAMERA, "opencv", options))
    assert isinstance(built.device, Camera) and built.simulator is None
    assert built.device.device_class is DeviceClass.DOCUMENT_CAMERA
    assert (built.device.settings.source, built.device.settings.width) == ("/dev/video2", 2592)
    assert load_factory(DeviceClass.DOCUMENT_CAMERA) is build
    with pytest.raises(ConfigError, match=r"document_camera\.driver"):
        build(DeviceConfig(DeviceClass.DOCUMENT_CAMERA, "v4l2"))
