"""Maintenance entry only between citizens (request → pending → granted), idle timeout out."""

from __future__ import annotations

from kiosk.maintenance.gate import (
    GateChange,
    GateState,
    GateStatus,
    LeaveReason,
    MaintenanceGate,
)


class Terminal:
    """What the gate waits for, switched by the test; and a fake monotonic clock."""

    def __init__(self) -> None:
        self.session = False
        self.outbox = False
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def gate(self, idle_timeout_s: float = 300) -> MaintenanceGate:
        busy = {"session": lambda: self.session, "outbox": lambda: self.outbox}
        return MaintenanceGate(busy, idle_timeout_s, clock=self.clock)


def test_an_idle_terminal_is_granted_at_once() -> None:
    gate = Terminal().gate()
    assert gate.request() == GateStatus(GateState.ACTIVE)
    assert not gate.may_start_session()


def test_entry_waits_for_the_session_and_the_outbox_then_is_granted() -> None:
    terminal = Terminal()
    terminal.session = terminal.outbox = True
    gate = terminal.gate()
    assert gate.request() == GateStatus(GateState.PENDING, ("session", "outbox"))
    assert not gate.may_start_session()
    terminal.session = False
    assert gate.poll() == GateStatus(GateState.PENDING, ("outbox",))
    terminal.outbox = False
    assert gate.poll() == GateStatus(GateState.ACTIVE)


def test_idle_technician_is_taken_out_after_the_timeout() -> None:
    terminal = Terminal()
    gate = terminal.gate(idle_timeout_s=300)
    changes: list[GateChange] = []
    gate.subscribe(changes.append)
    gate.request()
    terminal.now = 200
    gate.touch()
    terminal.now = 499
    assert gate.poll().state is GateState.ACTIVE
    terminal.now = 500
    assert gate.poll().state is GateState.CLOSED
    assert gate.may_start_session()
    assert changes == [
        GateChange(GateState.CLOSED, GateState.PENDING, "requested"),
        GateChange(GateState.PENDING, GateState.ACTIVE, "granted"),
        GateChange(GateState.ACTIVE, GateState.CLOSED, "idle_timeout"),
    ]


def test_the_idle_timeout_counts_from_the_grant_not_the_request() -> None:
    terminal = Terminal()
    terminal.session = True
    gate = terminal.gate(idle_timeout_s=300)
    gate.request()
    terminal.now = 1000
    terminal.session = False
    assert gate.poll().state is GateState.ACTIVE
    terminal.now = 1299
    assert gate.poll().state is GateState.ACTIVE


def test_leaving_pending_withdraws_the_request() -> None:
    terminal = Terminal()
    terminal.session = True
    gate = terminal.gate()
    changes: list[GateChange] = []
    gate.subscribe(changes.append)
    gate.request()
    gate.leave()
    terminal.session = False
    assert gate.poll() == GateStatus(GateState.CLOSED)
    assert changes[-1] == GateChange(GateState.PENDING, GateState.CLOSED, "cancelled")


def test_the_technician_leaves_and_a_second_leave_does_nothing() -> None:
    gate = Terminal().gate()
    changes: list[GateChange] = []
    unsubscribe = gate.subscribe(changes.append)
    gate.request()
    gate.leave(LeaveReason.TECHNICIAN)
    gate.leave()
    assert changes[-1] == GateChange(GateState.ACTIVE, GateState.CLOSED, "technician")
    assert len(changes) == 3
    unsubscribe()
    gate.request()
    assert len(changes) == 3


def test_a_second_request_while_active_changes_nothing() -> None:
    gate = Terminal().gate()
    gate.request()
    assert gate.request() == GateStatus(GateState.ACTIVE)
