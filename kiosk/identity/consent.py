"""Separate consent to face verification (PIPL art. 29; face-recognition rules 2025).

The record says what was agreed (a purpose code) and when; the words the ``face_consent``
screen shows for a purpose are the UI's (``ui.text``), and a record holds the code of the
purpose shown. It lives in the session only and is wiped with it: the terminal keeps no
consent log of its own (the platform's verification record is the durable trace).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ConsentPurpose(StrEnum):
    """What a consent is for; each has its wording in the UI's text catalogue."""

    FACE_VERIFICATION = "face_verification"
    """A live face photo, compared once with the card's photo, then deleted."""


@dataclass(frozen=True)
class ConsentRecord:
    """The citizen's answer to the face-consent question."""

    purpose: ConsentPurpose
    granted: bool
    at: float
    """Flow clock time of the answer (monotonic seconds)."""
