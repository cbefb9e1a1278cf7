"""Structural checks of card numbers: the GB 11643 check digit and the foreign card format."""

from __future__ import annotations

import re

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_RESIDENT = re.compile(r"[0-9]{17}[0-9X]")
_FOREIGN_2017 = re.compile(r"[A-Z]{3}[0-9]{12}")


def check_digit(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of a citizen identity number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_digit needs exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def resident_number_valid(number: str) -> bool:
    """True when ``number`` is 17 digits plus the right GB 11643 check character."""
    return bool(_RESIDENT.fullmatch(number)) and check_digit(number[:17]) == number[17]


def foreign_number_valid(number: str) -> bool:
    """True when ``number`` has the 2017 foreign permanent resident card's shape.

    Three letters (nationality) and twelve digits. The card's own check-character rule is not
    published in the sources this driver follows, so only the shape is checked.
    """
    return bool(_FOREIGN_2017.fullmatch(number))
