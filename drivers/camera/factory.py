"""Builds the camera from ``[devices.camera]``: ``opencv`` (hardware, file or URL) or
``simulated`` (the real driver reading a :class:`CameraEmulator`)."""

from __future__ import annotations

from drivers.camera.capture import Camera
from drivers.camera.emulator import CameraEmulator
from drivers.camera.types import CameraSettings
from drivers.config import ConfigError, DeviceConfig
from drivers.manager import BuiltDevice


def settings_from(config: DeviceConfig) -> CameraSettings:
    """The typed camera settings in ``config``."""
    return CameraSettings(
        source=config.str_option("source", "0"),
        width=config.int_option("width", 1280),
        height=config.int_option("height", 720),
    )


def build(config: DeviceConfig) -> BuiltDevice:
    """The camera for ``config.driver``; the simulated one comes with its simulator."""
    settings = settings_from(config)
    if config.driver == "opencv":
        return BuiltDevice(Camera(settings))
    if config.driver == "simulated":
        simulator = CameraEmulator(
            source=config.str_option("fixture", "blank"), fps=config.float_option("fps", 15.0)
        )
        return BuiltDevice(Camera(settings, opener=simulator.capture), simulator)
    raise ConfigError(f"devices.camera.driver: expected opencv or simulated, got {config.driver!r}")
