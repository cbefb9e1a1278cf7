"""A fake platform for the heartbeat, and status sources the tests switch by hand."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from drivers.base import Capabilities, DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.operations.status import Mode, StatusSources
from kiosk.outbox.store import OutboxStatus
from kiosk.platform.errors import PlatformUnreachable
from kiosk.platform.models import Command, Heartbeat


class FakePlatform:
    """Keeps a command queue like the platform: repeated until acknowledged by id."""

    def __init__(self) -> None:
        self.queue: list[Command] = []
        self.received: list[Heartbeat] = []
        self.unreachable = False

    def heartbeat(
        self, terminal_id: str, heartbeat: Heartbeat, *, idempotency_key: uuid.UUID | str
    ) -> tuple[Command, ...]:
        if self.unreachable:
            raise PlatformUnreachable("connection refused")
        self.received.append(heartbeat)
        self.queue = [c for c in self.queue if c.id not in heartbeat.acked_commands]
        return tuple(self.queue)


class Terminal:
    """Device statuses, outbox and mode as the tests set them."""

    def __init__(self) -> None:
        self.devices: dict[DeviceClass, DeviceStatus] = {
            DeviceClass.ID_CARD_READER: DeviceStatus(DeviceState.ONLINE),
            DeviceClass.RECEIPT_PRINTER: DeviceStatus(
                DeviceState.ONLINE, MediaStatus.LOW, "paper near end"
            ),
        }
        self.outbox = OutboxStatus(depth=0, oldest_age_s=None, dead_letters=0, last_error="")
        self.mode = Mode.IN_SERVICE

    def capabilities(self) -> Mapping[DeviceClass, Capabilities]:
        return {DeviceClass.RECEIPT_PRINTER: Capabilities(model="TM-T88VI", firmware="1.02")}

    def sources(self) -> StatusSources:
        return StatusSources(
            devices=lambda: self.devices,
            outbox=lambda: self.outbox,
            mode=lambda: self.mode,
            capabilities=self.capabilities,
        )
