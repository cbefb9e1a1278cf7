"""When a terminal restarts itself: after some hours of uptime, at night, never in front of a
citizen.

A kiosk that runs for weeks accumulates whatever leaks (memory, file handles, a wedged
driver); field kiosks restart themselves while idle after some hours (systemd's
``RuntimeMaxSec`` would restart regardless of a person at the screen). The app asks
:meth:`IdleRestart.due` on a timer and, when it says so, exits so that systemd starts a fresh
kiosk. Idle means the attract loop (nobody touched home for a minute) or out of service, with
no citizen's data in the session.

Pure: the clocks are injected, so tests drive it with fake ones.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.flow.states import State

SECONDS_PER_HOUR = 3600.0
IDLE_STATES = frozenset({State.ATTRACT, State.OUT_OF_SERVICE})
"""Screens nobody is using: the attract loop (home untouched) and out of service."""


@dataclass(frozen=True)
class RestartPolicy:
    """``[terminal] restart_after_h`` and ``restart_hours``."""

    after_h: float = 0.0
    """Uptime after which a restart is due; 0 = never."""
    hours: tuple[int, int] | None = None
    """Local hours ``[from, until)`` a restart may happen in (wrapping past midnight when
    from > until); None = any hour."""

    def in_window(self, hour: int) -> bool:
        """True when a restart may happen at this local hour."""
        if self.hours is None:
            return True
        start, end = self.hours
        if start <= end:
            return start <= hour < end
        return hour >= start or hour < end

    def due(self, uptime_s: float, now: datetime, state: State, session_empty: bool) -> bool:
        """True when the kiosk should restart now: enabled, up long enough, inside the
        window, and idle with an empty session."""
        return (
            self.after_h > 0
            and uptime_s >= self.after_h * SECONDS_PER_HOUR
            and self.in_window(now.hour)
            and state in IDLE_STATES
            and session_empty
        )


class IdleRestart:
    """A :class:`RestartPolicy` applied to one run of the kiosk, started when built."""

    def __init__(
        self,
        policy: RestartPolicy,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.policy = policy
        self._clock = clock
        self._wall_clock = wall_clock
        self._started = clock()

    @property
    def uptime_s(self) -> float:
        """Seconds since this run started."""
        return self._clock() - self._started

    def due(self, state: State, session_empty: bool) -> bool:
        """True when this run should end for a restart (see :meth:`RestartPolicy.due`)."""
        return self.policy.due(self.uptime_s, self._wall_clock(), state, session_empty)
