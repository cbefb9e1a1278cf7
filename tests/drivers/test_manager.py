"""The device manager: builds from config, reconnects lost devices with backoff, fans out."""

from __future__ import annotations

import threading

from drivers.base import (
    DeviceBase,
    DeviceClass,
    DeviceError,
    DeviceEvent,
    DeviceState,
    StatusChanged,
)
from drivers.config import DeviceConfig
from drivers.manager import BuiltDevice, DeviceManager, Factory, ReconnectPolicy


class FlakyDevice(DeviceBase):
    """A device whose open() fails a set number of times, then succeeds."""

    def __init__(self, failures: int) -> None:
        super().__init__(DeviceClass.ID_CARD_READER)
        self.failures = failures
        self.opens = 0
        self.opened = threading.Event()

    def open(self) -> None:
        self.opens += 1
        if self.opens <= self.failures:
            self._set_status(DeviceState.NO_DEVICE, detail="port missing")
            raise DeviceError("port missing")
        self._set_status(DeviceState.ONLINE)
        self.opened.set()

    def close(self) -> None:
        """Nothing to release."""

    def reset(self) -> None:
        """Nothing to reset."""

    def lose(self) -> None:
        self.opened.clear()
        self._set_status(DeviceState.OFFLINE, detail="unplugged")


def manager_for(device: FlakyDevice, driver: str = "simulated") -> DeviceManager:
    def factory_for(_: DeviceClass) -> Factory:
        return lambda config: BuiltDevice(device)

    config = DeviceConfig(DeviceClass.ID_CARD_READER, driver)
    return DeviceManager(
        {DeviceClass.ID_CARD_READER: config},
        policy=ReconnectPolicy(first_delay_s=0.01, max_delay_s=0.05),
        factory_for=factory_for,
    )


def test_device_that_fails_to_open_is_retried_until_online() -> None:
    device = FlakyDevice(failures=3)
    manager = manager_for(device)
    manager.start()
    try:
        assert device.opened.wait(5)
        assert device.opens == 4
        assert manager.statuses()[DeviceClass.ID_CARD_READER].state is DeviceState.ONLINE
    finally:
        manager.stop()


def test_lost_device_is_reopened_and_status_fans_out_once_per_change() -> None:
    device = FlakyDevice(failures=0)
    manager = manager_for(device)
    seen: list[DeviceEvent] = []
    manager.events.subscribe(seen.append)
    manager.start()
    try:
        assert device.opened.wait(5)
        device.lose()
        assert device.opened.wait(5)
        states = [e.status.state for e in seen if isinstance(e, StatusChanged)]
        assert states == [DeviceState.ONLINE, DeviceState.OFFLINE, DeviceState.ONLINE]
    finally:
        manager.stop()


def test_backoff_grows_to_its_ceiling() -> None:
    policy = ReconnectPolicy(first_delay_s=1, factor=2, max_delay_s=10)
    assert [policy.delay(n) for n in range(6)] == [1, 2, 4, 8, 10, 10]


def test_simulated_only_when_every_device_is_simulated() -> None:
    assert manager_for(FlakyDevice(0), "simulated").simulated
    assert not manager_for(FlakyDevice(0), "sam").simulated


class ClosableDevice(FlakyDevice):
    """A device that records whether it is open now."""

    def __init__(self) -> None:
        super().__init__(failures=0)
        self.is_open = False

    def open(self) -> None:
        super().open()
        self.is_open = True

    def close(self) -> None:
        self.is_open = False


def test_stop_while_start_is_still_building_releases_every_device() -> None:
    reader = ClosableDevice()
    scanner = ClosableDevice()
    stopping = threading.Event()

    def factory_for(device_class: DeviceClass) -> Factory:
        def build(_: DeviceConfig) -> BuiltDevice:
            if device_class is DeviceClass.QR_SCANNER:
                assert stopping.wait(5)  # stop() runs on another thread meanwhile
                return BuiltDevice(scanner)
            return BuiltDevice(reader)

        return build

    configs = {
        DeviceClass.ID_CARD_READER: DeviceConfig(DeviceClass.ID_CARD_READER, "simulated"),
        DeviceClass.QR_SCANNER: DeviceConfig(DeviceClass.QR_SCANNER, "simulated"),
    }
    manager = DeviceManager(configs, factory_for=factory_for)
    errors: list[BaseException] = []

    def start() -> None:
        try:
            manager.start()
        except BaseException as error:
            errors.append(error)

    starter = threading.Thread(target=start)
    starter.start()
    assert reader.opened.wait(5)
    manager.stop()
    stopping.set()
    starter.join(5)
    assert errors == []
    assert not reader.is_open and not scanner.is_open
