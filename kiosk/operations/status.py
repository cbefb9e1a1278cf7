"""Where the terminal's status comes from, shared by the heartbeat and the metrics exporter.

Each source is a plain callable so that this layer needs nothing of Qt or the flow: the
composition root passes ``DeviceManager.statuses``, ``OutboxStore.status`` and a function
that says the mode.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from drivers.base import Capabilities, DeviceClass, DeviceStatus
from kiosk.outbox.store import OutboxStatus


class Mode(StrEnum):
    """The terminal's service mode (the contract's ``Heartbeat.mode``)."""

    IN_SERVICE = "in_service"
    OUT_OF_SERVICE = "out_of_service"
    MAINTENANCE = "maintenance"


def _no_capabilities() -> Mapping[DeviceClass, Capabilities]:
    return {}


@dataclass(frozen=True)
class StatusSources:
    """Callables read on every heartbeat and every scrape; each must be cheap and never
    block on I/O (device statuses are cached by the drivers, the outbox status is one
    SQLite query)."""

    devices: Callable[[], Mapping[DeviceClass, DeviceStatus]]
    outbox: Callable[[], OutboxStatus]
    mode: Callable[[], Mode]
    capabilities: Callable[[], Mapping[DeviceClass, Capabilities]] = field(default=_no_capabilities)
