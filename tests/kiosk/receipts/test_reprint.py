"""Which applications can be reprinted, and which ones share one receipt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.platform.models import Application
from kiosk.receipts.reprint import REPRINT_DAYS, recent, same_receipt

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def application(no: str, accepted_at: datetime) -> Application:
    return Application(no, "Q1W2E3", "M1", "居住证签注", "accepted", accepted_at, ())


def test_only_the_last_thirty_days_are_offered_in_the_platform_order() -> None:
    listed = [
        application("NEW0000001", NOW - timedelta(hours=1)),
        application("MID0000001", NOW - timedelta(days=29, hours=23)),
        application("OLD0000001", NOW - timedelta(days=31)),
    ]
    assert [a.application_no for a in recent(listed, NOW)] == ["NEW0000001", "MID0000001"]


def test_a_bundle_s_applications_are_reprinted_together() -> None:
    at = NOW - timedelta(days=2)
    listed = [
        application("ALONE00001", NOW - timedelta(days=1)),
        application("BUNDLE0001", at),
        application("BUNDLE0002", at),
    ]
    chosen = same_receipt(listed, "BUNDLE0002")
    assert [a.application_no for a in chosen] == ["BUNDLE0001", "BUNDLE0002"]
    assert [a.application_no for a in same_receipt(listed, "ALONE00001")] == ["ALONE00001"]
    assert same_receipt(listed, "UNKNOWN001") == ()


@given(st.integers(min_value=0, max_value=3 * REPRINT_DAYS * 24))
def test_an_application_is_offered_exactly_within_the_window(hours_ago: int) -> None:
    listed = [application("ANY0000001", NOW - timedelta(hours=hours_ago))]
    assert bool(recent(listed, NOW)) is (hours_ago <= REPRINT_DAYS * 24)
