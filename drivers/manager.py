"""Builds the terminal's devices from config, keeps them connected, and fans out their events.

* Each device class maps to a factory module (``drivers.<pkg>.factory``) with a
  ``build(config) -> BuiltDevice`` function; the driver name in the config (``"sam"``,
  ``"simulated"``…) selects a real driver or a simulator inside that module.
* A device that cannot be opened, or that later reports ``offline``/``no_device``, is closed and
  re-opened with exponential backoff by one supervisor thread.
* Every device event is re-published on :attr:`DeviceManager.events`; status changes are logged
  once per change.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from drivers.base import (
    Device,
    DeviceClass,
    DeviceError,
    DeviceEvent,
    DeviceState,
    DeviceStatus,
    EventHub,
    StatusChanged,
)
from drivers.config import DeviceConfig

log = logging.getLogger(__name__)

FACTORY_MODULES: Mapping[DeviceClass, str] = {
    DeviceClass.ID_CARD_READER: "drivers.id_card.factory",
    DeviceClass.QR_SCANNER: "drivers.scanner.factory",
    DeviceClass.RECEIPT_PRINTER: "drivers.printer.factory",
    DeviceClass.CAMERA: "drivers.camera.factory",
    DeviceClass.DOCUMENT_CAMERA: "drivers.camera.document_factory",
    DeviceClass.A4_PRINTER: "drivers.a4_printer.factory",
}

SIMULATED_DRIVER = "simulated"

T = TypeVar("T")


class Simulator(Protocol):
    """A device simulator that the factory started beside the real driver it feeds."""

    def stop(self) -> None:
        """Stop the simulator and release its pty or socket."""
        ...


@dataclass
class BuiltDevice:
    """What a factory returns: the device, and the simulator behind it when simulated."""

    device: Device
    simulator: Simulator | None = None


@dataclass(frozen=True)
class ReconnectPolicy:
    """Backoff for re-opening a lost device: first delay, growth factor and ceiling (seconds)."""

    first_delay_s: float = 1.0
    factor: float = 2.0
    max_delay_s: float = 30.0

    def delay(self, attempt: int) -> float:
        """The wait before re-open attempt number ``attempt`` (0-based)."""
        return min(self.max_delay_s, self.first_delay_s * self.factor**attempt)


Factory = Callable[[DeviceConfig], BuiltDevice]

_LOST_STATES = frozenset({DeviceState.OFFLINE, DeviceState.NO_DEVICE})


def load_factory(device_class: DeviceClass) -> Factory:
    """The ``build`` function of the device class's factory module."""
    module = importlib.import_module(FACTORY_MODULES[device_class])
    build: Factory = module.build
    return build


def _as(thing: object, kind: type[T], device_class: DeviceClass, what: str) -> T | None:
    if thing is None:
        return None
    if isinstance(thing, kind):
        return thing
    log.error("%s %s is a %s, not a %s", device_class, what, type(thing).__name__, kind.__name__)
    return None


@dataclass
class _Slot:
    built: BuiltDevice
    attempt: int = 0
    retry_at: float | None = None


