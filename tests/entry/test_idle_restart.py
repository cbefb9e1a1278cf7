"""The running kiosk ends its event loop with the idle-restart exit code only once the flow
is idle (attract loop) after the configured uptime (fake clocks)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from entry.idle_restart import IDLE_RESTART_EXIT, IdleRestartTimer
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import State
from kiosk.flow.timeouts import ATTRACT_AFTER_S
from kiosk.uptime import SECONDS_PER_HOUR, IdleRestart, RestartPolicy
from tests.kiosk.flow.helpers import FakeClock, all_online

AT_3AM = datetime(2025, 3, 4, 3, 0)
GUARD_MS = 10_000
"""Ends the event loop with 1 if the restart never comes (the test then fails)."""


def restart_timer(clock: FakeClock, machine: FlowMachine) -> IdleRestartTimer:
    restart = IdleRestart(RestartPolicy(12.0, (2, 5)), clock=clock, wall_clock=lambda: AT_3AM)
    return IdleRestartTimer(restart, machine)


def test_no_restart_on_home_even_when_due(qapp: QApplication) -> None:
    clock = FakeClock()
    machine = FlowMachine(clock=clock, devices=all_online())
    timer = restart_timer(clock, machine)
    clock.advance(12 * SECONDS_PER_HOUR)
    machine.touch()
    assert machine.state is State.HOME
    assert not timer.check()


def test_the_attract_loop_after_the_uptime_ends_the_event_loop_for_a_restart(
    qapp: QApplication,
) -> None:
    clock = FakeClock()
    machine = FlowMachine(clock=clock, devices=all_online())
    timer = restart_timer(clock, machine)
    clock.advance(12 * SECONDS_PER_HOUR + ATTRACT_AFTER_S)
    machine.tick()
    assert machine.state is State.ATTRACT
    QTimer.singleShot(0, timer.check)
    guard = QTimer()  # a stuck test ends with 1; stopped after, so no stray exit() later
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(1))
    guard.start(GUARD_MS)
    try:
        assert qapp.exec() == IDLE_RESTART_EXIT
    finally:
        guard.stop()
