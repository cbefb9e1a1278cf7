"""Idle handling: countdown, reset with wipe, touch keeps the session, attract loop."""

from __future__ import annotations

import pytest

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import State
from kiosk.flow.timeouts import TIMEOUTS
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online, matter


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> FlowMachine:
    return FlowMachine(clock=clock, devices=all_online())


def at_consent(m: FlowMachine) -> None:
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter("330100000000000001"))
    m.dispatch(ev.GuideLoaded(m.pending_request or 0, matter()))
    m.dispatch(ev.StartMatter())
    m.dispatch(ev.CardRead(FakeCard()))
    assert m.state is State.FACE_CONSENT


def test_every_state_has_its_timeouts() -> None:
    assert set(TIMEOUTS) == set(State)


def test_idle_opens_the_countdown_then_resets_home_with_a_wipe(
    machine: FlowMachine, clock: FakeClock
) -> None:
    machine.dispatch(ev.OpenCatalogue())
    clock.advance(59)
    machine.tick()
    assert not machine.view.idle_countdown
    clock.advance(1)
    machine.tick()
    assert machine.view.idle_countdown
    assert machine.view.countdown_remaining_s == 20
    clock.advance(12.5)
    machine.tick()
    assert machine.view.countdown_remaining_s == 8
    clock.advance(7.5)
    assert machine.tick() == [fx.WipeSession()]
    assert machine.state is State.HOME
    assert not machine.view.idle_countdown


def test_countdown_wipes_a_citizen_mid_identity(machine: FlowMachine, clock: FakeClock) -> None:
    at_consent(machine)
    clock.advance(120)
    machine.tick()
    assert machine.view.idle_countdown
    clock.advance(20)
    machine.tick()
    assert machine.state is State.HOME
    assert machine.session.is_empty()


def test_touch_during_the_countdown_keeps_the_session(
    machine: FlowMachine, clock: FakeClock
) -> None:
    at_consent(machine)
    clock.advance(125)
    machine.tick()
    assert machine.view.idle_countdown
    machine.touch()
    assert not machine.view.idle_countdown
    assert machine.state is State.FACE_CONSENT
    assert machine.session.card is not None
    clock.advance(119)
    machine.tick()
    assert not machine.view.idle_countdown


def test_continue_button_is_a_touch(machine: FlowMachine, clock: FakeClock) -> None:
    machine.dispatch(ev.OpenCatalogue())
    clock.advance(61)
    machine.tick()
    machine.dispatch(ev.ContinueSession())
    assert not machine.view.idle_countdown
    assert machine.state is State.CATALOGUE


def test_touch_restarts_the_idle_clock(machine: FlowMachine, clock: FakeClock) -> None:
    machine.dispatch(ev.OpenCatalogue())
    clock.advance(50)
    machine.touch()
    clock.advance(50)
    machine.tick()
    assert not machine.view.idle_countdown


def test_information_screens_return_home_without_a_countdown(
    machine: FlowMachine, clock: FakeClock
) -> None:
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    machine.dispatch(ev.GuideLoaded(machine.pending_request or 0, matter()))
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.ChooseWindow())
    assert machine.state is State.REFER_TO_WINDOW
    clock.advance(30)
    assert machine.tick() == [fx.WipeSession()]
    assert machine.state is State.HOME


def test_home_falls_to_the_attract_loop_and_a_touch_wakes_it(
    machine: FlowMachine, clock: FakeClock
) -> None:
    clock.advance(60)
    machine.tick()
    assert machine.state is State.ATTRACT
    clock.advance(3600)
    machine.tick()
    assert machine.state is State.ATTRACT
    machine.touch()
    assert machine.state is State.HOME


def test_waiting_screens_have_no_idle_countdown(machine: FlowMachine, clock: FakeClock) -> None:
    at_consent(machine)
    machine.dispatch(ev.ConsentGiven())
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    clock.advance(19)
    machine.tick()
    assert machine.state is State.FACE_VERIFYING
    assert not machine.view.idle_countdown


def test_a_state_change_closes_the_countdown(machine: FlowMachine, clock: FakeClock) -> None:
    machine.dispatch(ev.OpenCatalogue())
    clock.advance(61)
    machine.tick()
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    assert machine.state is State.GUIDE
    assert not machine.view.idle_countdown