class DeviceManager:
    """Owns every device of the terminal: builds, opens, supervises and closes them."""

    def __init__(
        self,
        configs: Mapping[DeviceClass, DeviceConfig],
        policy: ReconnectPolicy | None = None,
        factory_for: Callable[[DeviceClass], Factory] = load_factory,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._configs = {k: v for k, v in configs.items() if v.enabled}
        self._policy = policy or ReconnectPolicy()
        self._factory_for = factory_for
        self._clock = clock
        self._slots: dict[DeviceClass, _Slot] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribes: list[Callable[[], None]] = []
        self.events: EventHub[DeviceEvent] = EventHub()

    @property
    def simulated(self) -> bool:
        """True when every configured device is simulated (the simulation API may start)."""
        return bool(self._configs) and all(
            c.driver == SIMULATED_DRIVER for c in self._configs.values()
        )

    def device(self, device_class: DeviceClass) -> Device | None:
        """The device of that class, or None when not configured."""
        slot = self._slots.get(device_class)
        return slot.built.device if slot else None

    def simulator(self, device_class: DeviceClass) -> Simulator | None:
        """The simulator behind that device, when it is simulated."""
        slot = self._slots.get(device_class)
        return slot.built.simulator if slot else None

    def device_as(self, device_class: DeviceClass, kind: type[T]) -> T | None:
        """The device of that class as a ``kind`` (a runtime-checkable protocol such as
        ``FrameSource`` or ``IdCardReader``), or None when there is none or it is not one."""
        return _as(self.device(device_class), kind, device_class, "device")

    def simulator_as(self, device_class: DeviceClass, kind: type[T]) -> T | None:
        """The simulator behind that device as a ``kind`` (e.g. ``IdCardEmulator``), or None
        when the device is real, absent, or simulated by something else."""
        return _as(self.simulator(device_class), kind, device_class, "simulator")

    def statuses(self) -> dict[DeviceClass, DeviceStatus]:
        """The latest status of every device."""
        with self._lock:
            slots = list(self._slots.items())
        return {cls: slot.built.device.status for cls, slot in slots}

    def start(self) -> None:
        """Build and open every configured device, then start supervising them. A
        :meth:`stop` from another thread while this runs ends it; a device built meanwhile is
        released here."""
        for device_class, config in self._configs.items():
            built = self._factory_for(device_class)(config)
            with self._lock:
                if self._stopping.is_set():
                    _release(built)
                    return
                self._slots[device_class] = _Slot(built)
                self._unsubscribes.append(built.device.events.subscribe(self._on_event))
            self._try_open(device_class)
        thread = threading.Thread(target=self._supervise, name="device-manager", daemon=True)
        with self._lock:
            if self._stopping.is_set():
                return
            self._thread = thread
        thread.start()

    def stop(self) -> None:
        """Stop supervising, close every device and stop every simulator (also while
        :meth:`start` is still building them on another thread)."""
        with self._lock:
            self._stopping.set()
            slots = list(self._slots.values())
            unsubscribes = list(self._unsubscribes)
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=5)
        for unsubscribe in unsubscribes:
            unsubscribe()
        for slot in slots:
            _release(slot.built)

    def _on_event(self, event: DeviceEvent) -> None:
        if isinstance(event, StatusChanged):
            status = event.status
            log.info(
                "device %s: %s media=%s %s",
                event.device_class,
                status.state,
                status.media,
                status.detail,
            )
            if status.state in _LOST_STATES:
                self._schedule_retry(event.device_class)
        self.events.emit(event)

    def _schedule_retry(self, device_class: DeviceClass) -> None:
        with self._lock:
            slot = self._slots.get(device_class)
            if slot is None or slot.retry_at is not None:
                return
            slot.retry_at = self._clock() + self._policy.delay(slot.attempt)
            slot.attempt += 1
        self._wake.set()

    def _try_open(self, device_class: DeviceClass) -> None:
        slot = self._slots[device_class]
        device = slot.built.device
        try:
            device.close()
            device.open()
        except DeviceError as error:
            log.warning("device %s: open failed: %s", device_class, error)
            self._schedule_retry(device_class)
            return
        if device.status.state not in _LOST_STATES:
            with self._lock:
                slot.attempt = 0
                slot.retry_at = None

    def _supervise(self) -> None:
        while not self._stopping.is_set():
            now = self._clock()
            due: list[DeviceClass] = []
            next_at: float | None = None
            with self._lock:
                for device_class, slot in self._slots.items():
                    if slot.retry_at is None:
                        continue
                    if slot.retry_at <= now:
                        slot.retry_at = None
                        due.append(device_class)
                    elif next_at is None or slot.retry_at < next_at:
                        next_at = slot.retry_at
            for device_class in due:
                self._try_open(device_class)
            if due:
                continue
            self._wake.wait(timeout=None if next_at is None else max(0.0, next_at - now))
            self._wake.clear()


def _release(built: BuiltDevice) -> None:
    """Close the device and stop its simulator."""
    built.device.close()
    if built.simulator is not None:
        built.simulator.stop()
