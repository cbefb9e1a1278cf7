"""Amounts are integer cents everywhere; this is how they are shown (¥12.50)."""

from __future__ import annotations


def yuan(cents: int) -> str:
    """``cents`` as the citizen reads it: ``¥12.50`` (a minus sign before the symbol)."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}¥{whole}.{part:02d}"
