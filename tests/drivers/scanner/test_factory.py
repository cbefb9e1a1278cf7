"""The scanner factory: each driver name, the camera hook, and config errors."""

from __future__ import annotations

import queue

import pytest

from drivers.base import DeviceClass, DeviceEvent, DeviceState
from drivers.config import ConfigError, DeviceConfig
from drivers.scanner.camera_scan import CameraScanner
from drivers.scanner.emulator import ScannerEmulator
from drivers.scanner.factory import build
from drivers.scanner.serial_scanner import SerialScanner
from drivers.scanner.types import Scanned


def config(driver: str, **options: object) -> DeviceConfig:
    return DeviceConfig(DeviceClass.QR_SCANNER, driver, options)


def test_simulated_scanner_is_the_serial_driver_reading_the_emulator() -> None:
    built = build(config("simulated", suffix="CRLF"))
    assert isinstance(built.device, SerialScanner)
    assert isinstance(built.simulator, ScannerEmulator)
    events: queue.Queue[DeviceEvent] = queue.Queue()
    built.device.events.subscribe(events.put)
    built.device.open()
    try:
        assert built.device.status.state is DeviceState.ONLINE
        built.simulator.scan("办事指南")
        while not isinstance(event := events.get(timeout=3), Scanned):
            pass
        assert event == Scanned("办事指南")
    finally:
        built.device.close()
        built.simulator.stop()


def test_serial_driver_has_no_simulator() -> None:
    built = build(config("serial", port="/dev/ttyACM9"))
    assert isinstance(built.device, SerialScanner)
    assert built.simulator is None


def test_camera_driver_takes_the_frame_source_hook() -> None:
    built = build(config("camera"))
    assert isinstance(built.device, CameraScanner)


def test_bad_suffix_or_driver_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="suffix"):
        build(config("serial", suffix="TAB"))
    with pytest.raises(ConfigError, match="driver"):
        build(config("keyboard"))
