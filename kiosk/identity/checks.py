"""Whether a read card can be used to establish identity, and if not, why.

Decisions (issue 6):
* an unknown card type cannot be sent to the platform → ``UNKNOWN_TYPE`` (screen
  ``card_unknown``);
* an expired card is refused before any face capture → ``EXPIRED`` (``card_expired``);
* an ID number whose check digit is wrong means the chip data or the card is not
  trustworthy; the citizen cannot fix that at a terminal, so it is refused like an
  unreadable card with its own reason ("证件信息校验失败，请到人工窗口") →
  ``ID_NUMBER_INVALID`` (``card_unreadable`` with that reason).
The order matters: a card of unknown type is not checked further.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from kiosk.identity.card import KNOWN_CARD_TYPES, IdentityCard


class CardCheck(StrEnum):
    """The outcome of checking a read card, one value per screen the citizen may see."""

    OK = "ok"
    UNKNOWN_TYPE = "unknown_type"
    EXPIRED = "expired"
    ID_NUMBER_INVALID = "id_number_invalid"


def check_card(card: IdentityCard, today: date) -> CardCheck:
    """Classify ``card`` on ``today``: usable, or the first reason it cannot be used."""
    if card.card_type not in KNOWN_CARD_TYPES:
        return CardCheck.UNKNOWN_TYPE
    if card.expired(today):
        return CardCheck.EXPIRED
    if not card.id_number_valid:
        return CardCheck.ID_NUMBER_INVALID
    return CardCheck.OK
