"""The factory from config, and reconnection through the device manager."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass, DeviceState, StatusChanged
from drivers.config import ConfigError, DeviceConfig
from drivers.id_card.emulator import IdCardEmulator
from drivers.id_card.factory import build
from drivers.id_card.reader import SamReader
from drivers.id_card.types import CardInserted
from drivers.manager import DeviceManager, ReconnectPolicy

from .conftest import Recorder


def config(driver: str = "simulated", **options: object) -> DeviceConfig:
    return DeviceConfig(DeviceClass.ID_CARD_READER, driver, {"pace": False, **options})


def test_sam_driver_builds_a_reader_without_a_simulator() -> None:
    built = build(config("sam", port="/dev/ttyUSB9"))
    assert isinstance(built.device, SamReader)
    assert built.simulator is None


def test_bad_options_are_config_errors_naming_the_key() -> None:
    with pytest.raises(ConfigError, match="fixture"):
        build(config(fixture="nobody"))
    with pytest.raises(ConfigError, match="driver"):
        build(config("magic"))
    with pytest.raises(ConfigError, match="wlt_decoder_library"):
        build(config(wlt_decoder_library="/nonexistent/libwlt.so"))
    with pytest.raises(ConfigError, match="baud"):
        build(config(baud="fast"))


def test_simulated_reader_reconnects_after_the_emulator_disappears_and_returns() -> None:
    manager = DeviceManager(
        {DeviceClass.ID_CARD_READER: config(fixture="resident", poll_interval_s=0.02)},
        policy=ReconnectPolicy(first_delay_s=0.02, max_delay_s=0.1),
    )
    recorder = Recorder()
    manager.events.subscribe(recorder)
    manager.start()
    try:
        recorder.wait_for(lambda events: any(isinstance(e, CardInserted) for e in events))
        emulator = manager.simulator(DeviceClass.ID_CARD_READER)
        assert isinstance(emulator, IdCardEmulator)
        emulator.stop()

        def went(state: DeviceState, after: int = 0) -> bool:
            return any(
                isinstance(e, StatusChanged) and e.status.state is state
                for e in recorder.events[after:]
            )

        recorder.wait_for(lambda _: went(DeviceState.OFFLINE))
        mark = len(recorder.events)
        emulator.start()
        recorder.wait_for(lambda _: went(DeviceState.ONLINE, mark))
        recorder.wait_for(lambda events: sum(isinstance(e, CardInserted) for e in events) == 2)
        assert manager.statuses()[DeviceClass.ID_CARD_READER].state is DeviceState.ONLINE
    finally:
        manager.stop()
