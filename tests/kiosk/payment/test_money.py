"""Amounts are integer cents shown as ¥12.50."""

from __future__ import annotations

import pytest

from kiosk.payment.money import yuan


@pytest.mark.parametrize(
    ("cents", "shown"),
    [(0, "¥0.00"), (5, "¥0.05"), (1250, "¥12.50"), (2000, "¥20.00"), (123456, "¥1234.56"),
     (-50, "-¥0.50")],
)
def test_cents_are_shown_in_yuan_with_two_decimals(cents: int, shown: str) -> None:
    assert yuan(cents) == shown
