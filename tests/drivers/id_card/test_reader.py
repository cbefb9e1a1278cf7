"""The real driver against the emulator over a real pty: cards, events, faults, status."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterator

import pytest

from drivers.base import DeviceEvent, DeviceState, StatusChanged
from drivers.id_card.emulator import IdCardEmulator, fixtures
from drivers.id_card.errors import CardRemovedError, PortError, ReaderStatusError
from drivers.id_card.fixtures import load_fixture
from drivers.id_card.protocol import Request, SamCommand
from drivers.id_card.reader import SamReader
from drivers.id_card.types import (
    CardInserted,
    CardRemoved,
    IdCard,
    IdCardReader,
    ReadFailed,
    Timing,
)

from .conftest import Recorder


def as_read(name: str) -> IdCard:
    """The fixture as a 30 01 read returns it (no fingerprints)."""
    return dataclasses.replace(load_fixture(name), fingerprint=b"")


def has(kind: type[DeviceEvent], count: int = 1) -> Callable[[list[DeviceEvent]], bool]:
    return lambda events: sum(isinstance(e, kind) for e in events) >= count


def state_is(state: DeviceState) -> Callable[[list[DeviceEvent]], bool]:
    return lambda events: any(
        isinstance(e, StatusChanged) and e.status.state is state for e in events
    )


@pytest.fixture
def reader(emulator: IdCardEmulator, fast: Timing) -> Iterator[tuple[SamReader, Recorder]]:
    device = SamReader(emulator.port, timing=fast)
    recorder = Recorder()
    device.events.subscribe(recorder)
    yield device, recorder
    device.close()


def test_reader_satisfies_the_interface(reader: tuple[SamReader, Recorder]) -> None:
    assert isinstance(reader[0], IdCardReader)


def test_open_checks_the_sam_and_goes_online(reader: tuple[SamReader, Recorder]) -> None:
    device, _recorder = reader
    device.open()
    assert device.status.state is DeviceState.ONLINE
    assert device.capabilities.serial == "05.01-20101010-0012345678-1234567890"


@pytest.mark.parametrize("name", fixtures())
def test_every_fixture_is_read_once_per_placement(
    name: str, emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    device.open()
    emulator.place(name)
    events = recorder.wait_for(has(CardInserted))
    inserted = [e for e in events if isinstance(e, CardInserted)]
    assert inserted[0].card == as_read(name)
    assert device.current_card == as_read(name)
    emulator.remove()
    recorder.wait_for(has(CardRemoved))
    assert len(recorder.of(CardInserted)) == 1
    assert device.current_card is None


def test_a_card_left_on_the_reader_is_not_read_again(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    commands: list[SamCommand | None] = []
    polled_on = threading.Event()

    def watch(request: Request) -> None:
        commands.append(request.command)
        if commands.count(SamCommand.FIND) >= 10:
            polled_on.set()

    emulator.place("resident")
    device.open()
    recorder.wait_for(has(CardInserted))
    emulator.set_request_hook(watch)
    assert polled_on.wait(5)
    assert SamCommand.READ not in commands
    emulator.remove()
    recorder.wait_for(has(CardRemoved))
    emulator.place("long_term")
    events = recorder.wait_for(has(CardInserted, 2))
    assert [e.card for e in events if isinstance(e, CardInserted)][1] == as_read("long_term")


def test_card_removed_mid_read_gives_read_failed_then_removed(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader

    def pull_card(request: Request) -> None:
        if request.command is SamCommand.READ:
            emulator.remove()

    emulator.set_request_hook(pull_card)
    device.open()
    emulator.place("resident")
    events = recorder.wait_for(has(CardRemoved))
    card_events = [e for e in events if not isinstance(e, StatusChanged)]
    assert isinstance(card_events[0], ReadFailed)
    assert isinstance(card_events[0].error, CardRemovedError)
    assert "removed while being read" in str(card_events[0].error)
    assert isinstance(card_events[1], CardRemoved)
    assert not recorder.of(CardInserted)


def test_read_failure_is_reported_once_then_removal(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    emulator.inject_fault("read_failure")
    device.open()
    emulator.place("resident")
    recorder.wait_for(has(ReadFailed))
    failed = recorder.of(ReadFailed)[0]
    assert isinstance(failed, ReadFailed)
    assert isinstance(failed.error, ReaderStatusError)
    assert failed.error.sw3 == 0x41
    assert "read failed" in str(failed.error)
    emulator.clear_faults()
    emulator.remove()
    recorder.wait_for(has(CardRemoved))
    assert len(recorder.of(ReadFailed)) == 1
    assert not recorder.of(CardInserted)


@pytest.mark.parametrize("fault", ["garbage"])
def test_reader_resynchronises_through_garbage(
    fault: str, emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    emulator.inject_fault(fault)
    device.open()
    emulator.place("rare_name")
    events = recorder.wait_for(has(CardInserted))
    assert next(e for e in events if isinstance(e, CardInserted)).card == as_read("rare_name")
    assert device.status.state is DeviceState.ONLINE


def test_sam_self_test_failure_is_a_hardware_error_that_clears(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    emulator.inject_fault("sam_self_test_failure")
    device.open()
    assert device.status.state is DeviceState.HARDWARE_ERROR
    assert "0x60" in device.status.detail
    emulator.clear_faults()
    recorder.wait_for(state_is(DeviceState.ONLINE))


@pytest.mark.parametrize("fault", ["checksum_error", "silence", "cut_frame"])
def test_broken_answers_at_open_are_offline_with_a_typed_error(
    fault: str, emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, _ = reader
    emulator.inject_fault(fault)
    with pytest.raises(Exception) as caught:
        device.open()
    assert type(caught.value).__module__ == "drivers.id_card.errors"
    assert device.status.state is DeviceState.OFFLINE


@pytest.mark.parametrize("fault", ["checksum_error", "silence", "cut_frame"])
def test_broken_answers_while_polling_take_the_reader_offline(
    fault: str, emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    device.open()
    emulator.inject_fault(fault)
    recorder.wait_for(state_is(DeviceState.OFFLINE))
    assert "not answering" in device.status.detail


def test_port_vanishing_takes_the_reader_offline(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    device.open()
    emulator.stop()
    recorder.wait_for(state_is(DeviceState.OFFLINE))


def test_missing_port_is_no_device(fast: Timing) -> None:
    device = SamReader("/dev/does-not-exist", timing=fast)
    with pytest.raises(PortError):
        device.open()
    assert device.status.state is DeviceState.NO_DEVICE


def test_logs_never_hold_the_full_number_or_name(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder], caplog: pytest.LogCaptureFixture
) -> None:
    device, recorder = reader
    caplog.set_level(logging.DEBUG)
    device.open()
    emulator.place("resident")
    recorder.wait_for(has(CardInserted))
    assert "33010619850312001X" not in caplog.text
    assert "张伟" not in caplog.text
    assert "330106********001X" in caplog.text


def test_fingerprints_are_read_with_30_10(emulator: IdCardEmulator, fast: Timing) -> None:
    device = SamReader(emulator.port, timing=fast, with_fingerprint=True)
    recorder = Recorder()
    device.events.subscribe(recorder)
    device.open()
    try:
        emulator.place("resident")
        events = recorder.wait_for(has(CardInserted))
        card = next(e for e in events if isinstance(e, CardInserted)).card
        assert len(card.fingerprint) == 1024
    finally:
        device.close()


def test_a_card_carries_the_id_of_the_sam_that_read_it(
    emulator: IdCardEmulator, reader: tuple[SamReader, Recorder]
) -> None:
    device, recorder = reader
    device.open()
    emulator.place(fixtures()[0])
    recorder.wait_for(has(CardInserted))
    card = device.current_card
    assert card is not None and card.sam_id == device.capabilities.serial
    assert card.sam_id == "05.01-20101010-0012345678-1234567890"
