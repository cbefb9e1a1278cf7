"""Maintenance mode in the flow: entry between citizens only, the PIN, the gate's grant,
leaving home or to the notice; and the out-of-service notice saying why."""

from __future__ import annotations

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.flow.timeouts import INFO_RETURN_S
from tests.kiosk.flow.helpers import FakeClock, all_online
from tests.kiosk.flow.test_flow_service import READERS_DOWN


def _in_maintenance(m: FlowMachine) -> list[fx.Effect]:
    m.dispatch(ev.EnterMaintenance())
    assert m.state is State.MAINTENANCE_PIN
    effects = m.dispatch(ev.PinAccepted())
    assert m.state is State.MAINTENANCE_WAITING
    m.dispatch(ev.MaintenanceGranted())
    assert m.state is State.MAINTENANCE
    return effects


def test_pin_accepted_asks_the_gate_and_its_grant_opens_maintenance() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    assert _in_maintenance(m) == [fx.RequestMaintenance()]


def test_the_gesture_is_ignored_during_a_citizen_session() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.EnterMaintenance())
    assert m.state is State.CATALOGUE
    m.dispatch(ev.GoHome())
    m.dispatch(ev.EnterMaintenance())
    assert m.state is State.MAINTENANCE_PIN


def test_the_gesture_works_on_the_attract_loop_and_the_out_of_service_notice() -> None:
    for devices in (all_online(), READERS_DOWN):
        m = FlowMachine(clock=FakeClock(), devices=devices)
        if m.state is State.HOME:
            m.dispatch(ev.IdleExpired())
            assert m.state is State.ATTRACT
        m.dispatch(ev.EnterMaintenance())
        assert m.state is State.MAINTENANCE_PIN


def test_leaving_closes_the_gate_and_goes_home() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    _in_maintenance(m)
    effects = m.dispatch(ev.LeaveMaintenance())
    assert m.state is State.HOME
    assert fx.EndMaintenance() in effects and fx.WipeSession() in effects


def test_the_gates_idle_timeout_ends_maintenance() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    _in_maintenance(m)
    m.dispatch(ev.MaintenanceEnded())
    assert m.state is State.HOME


def test_an_untouched_pin_pad_returns_home() -> None:
    clock = FakeClock()
    m = FlowMachine(clock=clock, devices=all_online())
    m.dispatch(ev.EnterMaintenance())
    clock.advance(INFO_RETURN_S + 1)
    m.tick()
    assert m.state is State.HOME


def test_devices_failing_never_interrupt_the_technician() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    _in_maintenance(m)
    m.dispatch(ev.DevicesChanged(READERS_DOWN))
    m.dispatch(ev.ServiceSuspended())
    assert m.state is State.MAINTENANCE
    m.dispatch(ev.LeaveMaintenance())
    assert m.state is State.OUT_OF_SERVICE


def test_taken_out_of_service_by_the_technician_says_maintenance() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    _in_maintenance(m)
    m.dispatch(ev.ServiceSuspended(ev.Suspender.TECHNICIAN))
    m.dispatch(ev.LeaveMaintenance())
    assert m.state is State.OUT_OF_SERVICE
    assert m.view.reason is Reason.MAINTENANCE
    _in_maintenance(m)
    m.dispatch(ev.ServiceResumed())
    m.dispatch(ev.LeaveMaintenance())
    assert m.state is State.HOME


def test_the_notice_says_why_and_follows_the_cause() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    m.dispatch(ev.ServiceSuspended())
    assert m.view.reason is Reason.SUSPENDED
    m.dispatch(ev.DevicesChanged(READERS_DOWN))
    assert m.view.reason is Reason.SUSPENDED
    m.dispatch(ev.ServiceResumed())
    assert m.state is State.OUT_OF_SERVICE
    assert m.view.reason is Reason.DEVICES_DOWN
