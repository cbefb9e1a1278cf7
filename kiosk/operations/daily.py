"""A count of sessions started today (local date), kept across restarts for the heartbeat's
``sessions_today``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.statefile import read_state, write_state


class DailyCount:
    """Counts events per local day in a small state file; a new day starts from zero.

    ``today`` is injectable for tests. A damaged state file starts the day's count afresh
    (it is a statistic, not a security control). Thread-safe.
    """

    def __init__(self, state_file: Path, today: Callable[[], date] = date.today) -> None:
        self._state_file = state_file
        self._today = today
        self._lock = threading.Lock()

    def add(self) -> int:
        """Count one more (e.g. a session started); returns today's count."""
        with self._lock:
            count = self._count_today() + 1
            write_state(self._state_file, {"day": self._today().isoformat(), "count": count})
            return count

    def count(self) -> int:
        """Today's count so far."""
        with self._lock:
            return self._count_today()

    def _count_today(self) -> int:
        state = read_state(self._state_file)
        if not isinstance(state, dict) or state.get("day") != self._today().isoformat():
            return 0
        count = state.get("count")
        return count if isinstance(count, int) and count >= 0 else 0
