"""Which matters take appointments, and which days are offered."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.appointments.days import booking_days
from kiosk.appointments.matters import appointable, appointable_matters
from kiosk.catalogue.model import Catalogue
from tests.kiosk.matters import matter


def test_guide_only_and_appointment_matters_are_appointable_others_not() -> None:
    guide_only = matter("GUIDE0000001", self_service="guide_only", identity="id_card")
    flagged = matter("FLAG00000001", appointment=True)
    applied_here = matter("FULL00000001")
    catalogue = Catalogue("v1", (applied_here, guide_only, flagged), ())
    assert [appointable(m) for m in catalogue.matters] == [False, True, True]
    assert appointable_matters(catalogue) == (guide_only, flagged)


def test_a_saturday_offers_the_next_five_working_days() -> None:
    saturday = date(2026, 11, 28)
    assert booking_days(saturday) == tuple(date(2026, 11, d) for d in (30,)) + tuple(
        date(2026, 12, d) for d in (1, 2, 3, 4)
    )


@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)), st.integers(1, 10))
def test_offered_days_are_working_days_in_order_from_today(today: date, count: int) -> None:
    days = booking_days(today, count)
    assert len(days) == count
    assert all(d.weekday() < 5 for d in days)
    assert list(days) == sorted(set(days))
    assert days[0] - today < timedelta(days=3)
    assert (today in days) == (today.weekday() < 5)
