"""The days a citizen may choose for an appointment.

The halls open Monday to Friday; the platform decides which slots exist (and answers none on
a holiday), so the terminal offers the next working days from today and shows what each has.
"""

from __future__ import annotations

from datetime import date, timedelta

DAYS_OFFERED = 5
"""Working days offered, today first when it is one (a week of the hall's days)."""


def booking_days(today: date, count: int = DAYS_OFFERED) -> tuple[date, ...]:
    """The next ``count`` working days (Monday to Friday), starting with ``today``."""
    days: list[date] = []
    day = today
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)
