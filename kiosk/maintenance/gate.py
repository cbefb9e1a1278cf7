"""Entering maintenance mode only between citizens, and leaving it when the technician goes.

Modelled on XFS4IoT's vendor mode: a request to enter makes the gate *pending*; no new
citizen session may start while it is pending, and the gate is *granted* (maintenance
active) as soon as nothing is in progress — no citizen session, no outbox delivery in
flight. A technician who stops touching the screen for ``idle_timeout_s`` is taken out of
maintenance, so a terminal is never left in it by accident.

Pure logic: the caller polls (:meth:`MaintenanceGate.poll`, e.g. once a second from a timer
and whenever a session ends) and reports technician activity; the clock is injectable.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class GateState(StrEnum):
    """Where the gate stands."""

    CLOSED = "closed"
    """In normal service: citizens may start sessions."""
    PENDING = "pending"
    """Entry asked for; waiting for the work in progress to end. No new sessions."""
    ACTIVE = "active"
    """Maintenance mode: the technician has the terminal."""


class LeaveReason(StrEnum):
    """Why maintenance ended (for the audit log)."""

    TECHNICIAN = "technician"
    IDLE_TIMEOUT = "idle_timeout"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class GateStatus:
    """The gate's state and, while pending, what it is waiting for (e.g. ``("session",)``)."""

    state: GateState
    waiting_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class GateChange:
    """One transition, passed to listeners (audit log, mode for heartbeat and metrics)."""

    before: GateState
    after: GateState
    reason: str


BusyCheck = Callable[[], bool]
Listener = Callable[[GateChange], None]


class MaintenanceGate:
    """Grants maintenance only when idle, and ends it after ``idle_timeout_s`` without
    technician activity.

    ``busy`` names what must be idle before entry, each with a check that is True while busy,
    e.g. ``{"session": lambda: session.active, "outbox": worker.delivering}``. Thread-safe;
    listeners are called outside the lock.
    """

    def __init__(
        self,
        busy: Mapping[str, BusyCheck],
        idle_timeout_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._busy = dict(busy)
        self._idle_timeout_s = idle_timeout_s
        self._clock = clock
        self._state = GateState.CLOSED
        self._last_activity = 0.0
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every transition; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @property
    def state(self) -> GateState:
        """The current state (without polling)."""
        return self._state

    def may_start_session(self) -> bool:
        """False while maintenance is pending or active: the home screen must not start one."""
        return self._state is GateState.CLOSED

    def request(self) -> GateStatus:
        """Ask to enter maintenance (after the PIN was accepted); granted at once when idle,
        otherwise pending until :meth:`poll` finds the terminal idle."""
        with self._lock:
            if self._state is GateState.CLOSED:
                change = self._move(GateState.PENDING, "requested")
            else:
                change = None
        self._notify(change)
        return self.poll()

    def poll(self) -> GateStatus:
        """Grant a pending entry when idle; end maintenance after the idle timeout."""
        with self._lock:
            change = None
            waiting: tuple[str, ...] = ()
            if self._state is GateState.PENDING:
                waiting = tuple(name for name, busy in self._busy.items() if busy())
                if not waiting:
                    self._last_activity = self._clock()
                    change = self._move(GateState.ACTIVE, "granted")
            elif (
                self._state is GateState.ACTIVE
                and self._clock() - self._last_activity >= self._idle_timeout_s
            ):
                change = self._move(GateState.CLOSED, LeaveReason.IDLE_TIMEOUT)
            status = GateStatus(self._state, waiting)
        self._notify(change)
        return status

    def touch(self) -> None:
        """The technician did something: restart the idle timeout."""
        with self._lock:
            self._last_activity = self._clock()

    def leave(self, reason: LeaveReason = LeaveReason.TECHNICIAN) -> None:
        """Leave maintenance, or withdraw a pending request; nothing when closed."""
        with self._lock:
            if self._state is GateState.CLOSED:
                change = None
            elif self._state is GateState.PENDING:
                change = self._move(GateState.CLOSED, LeaveReason.CANCELLED)
            else:
                change = self._move(GateState.CLOSED, reason)
        self._notify(change)

    def _move(self, after: GateState, reason: str) -> GateChange:
        change = GateChange(self._state, after, str(reason))
        self._state = after
        return change

    def _notify(self, change: GateChange | None) -> None:
        if change is not None:
            for listener in list(self._listeners):
                listener(change)
