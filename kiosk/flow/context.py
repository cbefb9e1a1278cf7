"""What guards and steps of the flow table read and change: the session and the flow's own
bookkeeping (device statuses, reason shown, pending platform request, timers' deadlines)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from drivers.base import DeviceClass, DeviceStatus
from kiosk.flow.certificate import IssuedCertificate
from kiosk.flow.events import Suspender
from kiosk.flow.states import Reason
from kiosk.gating import terminal_in_service
from kiosk.session import Session


@dataclass
class FlowContext:
    """The machine's mutable data besides the current state."""

    session: Session
    devices: dict[DeviceClass, DeviceStatus] = field(default_factory=dict)
    now: float = 0.0
    today: date = field(default_factory=date.today)
    wall: datetime = field(default_factory=lambda: datetime.now(UTC))
    """Wall-clock time of the event being handled (submitted_at, verification expiry)."""
    reason: Reason | None = None
    suspended: bool = False
    suspended_by: Suspender | None = None
    pending_request: int | None = None
    last_request: int = 0
    card_grace_deadline: float | None = None
    certificate: IssuedCertificate | None = None

    def new_request(self) -> int:
        """Allocate a request id and make it the one pending answer the flow will accept."""
        self.last_request += 1
        self.pending_request = self.last_request
        return self.last_request

    def in_service(self) -> bool:
        """True unless suspended or the devices leave nothing that can run."""
        return not self.suspended and terminal_in_service(self.devices)
