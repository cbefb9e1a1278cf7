"""The device model every device class follows.

Each device class (ID-card reader, QR scanner, receipt printer, camera, document camera, A4
printer) exposes the same
surface, after XFS4IoT's Status + Capabilities split:

* ``open()`` / ``close()`` / ``reset()``;
* ``status``: a :class:`DeviceStatus` (state, media, detail);
* ``capabilities``: a :class:`Capabilities` (model, firmware, serial, features);
* ``events``: an :class:`EventHub` on which the device publishes :class:`StatusChanged`
  and its own device-specific events.

Code above the HAL only sees these; it cannot tell a real driver from a simulator.
Events are plain dataclasses delivered to observers on the thread that emits them (usually
the device's reader thread); the kiosk layer marshals them to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, Protocol, TypeVar, runtime_checkable

log = logging.getLogger(__name__)


class DeviceClass(StrEnum):
    """The device classes a terminal has; values match the platform contract's DeviceStatus."""

    ID_CARD_READER = "id_card_reader"
    QR_SCANNER = "qr_scanner"
    RECEIPT_PRINTER = "receipt_printer"
    CAMERA = "camera"
    DOCUMENT_CAMERA = "document_camera"
    A4_PRINTER = "a4_printer"


class DeviceState(StrEnum):
    """Whether a device can work now (the platform contract's DeviceStatus.state)."""

    ONLINE = "online"
    OFFLINE = "offline"
    BUSY = "busy"
    HARDWARE_ERROR = "hardware_error"
    NO_DEVICE = "no_device"
    STARTING = "starting"


class MediaStatus(StrEnum):
    """Consumables (paper) where the device has any (the platform contract's DeviceStatus.media)."""

    OK = "ok"
    LOW = "low"
    OUT = "out"
    JAMMED = "jammed"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class DeviceStatus:
    """A device's status at one moment: its state, its media and a technician-readable detail."""

    state: DeviceState
    media: MediaStatus = MediaStatus.NOT_APPLICABLE
    detail: str = ""

    @property
    def usable(self) -> bool:
        """True when the device can serve a citizen now (online, media not exhausted)."""
        return self.state is DeviceState.ONLINE and self.media not in (
            MediaStatus.OUT,
            MediaStatus.JAMMED,
            MediaStatus.COVER_OPEN,
        )


@dataclass(frozen=True)
class Capabilities:
    """What a device is: model, firmware and serial as it reports them, plus feature flags."""

    model: str = "unknown"
    firmware: str = "unknown"
    serial: str = "unknown"
    features: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class DeviceEvent:
    """Base class of everything a device publishes on its :class:`EventHub`."""


@dataclass(frozen=True)
class StatusChanged(DeviceEvent):
    """The device's status changed; published only on a change, never repeated."""

    device_class: DeviceClass
    status: DeviceStatus


class DeviceError(Exception):
    """An expected device failure (port missing, no answer, hardware fault), with a message
    fit for a technician. Drivers raise it, or a subclass, instead of library exceptions."""


E = TypeVar("E", bound=DeviceEvent)


class EventHub(Generic[E]):
    """A thread-safe, Qt-free observer list.

    ``subscribe`` returns a function that unsubscribes. A failing observer is logged and does
    not stop the others, so one broken consumer cannot silence a device.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._observers: list[Callable[[E], None]] = []

    def subscribe(self, observer: Callable[[E], None]) -> Callable[[], None]:
        """Call ``observer(event)`` for every later event; returns the unsubscribe function."""
        with self._lock:
            self._observers.append(observer)

        def unsubscribe() -> None:
            with self._lock:
                if observer in self._observers:
                    self._observers.remove(observer)

        return unsubscribe

    def emit(self, event: E) -> None:
        """Deliver ``event`` to every observer, on the calling thread."""
        with self._lock:
            observers = list(self._observers)
        for observer in observers:
            try:
                observer(event)
            except Exception:
                log.exception("event observer failed on %s", type(event).__name__)


@runtime_checkable
class Device(Protocol):
    """The interface every device class extends."""

    @property
    def device_class(self) -> DeviceClass:
        """Which class of device this is."""
        ...

    @property
    def status(self) -> DeviceStatus:
        """The latest known status; cheap, never blocks on I/O."""
        ...

    @property
    def capabilities(self) -> Capabilities:
        """Model, firmware and serial as last reported by the device."""
        ...

    @property
    def events(self) -> EventHub[DeviceEvent]:
        """Where the device publishes its events."""
        ...

    def open(self) -> None:
        """Connect to the device and start its worker; raises :class:`DeviceError` on failure."""
        ...

    def close(self) -> None:
        """Stop the worker and release the port; safe to call more than once."""
        ...

    def reset(self) -> None:
        """Bring the device back to a known idle state (e.g. a reset command)."""
        ...


class DeviceBase:
    """Shared bookkeeping for drivers: holds the status and publishes it only on change."""

    def __init__(self, device_class: DeviceClass, initial: DeviceStatus | None = None) -> None:
        self._device_class = device_class
        self._status_lock = threading.Lock()
        self._status = initial or DeviceStatus(DeviceState.STARTING)
        self._capabilities = Capabilities()
        self._events: EventHub[DeviceEvent] = EventHub()

    @property
    def device_class(self) -> DeviceClass:
        """Which class of device this is."""
        return self._device_class

    @property
    def status(self) -> DeviceStatus:
        """The latest known status."""
        with self._status_lock:
            return self._status

    @property
    def capabilities(self) -> Capabilities:
        """Model, firmware and serial as last reported by the device."""
        return self._capabilities

    @property
    def events(self) -> EventHub[DeviceEvent]:
        """Where the device publishes its events."""
        return self._events

    def _set_status(
        self,
        state: DeviceState,
        media: MediaStatus | None = None,
        detail: str = "",
    ) -> None:
        """Record a status; publish :class:`StatusChanged` only if it differs from the last."""
        with self._status_lock:
            new = DeviceStatus(state, media if media is not None else self._status.media, detail)
            if new == self._status:
                return
            self._status = new
        self._events.emit(StatusChanged(self._device_class, new))

    def _record_status(self, status: DeviceStatus) -> None:
        """Record a whole status read from the device; published only on change."""
        self._set_status(status.state, status.media, status.detail)
