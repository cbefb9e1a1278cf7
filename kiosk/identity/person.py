"""The citizen as the kiosk knows them once identity is established.

A :class:`Citizen` keeps the full name and ID number (the forms and the platform need them)
next to the masked forms that are the only ones a screen may show.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.identity.card import IdentityCard
from kiosk.masking import mask_id_number, mask_name


class IdentityMethod(StrEnum):
    """How identity was established."""

    ID_CARD_AND_FACE = "id_card_and_face"
    ID_CARD = "id_card"
    QR_LOGIN = "qr_login"


@dataclass(frozen=True)
class Citizen:
    """A citizen's name and ID number, with the masked display forms."""

    name: str
    id_number: str

    @property
    def display_name(self) -> str:
        """The name as screens show it: 张*, 欧阳**, 约翰*."""
        return mask_name(self.name)

    @property
    def display_id_number(self) -> str:
        """The ID number as screens show it: first 6, stars, last 4."""
        return mask_id_number(self.id_number)


def person_from_card(card: IdentityCard) -> Citizen:
    """The person a card names (before any face verification)."""
    return Citizen(name=card.name.strip(), id_number=card.id_number.strip())


@dataclass(frozen=True)
class EstablishedIdentity:
    """An established identity. The platform's verification id scopes every later call; it is
    ``None`` when the card alone established identity (matters needing ``id_card`` only), for
    which the platform made no verification."""

    verification_id: str | None
    expires_at: str | None
    person: Citizen
    method: IdentityMethod
