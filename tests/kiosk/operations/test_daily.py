"""Sessions today: counted across restarts, from zero on a new day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.operations.daily import DailyCount


def test_the_count_survives_a_restart_and_starts_again_the_next_day(tmp_path: Path) -> None:
    day = [date(2025, 3, 3)]
    state = tmp_path / "sessions.json"
    assert DailyCount(state, lambda: day[0]).add() == 1
    assert DailyCount(state, lambda: day[0]).add() == 2
    assert DailyCount(state, lambda: day[0]).count() == 2
    day[0] = date(2025, 3, 4)
    assert DailyCount(state, lambda: day[0]).count() == 0
    assert DailyCount(state, lambda: day[0]).add() == 1


def test_a_damaged_count_starts_from_zero(tmp_path: Path) -> None:
    state = tmp_path / "sessions.json"
    state.write_text("{")
    assert DailyCount(state, lambda: date(2025, 3, 3)).add() == 1
