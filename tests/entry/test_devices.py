"""The app's device wiring: camera QR scanning and where the printer simulator writes."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.base import DeviceClass, DeviceEvent
from drivers.camera.emulator import CameraEmulator
from drivers.config import DeviceConfig
from drivers.manager import DeviceManager
from drivers.scanner.types import QrScanner, Scanned
from entry.devices import device_configs, device_factories
from kiosk import config as kiosk_config
from kiosk.config import Config

QR_CODES = json.loads(
    (Path(__file__).resolve().parents[2] / "assets/sim/camera/qr_codes.json").read_text("utf-8")
)


def _config(tmp_path: Path, scanner_driver: str = "simulated") -> Config:
    config = kiosk_config.load(simulate=True)
    devices = dict(config.devices)
    devices[DeviceClass.QR_SCANNER] = DeviceConfig(DeviceClass.QR_SCANNER, scanner_driver)
    return dataclasses.replace(
        config,
        terminal=dataclasses.replace(config.terminal, data_dir=tmp_path),
        devices=devices,
    )


@pytest.fixture
def camera_scanning(tmp_path: Path) -> Iterator[DeviceManager]:
    configs = device_configs(_config(tmp_path, scanner_driver="camera"))
    manager = DeviceManager(configs, factory_for=device_factories(configs))
    manager.start()
    try:
        yield manager
    finally:
        manager.stop()


def test_a_qr_code_shown_to_the_simulated_camera_is_scanned(
    camera_scanning: DeviceManager,
) -> None:
    scanned: list[str] = []
    seen = threading.Event()

    def on_event(event: DeviceEvent) -> None:
        if isinstance(event, Scanned):
            scanned.append(event.text)
            seen.set()

    camera_scanning.events.subscribe(on_event)
    camera = camera_scanning.simulator_as(DeviceClass.CAMERA, CameraEmulator)
    scanner = camera_scanning.device_as(DeviceClass.QR_SCANNER, QrScanner)
    assert camera is not None and scanner is not None
    camera.show("qr_medium")
    assert not seen.wait(timeout=1.0), "the camera decoded with no screen scanning"
    scanner.start_scan()
    assert seen.wait(timeout=10)
    assert scanned[0] == QR_CODES["qr_medium"]


def test_the_printer_simulator_writes_receipts_under_the_data_directory(tmp_path: Path) -> None:
    configs = device_configs(_config(tmp_path))
    options = configs[DeviceClass.RECEIPT_PRINTER].options
    assert Path(options["receipts_dir"]) == tmp_path / "sim-receipts"


def test_an_absolute_receipts_directory_is_kept(tmp_path: Path) -> None:
    config = _config(tmp_path / "data")
    printer = config.devices[DeviceClass.RECEIPT_PRINTER]
    absolute = str(tmp_path / "elsewhere")
    devices = {
        **config.devices,
        DeviceClass.RECEIPT_PRINTER: dataclasses.replace(
            printer, options={**printer.options, "receipts_dir": absolute}
        ),
    }
    configs = device_configs(dataclasses.replace(config, devices=devices))
    assert configs[DeviceClass.RECEIPT_PRINTER].options["receipts_dir"] == absolute
