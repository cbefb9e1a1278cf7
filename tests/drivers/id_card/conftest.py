"""Shared helpers: fast timings, a running emulator, and an event recorder that waits."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from drivers.base import DeviceEvent
from drivers.id_card.emulator import IdCardEmulator
from drivers.id_card.types import TIMING, Timing

FAST = replace(
    TIMING,
    poll_interval_s=0.02,
    answer_timeout_s=0.2,
    read_answer_timeout_s=0.5,
    byte_timeout_s=0.1,
    hardware_recheck_s=0.05,
)


class Recorder:
    """Collects events from any thread; ``wait_for`` blocks until a predicate holds."""

    def __init__(self) -> None:
        self.events: list[DeviceEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(
        self, predicate: Callable[[list[DeviceEvent]], bool], timeout: float = 5.0
    ) -> list[DeviceEvent]:
        with self._changed:
            assert self._changed.wait_for(lambda: predicate(self.events), timeout), self.events
            return list(self.events)

    def of(self, kind: type[DeviceEvent]) -> list[DeviceEvent]:
        with self._changed:
            return [event for event in self.events if isinstance(event, kind)]


@pytest.fixture
def fast() -> Timing:
    return FAST


@pytest.fixture
def emulator() -> Iterator[IdCardEmulator]:
    emu = IdCardEmulator(seed=1)
    emu.start()
    yield emu
    emu.stop()
