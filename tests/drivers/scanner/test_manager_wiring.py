"""The device manager builds the simulated scanner and camera through their factories."""

from __future__ import annotations

import queue
import time

from drivers.base import DeviceClass, DeviceEvent, DeviceState, StatusChanged
from drivers.camera.capture import Camera
from drivers.config import DeviceConfig
from drivers.manager import DeviceManager, Factory, ReconnectPolicy, load_factory
from drivers.scanner import factory as scanner_factory
from drivers.scanner.emulator import ScannerEmulator
from drivers.scanner.types import QrScanner, Scanned


def wait_online(manager: DeviceManager, device_class: DeviceClass) -> bool:
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        if manager.statuses()[device_class].state is DeviceState.ONLINE:
            return True
        time.sleep(0.01)
    return False


def test_simulated_scanner_scans_through_the_manager() -> None:
    config = DeviceConfig(DeviceClass.QR_SCANNER, "simulated", {"suffix": "LF"})
    manager = DeviceManager({DeviceClass.QR_SCANNER: config})
    events: queue.Queue[DeviceEvent] = queue.Queue()
    manager.events.subscribe(events.put)
    manager.start()
    try:
        assert wait_online(manager, DeviceClass.QR_SCANNER)
        emulator = manager.simulator(DeviceClass.QR_SCANNER)
        assert isinstance(emulator, ScannerEmulator)
        emulator.scan("预约号 A0427")
        while not isinstance(event := events.get(timeout=3), Scanned):
            pass
        assert event.text == "预约号 A0427"
    finally:
        manager.stop()


def test_camera_scanner_gets_the_camera_through_the_factory_hook() -> None:
    configs = {
        DeviceClass.CAMERA: DeviceConfig(
            DeviceClass.CAMERA, "simulated", {"fixture": "qr_large", "fps": 30}
        ),
        DeviceClass.QR_SCANNER: DeviceConfig(DeviceClass.QR_SCANNER, "camera"),
    }
    camera_built = load_factory(DeviceClass.CAMERA)(configs[DeviceClass.CAMERA])
    assert isinstance(camera_built.device, Camera)
    frames = camera_built.device

    def factory_for(device_class: DeviceClass) -> Factory:
        if device_class is DeviceClass.QR_SCANNER:
            return lambda config: scanner_factory.build(config, frames=frames)
        return lambda config: camera_built

    manager = DeviceManager(
        configs, policy=ReconnectPolicy(first_delay_s=0.05), factory_for=factory_for
    )
    events: queue.Queue[DeviceEvent] = queue.Queue()
    manager.events.subscribe(events.put)
    manager.start()
    try:
        scanner = manager.device_as(DeviceClass.QR_SCANNER, QrScanner)
        assert scanner is not None
        scanner.start_scan()  # camera scanning decodes only while a screen scans
        while not isinstance(event := events.get(timeout=3), Scanned):
            pass
        assert event.text.startswith("预约号")
        assert wait_online(manager, DeviceClass.QR_SCANNER)
    finally:
        manager.stop()


def test_manager_reopens_the_scanner_after_it_is_replugged() -> None:
    config = DeviceConfig(DeviceClass.QR_SCANNER, "simulated")
    manager = DeviceManager(
        {DeviceClass.QR_SCANNER: config},
        policy=ReconnectPolicy(first_delay_s=0.02, max_delay_s=0.05),
    )
    events: queue.Queue[DeviceEvent] = queue.Queue()
    manager.events.subscribe(events.put)
    manager.start()
    try:
        assert wait_online(manager, DeviceClass.QR_SCANNER)
        emulator = manager.simulator(DeviceClass.QR_SCANNER)
        assert isinstance(emulator, ScannerEmulator)
        emulator.inject_fault("disconnect")
        while not (
            isinstance(event := events.get(timeout=3), StatusChanged)
            and event.status.state is DeviceState.NO_DEVICE
        ):
            pass
        emulator.reconnect()
        assert wait_online(manager, DeviceClass.QR_SCANNER)
        emulator.scan("AGAIN")
        while not isinstance(scanned := events.get(timeout=3), Scanned):
            pass
        assert scanned.text == "AGAIN"
    finally:
        manager.stop()
