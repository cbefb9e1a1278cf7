"""Maintenance mode: the technician's PIN, the wait for work in progress, the maintenance
screens, and leaving again.

Entry only between citizens: the hidden gesture (:class:`~kiosk.flow.events.EnterMaintenance`)
is taken on home, the attract loop and the out-of-service notice only, never in a session.
The app checks the PIN (``PinAccepted``), then the maintenance gate waits for in-flight
outbox work (``maintenance_waiting``) and grants entry (``MaintenanceGranted``). Leaving
— the technician, the gate's idle timeout, or 返回 before the PIN — goes home, or to the
out-of-service notice when the terminal cannot serve (a technician may have taken it out).
"""

from __future__ import annotations

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import Node, Row
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import Effect, EndMaintenance, RequestMaintenance
from kiosk.flow.states import Phase, State

S = State
"""Short name for the table rows."""

_LEAVE = (ev.Back, ev.GoHome, ev.LeaveMaintenance, ev.MaintenanceEnded, ev.IdleExpired)


def request_maintenance(_ctx: FlowContext, _event: ev.Event) -> Effect:
    """Ask the maintenance gate for entry (it answers once nothing is in progress)."""
    return RequestMaintenance()


def end_maintenance(_ctx: FlowContext, _event: ev.Event) -> Effect:
    """Close the maintenance gate (leaving, or giving up the wait)."""
    return EndMaintenance()


ENTRY_ROWS = tuple(
    Row(state, on=ev.EnterMaintenance, to=S.MAINTENANCE_PIN)
    for state in (S.HOME, S.ATTRACT, S.OUT_OF_SERVICE)
)
"""The gesture is heard between citizens only (declared in the kiosk node, around them)."""

MAINTENANCE = Node(
    Phase.MAINTENANCE_MODE,
    contains=(
        S.MAINTENANCE_PIN,
        Node(S.MAINTENANCE_WAITING, entry=request_maintenance),
        S.MAINTENANCE,
    ),
    exit=end_maintenance,
    rows=(
        Row(S.MAINTENANCE_PIN, on=ev.PinAccepted, to=S.MAINTENANCE_WAITING),
        Row(S.MAINTENANCE_WAITING, on=ev.MaintenanceGranted, to=S.MAINTENANCE),
        Row(Phase.MAINTENANCE_MODE, on=_LEAVE, when=a.in_service, to=S.HOME),
        Row(Phase.MAINTENANCE_MODE, on=_LEAVE, when=~a.in_service, to=S.OUT_OF_SERVICE),
    ),
)
"""Device reports and suspensions are noted here but never interrupt the technician."""
