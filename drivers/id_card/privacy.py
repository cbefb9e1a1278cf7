"""Masking of personal data for logs and default CLI output (``110101********002X``, ``张*``)."""

from __future__ import annotations

_KEEP_HEAD = 6
_KEEP_TAIL = 4


def mask_id_number(number: str) -> str:
    """Keep the first 6 and last 4 characters and star the rest; too short to mask: all stars."""
    if len(number) <= _KEEP_HEAD + _KEEP_TAIL:
        return "*" * len(number)
    hidden = len(number) - _KEEP_HEAD - _KEEP_TAIL
    return number[:_KEEP_HEAD] + "*" * hidden + number[-_KEEP_TAIL:]


def mask_name(name: str) -> str:
    """Keep the first character (the family name) and star the rest, at least one star."""
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)
