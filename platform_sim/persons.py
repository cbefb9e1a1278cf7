"""The simulated population: the fixture ID cards of ``assets/sim/id_cards``.

The platform knows exactly the people the ID-card reader simulator can present, so a card
read at the kiosk verifies against the same person here. ``face_mismatch`` is the person
whose face never matches; ``expired`` holds a card past its valid-to date.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cache

from platform_sim.fixtures import fixture_cards

FACE_MISMATCH_FIXTURE = "face_mismatch"


@dataclass(frozen=True)
class Person:
    """One fixture person as the public-security portrait service knows them."""

    fixture: str
    card_type: str
    name: str
    id_number: str
    valid_to: str
    phone: str

    def card_expired(self, today: date) -> bool:
        """True when the card's valid-to date (not ``long_term``) is before ``today``."""
        return self.valid_to != "long_term" and date.fromisoformat(self.valid_to) < today

    @property
    def qr_token(self) -> str:
        """The token the simulated provincial app puts in its login QR code (see ``identity``)."""
        return hashlib.sha256(self.id_number.encode("utf-8")).hexdigest()[:32]


def _phone_for(id_number: str) -> str:
    digits = int(hashlib.sha256(id_number.encode("utf-8")).hexdigest(), 16) % 10**8
    return f"138{digits:08d}"


@cache
def load_persons() -> dict[str, Person]:
    """Fixture persons by ID number, each with a stable invented mobile number."""
    persons: dict[str, Person] = {}
    for card in fixture_cards():
        persons[card["id_number"]] = Person(
            fixture=card["fixture"],
            card_type=card["card_type"],
            name=card["name"],
            id_number=card["id_number"],
            valid_to=card["valid_to"],
            phone=_phone_for(card["id_number"]),
        )
    return persons
