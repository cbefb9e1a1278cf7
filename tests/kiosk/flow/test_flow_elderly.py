"""适老模式: a session flag switched on home, forgotten with the session, and one factor that
gives the citizen more time on every timed step (idle, countdown, card grace, face guidance)."""

from __future__ import annotations

import pytest

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import State
from kiosk.flow.timeouts import (
    ATTRACT_AFTER_S,
    ELDERLY_TIME_FACTOR,
    FACE_CAPTURE_LIMIT_S,
    IDLE_COUNTDOWN_S,
    SCREEN_IDLE_S,
    TIMEOUTS,
    VERIFIED_CARD_GRACE_S,
    VERIFY_LIMIT_S,
    for_state,
)
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online, matter


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> FlowMachine:
    return FlowMachine(clock=clock, devices=all_online())


def elderly(m: FlowMachine) -> None:
    m.dispatch(ev.ToggleElderlyMode())
    assert m.view.elderly


def to_face_capture(m: FlowMachine) -> None:
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter("330100000000000001"))
    m.dispatch(ev.GuideLoaded(m.pending_request or 0, matter()))
    m.dispatch(ev.StartMatter())
    m.dispatch(ev.CardRead(FakeCard()))
    m.dispatch(ev.ConsentGiven())
    assert m.state is State.FACE_CAPTURE


def test_the_home_tile_switches_the_mode_on_and_off_without_leaving_home(
    machine: FlowMachine,
) -> None:
    assert not machine.view.elderly
    assert machine.dispatch(ev.ToggleElderlyMode()) == []
    assert machine.state is State.HOME
    assert machine.view.elderly and machine.session.elderly
    machine.dispatch(ev.ToggleElderlyMode())
    assert not machine.view.elderly


def test_the_mode_lasts_through_the_session(machine: FlowMachine) -> None:
    elderly(machine)
    to_face_capture(machine)
    assert machine.view.elderly


@pytest.mark.parametrize("leave", [ev.GoHome(), ev.Back()])
def test_home_after_the_session_forgets_the_mode(machine: FlowMachine, leave: ev.Event) -> None:
    elderly(machine)
    machine.dispatch(ev.OpenCatalogue())
    assert machine.dispatch(leave) == [fx.WipeSession()]
    assert machine.state is State.HOME
    assert not machine.view.elderly
    assert machine.session.is_empty()


def test_the_mode_is_not_the_citizens_data(machine: FlowMachine) -> None:
    elderly(machine)
    assert machine.session.is_empty()


def test_the_idle_timeout_forgets_the_mode(machine: FlowMachine, clock: FakeClock) -> None:
    elderly(machine)
    machine.dispatch(ev.OpenCatalogue())
    clock.advance(10 * (SCREEN_IDLE_S + IDLE_COUNTDOWN_S))
    machine.tick()
    machine.tick()
    assert machine.state is State.HOME
    assert not machine.view.elderly


def test_the_wipe_forgets_the_mode(machine: FlowMachine) -> None:
    elderly(machine)
    machine.session.wipe()
    assert not machine.session.elderly


def test_the_idle_timeout_and_its_countdown_take_twice_as_long(
    machine: FlowMachine, clock: FakeClock
) -> None:
    assert ELDERLY_TIME_FACTOR == 2.0
    elderly(machine)
    machine.dispatch(ev.OpenCatalogue())
    clock.advance(SCREEN_IDLE_S)
    machine.tick()
    assert not machine.view.idle_countdown
    clock.advance(SCREEN_IDLE_S - 1)
    machine.tick()
    assert not machine.view.idle_countdown
    clock.advance(1)
    machine.tick()
    assert machine.view.idle_countdown
    assert machine.view.countdown_remaining_s == 2 * IDLE_COUNTDOWN_S
    clock.advance(2 * IDLE_COUNTDOWN_S - 1)
    machine.tick()
    assert machine.state is State.CATALOGUE
    clock.advance(1)
    assert machine.tick() == [fx.WipeSession()]
    assert machine.state is State.HOME


def test_home_waits_twice_as_long_before_the_attract_loop(
    machine: FlowMachine, clock: FakeClock
) -> None:
    elderly(machine)
    clock.advance(ATTRACT_AFTER_S)
    machine.tick()
    assert machine.state is State.HOME
    clock.advance(ATTRACT_AFTER_S)
    machine.tick()
    assert machine.state is State.ATTRACT
    assert not machine.view.elderly, "the attract loop is for the next citizen"
    machine.touch()
    assert not machine.view.elderly


def test_face_guidance_gets_twice_as_long(machine: FlowMachine, clock: FakeClock) -> None:
    elderly(machine)
    to_face_capture(machine)
    clock.advance(FACE_CAPTURE_LIMIT_S)
    machine.tick()
    assert machine.state is State.FACE_CAPTURE
    clock.advance(FACE_CAPTURE_LIMIT_S)
    machine.tick()
    assert machine.state is not State.FACE_CAPTURE


def test_the_card_grace_gets_twice_as_long(machine: FlowMachine, clock: FakeClock) -> None:
    elderly(machine)
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", "张伟",
                                     FakeCard().id_number))
    assert machine.state is State.VERIFIED
    machine.dispatch(ev.CardTakenAway())
    assert machine.view.card_grace_remaining_s == 2 * VERIFIED_CARD_GRACE_S
    clock.advance(2 * VERIFIED_CARD_GRACE_S - 1)
    machine.tick()
    assert machine.state is State.VERIFIED
    clock.advance(1)
    machine.tick()
    assert machine.state is State.HOME


def test_the_terminals_own_work_keeps_its_limits() -> None:
    assert for_state(State.CARD_VERIFYING, True).limit_s == VERIFY_LIMIT_S
    assert for_state(State.FACE_CAPTURE, True).limit_s == 2 * FACE_CAPTURE_LIMIT_S


@pytest.mark.parametrize("state", list(State))
def test_every_clock_is_the_same_or_longer_and_only_longer_in_elderly_mode(state: State) -> None:
    assert for_state(state, False) == TIMEOUTS[state]
    clocks, slow = TIMEOUTS[state], for_state(state, True)
    assert slow.countdown is clocks.countdown
    if clocks.idle_s is not None:
        assert slow.idle_s == clocks.idle_s * ELDERLY_TIME_FACTOR
    if clocks.limit_s is not None:
        assert slow.limit_s == clocks.limit_s * (ELDERLY_TIME_FACTOR if clocks.paced else 1)
