"""The idle restart policy: after enough uptime, inside the night window, never in front of a
citizen (fake clocks, no sleeps)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.flow.states import State
from kiosk.uptime import IDLE_STATES, SECONDS_PER_HOUR, IdleRestart, RestartPolicy

NIGHTLY = RestartPolicy(after_h=12.0, hours=(2, 5))
AT_3AM = datetime(2025, 3, 4, 3, 0)
HALF_DAY_S = 12 * SECONDS_PER_HOUR


class FakeClocks:
    """A monotonic clock and a wall clock the test moves."""

    def __init__(self) -> None:
        self.monotonic = 1000.0
        self.wall = datetime(2025, 3, 3, 14, 0)

    def advance(self, hours: float) -> None:
        self.monotonic += hours * SECONDS_PER_HOUR
        self.wall += timedelta(hours=hours)


def restart_on(clocks: FakeClocks, policy: RestartPolicy = NIGHTLY) -> IdleRestart:
    return IdleRestart(policy, clock=lambda: clocks.monotonic, wall_clock=lambda: clocks.wall)


def test_a_restart_is_due_after_the_uptime_in_the_window_on_the_attract_loop() -> None:
    assert NIGHTLY.due(HALF_DAY_S, AT_3AM, State.ATTRACT, session_empty=True)


def test_not_before_the_uptime() -> None:
    assert not NIGHTLY.due(HALF_DAY_S - 1, AT_3AM, State.ATTRACT, session_empty=True)


def test_not_outside_the_window() -> None:
    for hour in (1, 5, 14, 23):
        assert not NIGHTLY.due(HALF_DAY_S, AT_3AM.replace(hour=hour), State.ATTRACT, True)


@given(st.sampled_from([s for s in State if s not in IDLE_STATES]))
def test_never_while_a_citizen_is_at_the_screen(state: State) -> None:
    assert not NIGHTLY.due(10 * HALF_DAY_S, AT_3AM, state, session_empty=True)


def test_never_with_a_citizens_data_in_the_session() -> None:
    assert not NIGHTLY.due(HALF_DAY_S, AT_3AM, State.ATTRACT, session_empty=False)


def test_out_of_service_is_idle_too() -> None:
    assert NIGHTLY.due(HALF_DAY_S, AT_3AM, State.OUT_OF_SERVICE, session_empty=True)


def test_zero_hours_never_restarts() -> None:
    assert not RestartPolicy(0.0, None).due(1e9, AT_3AM, State.ATTRACT, session_empty=True)


def test_a_window_may_wrap_past_midnight() -> None:
    policy = RestartPolicy(1.0, (22, 4))
    assert [h for h in range(24) if policy.in_window(h)] == [0, 1, 2, 3, 22, 23]


def test_no_window_means_any_hour() -> None:
    assert all(RestartPolicy(1.0, None).in_window(h) for h in range(24))


def test_a_run_started_in_the_afternoon_restarts_the_next_night_not_before() -> None:
    clocks = FakeClocks()  # started 14:00
    restart = restart_on(clocks)
    clocks.advance(11)  # 01:00, up 11 h
    assert not restart.due(State.ATTRACT, session_empty=True)
    clocks.advance(1)  # 02:00, up 12 h
    assert restart.due(State.ATTRACT, session_empty=True)
    assert restart.uptime_s == HALF_DAY_S


def test_a_run_started_at_night_waits_for_the_following_night() -> None:
    clocks = FakeClocks()
    clocks.wall = clocks.wall.replace(hour=2, minute=30)
    restart = restart_on(clocks)
    clocks.advance(12)  # 14:30: up long enough, but the hall is open
    assert not restart.due(State.ATTRACT, session_empty=True)
    clocks.advance(12)  # 02:30 the next night
    assert restart.due(State.ATTRACT, session_empty=True)
