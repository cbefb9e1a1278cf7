"""Whether the platform's verification is about the person whose card is on the reader.

The platform answers a verification with the person it verified; a verification that came
back for someone else (a mixed-up session at the platform, a replayed or misrouted answer)
must be refused, not used to act for the citizen at the terminal. The card's chip and the
platform may spell the same data differently, so both sides are normalised first:

- Unicode NFKC, which maps full-width letters, digits and spaces (``Ｘ``, ``３``, U+3000) to
  their ordinary forms;
- whitespace trimmed at the ends and runs of it inside a name made one space (card readers
  pad fixed-width fields; foreign names keep one space between their parts);
- an ID number's check character ``x`` compared as ``X``.

Nothing else is forgiven: a different character is a different person. Empty values never
match.
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from kiosk.identity.card import IdentityCard


class NamedPerson(Protocol):
    """A person as a verification names them (the platform's or the kiosk's ``Person``)."""

    @property
    def name(self) -> str:
        """The full name."""
        ...

    @property
    def id_number(self) -> str:
        """The ID or card number."""
        ...


def normalise_name(name: str) -> str:
    """``name`` in NFKC with whitespace trimmed and inner runs made one space."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def normalise_id_number(id_number: str) -> str:
    """``id_number`` in NFKC without whitespace, letters in upper case."""
    return "".join(unicodedata.normalize("NFKC", id_number).split()).upper()


def verification_matches_card(card: IdentityCard, person: NamedPerson) -> bool:
    """True when ``person`` (from the platform's verification) is the holder of ``card``:
    the same ID number and the same name, after normalising (see the module)."""
    card_id, person_id = normalise_id_number(card.id_number), normalise_id_number(person.id_number)
    card_name, person_name = normalise_name(card.name), normalise_name(person.name)
    return bool(card_id and card_name) and card_id == person_id and card_name == person_name
