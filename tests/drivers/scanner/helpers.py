"""A scanner driver wired to the pty emulator, with events collected for assertions."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from drivers.base import DeviceEvent, DeviceState, StatusChanged
from drivers.scanner.emulator import ScannerEmulator
from drivers.scanner.serial_scanner import SerialScanner
from drivers.scanner.types import ScannerSettings, ScannerTimings, Suffix

FAST = ScannerTimings(read_timeout_s=0.02, partial_timeout_s=0.1, frame_wait_s=0.05)
WAIT_S = 3.0
E = TypeVar("E", bound=DeviceEvent)


class FakeClock:
    """A clock the test advances by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Rig:
    emulator: ScannerEmulator
    scanner: SerialScanner
    events: queue.Queue[DeviceEvent]

    def next_event(self, kind: type[E], timeout: float = WAIT_S) -> E:
        """The next event of ``kind``, skipping others; fails the test on timeout."""
        while True:
            event = self.events.get(timeout=timeout)
            if isinstance(event, kind):
                return event

    def wait_state(self, state: DeviceState, timeout: float = WAIT_S) -> StatusChanged:
        """The next status change to ``state``."""
        while True:
            changed = self.next_event(StatusChanged, timeout)
            if changed.status.state is state:
                return changed

    def no_event(self, kind: type[DeviceEvent], within: float = 0.2) -> bool:
        """True if no event of ``kind`` arrives within ``within`` seconds."""
        try:
            self.next_event(kind, timeout=within)
        except queue.Empty:
            return True
        return False


@contextmanager
def scanner_rig(
    suffix: Suffix = Suffix.CR,
    manual_trigger: bool = False,
    repeat_window_s: float = 1.0,
    clock: Callable[[], float] | None = None,
) -> Iterator[Rig]:
    """An open driver reading an emulator; both are closed afterwards."""
    emulator = ScannerEmulator(suffix, manual_trigger)
    settings = ScannerSettings(
        emulator.port,
        suffix=suffix,
        repeat_window_s=repeat_window_s,
        manual_trigger=manual_trigger,
    )
    scanner = (
        SerialScanner(settings, FAST) if clock is None else SerialScanner(settings, FAST, clock)
    )
    events: queue.Queue[DeviceEvent] = queue.Queue()
    scanner.events.subscribe(events.put)
    scanner.open()
    try:
        yield Rig(emulator, scanner, events)
    finally:
        scanner.close()
        emulator.stop()
