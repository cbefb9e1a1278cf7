"""Builds the QR scanner from ``[devices.qr_scanner]``: ``serial``, ``camera`` or ``simulated``.

Hook for camera scanning: the ``camera`` driver decodes the camera device's frames, so it
must be given that device. ``DeviceManager`` calls ``build(config)`` with the config alone;
the app wiring (``entry/devices.py``) passes the camera through ``factory_for``, e.g.::

    def factory_for(device_class):
        if device_class is DeviceClass.QR_SCANNER:
            return lambda config: scanner_factory.build(config, frames=camera)
        return load_factory(device_class)

Without a frame source the ``camera`` scanner stays ``no_device`` with a message saying so.
"""

from __future__ import annotations

from drivers.camera.types import FrameSource
from drivers.config import ConfigError, DeviceConfig
from drivers.manager import BuiltDevice
from drivers.scanner.camera_scan import CameraScanner
from drivers.scanner.emulator import ScannerEmulator
from drivers.scanner.serial_scanner import SerialScanner
from drivers.scanner.types import ScannerSettings, Suffix


def settings_from(config: DeviceConfig) -> ScannerSettings:
    """The typed scanner settings in ``config``; raises ``ConfigError`` naming a bad key."""
    suffix = config.str_option("suffix", "CR").upper()
    if suffix not in Suffix.__members__:
        raise ConfigError(f"devices.qr_scanner.suffix: expected CR, LF or CRLF, got {suffix!r}")
    return ScannerSettings(
        port=config.str_option("port", "/dev/ttyACM0"),
        baud=config.int_option("baud", 115200),
        suffix=Suffix(suffix),
        repeat_window_s=config.float_option("repeat_window_s", 1.0),
        manual_trigger=config.bool_option("manual_trigger", False),
    )


def build(config: DeviceConfig, frames: FrameSource | None = None) -> BuiltDevice:
    """The scanner for ``config.driver``; ``frames`` feeds the ``camera`` driver."""
    settings = settings_from(config)
    if config.driver == "serial":
        return BuiltDevice(SerialScanner(settings))
    if config.driver == "camera":
        # Decoding costs CPU on every frame: the camera decodes only while a screen scans.
        scanner = CameraScanner(frames, settings.repeat_window_s, manual_trigger=True)
        return BuiltDevice(scanner)
    if config.driver == "simulated":
        emulator = ScannerEmulator(settings.suffix, settings.manual_trigger)
        device = SerialScanner(
            ScannerSettings(
                emulator.port,
                settings.baud,
                settings.suffix,
                settings.repeat_window_s,
                settings.manual_trigger,
            )
        )
        return BuiltDevice(device, emulator)
    raise ConfigError(
        f"devices.qr_scanner.driver: expected serial, camera or simulated, got {config.driver!r}"
    )
