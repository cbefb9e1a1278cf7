"""Random event sequences never crash the machine, and its invariants hold after every step."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement, SelfService
from kiosk.flow.states import State
from kiosk.flow.table import CHART
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online, matter

statuses = st.builds(
    DeviceStatus, st.sampled_from(DeviceState), st.sampled_from(MediaStatus), st.just("")
)
cards = st.builds(
    FakeCard,
    card_type=st.sampled_from(["resident", "foreign_permanent", "hk_macao_taiwan", "x"]),
    valid_to=st.sampled_from([date(2020, 1, 1), date(2036, 1, 1), "long_term"]),
    id_number_valid=st.booleans(),
)
briefs = st.builds(
    matter,
    identity=st.sampled_from(IdentityRequirement),
    self_service=st.sampled_from(SelfService),
    delivery=st.sampled_from([frozenset({"print_at_terminal"}), frozenset({"mail"})]),
)
request_ids = st.integers(min_value=0, max_value=6)

events = st.one_of(
    st.sampled_from(
        [
            ev.Wake(),
            ev.GoHome(),
            ev.Back(),
            ev.OpenCatalogue(),
            ev.StartQrLogin(),
            ev.StartMatter(),
            ev.ConsentGiven(),
            ev.ConsentDeclined(),
            ev.ChooseWindow(),
            ev.RetryCard(),
            ev.RetryFace(),
            ev.ContinueSession(),
            ev.CardPresented(),
            ev.CardTakenAway(),
            ev.FaceCaptureFailed(),
            ev.ServiceSuspended(),
            ev.ServiceResumed(),
            ev.IdleExpired(),
            ev.StateTimedOut(),
            ev.CardGraceExpired(),
            ev.ToggleElderlyMode(),
        ]
    ),
    st.builds(ev.SelectMatter, st.just("330100000000000001")),
    st.builds(ev.GuideLoaded, request_ids, briefs),
    st.builds(ev.CardRead, cards),
    st.builds(ev.CardReadFailed, st.sampled_from(ev.CardFailure)),
    st.builds(ev.FaceCaptured, st.binary(max_size=8).map(bytearray)),
    st.builds(ev.QrScanned, st.text(max_size=4)),
    st.builds(
        ev.VerifyResult, request_ids, st.just("v"), st.just("t"), st.just("张伟"), st.just("1")
    ),
    st.builds(
        ev.VerifyFailed,
        request_ids,
        st.sampled_from(["face_mismatch", "no_face", "card_reported_lost"]),
    ),
    st.builds(ev.PlatformUnavailable, request_ids),
    st.builds(ev.DevicesChanged, st.dictionaries(st.sampled_from(DeviceClass), statuses)),
)
actions = st.one_of(
    events,
    st.just("touch"),
    st.floats(min_value=0.1, max_value=200),
)


@given(st.lists(actions, max_size=60))
def test_random_sequences_never_crash_and_keep_the_invariants(
    steps: list[ev.Event | str | float],
) -> None:
    clock = FakeClock()
    machine = FlowMachine(clock=clock, devices=all_online())
    running: set[type[fx.Effect]] = set()

    activities = CHART.activities()

    def track(effect: fx.Effect) -> None:
        for _states, activity in activities:
            if effect == activity.start:
                assert type(effect) not in running, "started twice"
                running.add(type(effect))
            elif effect == activity.stop:
                assert type(activity.start) in running, "stopped while not running"
                running.discard(type(activity.start))

    machine.on_effect(track)
    for step in steps:
        if isinstance(step, float):
            clock.advance(step)
            machine.tick()
        elif step == "touch":
            machine.touch()
        else:
            assert isinstance(step, ev.Event)
            machine.dispatch(step)
        assert machine.state in set(State)
        expected = {type(a.start) for states, a in activities if machine.state in states}
        assert running == expected, "devices run exactly while their states are shown"
        if machine.state in (State.HOME, State.ATTRACT, State.OUT_OF_SERVICE):
            assert machine.session.is_empty()
        if machine.state in (State.ATTRACT, State.OUT_OF_SERVICE):
            assert not machine.session.elderly, "the elderly mode ends with the session"
        if machine.state is State.VERIFIED:
            assert machine.session.matter is not None or machine.session.verification is not None
        assert machine.session.face_attempts < 3
