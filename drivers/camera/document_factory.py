"""Builds the document camera (高拍仪, an overhead UVC camera pointed at the desk) from
``[devices.document_camera]``: the camera driver and simulator on a device of its own, with
its own source and resolution, and no face logic (pages are found by ``document.py``).

``opencv`` reads the hardware; ``simulated`` serves a fixture (the sample page by default).
"""

from __future__ import annotations

from drivers.base import DeviceClass
from drivers.camera.capture import Camera
from drivers.camera.emulator import CameraEmulator
from drivers.camera.types import CameraSettings
from drivers.config import ConfigError, DeviceConfig
from drivers.manager import SIMULATED_DRIVER, BuiltDevice


def settings_from(config: DeviceConfig) -> CameraSettings:
    """The document camera's settings: a second UVC device, at document resolution."""
    return CameraSettings(
        source=config.str_option("source", "1"),
        width=config.int_option("width", 1920),
        height=config.int_option("height", 1080),
    )


def build(config: DeviceConfig) -> BuiltDevice:
    """The document camera for ``config.driver``; the simulated one comes with its simulator."""
    settings = settings_from(config)
    if config.driver == "opencv":
        return BuiltDevice(Camera(settings, device_class=DeviceClass.DOCUMENT_CAMERA))
    if config.driver == SIMULATED_DRIVER:
        simulator = CameraEmulator(
            source=config.str_option("fixture", "document"), fps=config.float_option("fps", 5.0)
        )
        camera = Camera(
            settings, opener=simulator.capture, device_class=DeviceClass.DOCUMENT_CAMERA
        )
        return BuiltDevice(camera, simulator)
    raise ConfigError(
        f"devices.document_camera.driver: expected opencv or {SIMULATED_DRIVER}, "
        f"got {config.driver!r}"
    )
