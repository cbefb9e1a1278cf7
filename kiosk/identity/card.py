"""The view of an ID card that the kiosk layer relies on.

The ID-card driver (``drivers.id_card.types.IdCard``) fits it; the kiosk depends only on this
Protocol so that it does not follow the driver's module layout and tests can use small fakes.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable


class IdentityCard(Protocol):
    """The fields of a read ID card that identity checks and verification need."""

    @property
    def card_type(self) -> str:
        """``resident``, ``foreign_permanent`` or ``hk_macao_taiwan``; anything else is unknown."""
        ...

    @property
    def name(self) -> str:
        """The holder's name as printed (Chinese name for foreign permanent residents)."""
        ...

    @property
    def id_number(self) -> str:
        """The ID or card number."""
        ...

    @property
    def valid_to(self) -> date | str:
        """End of validity: a date, or ``long_term`` (长期)."""
        ...

    def expired(self, today: date) -> bool:
        """True when the card's validity ended before ``today``."""
        ...

    @property
    def id_number_valid(self) -> bool:
        """True when the ID number's check digit (GB 11643) is right."""
        ...

    @property
    def photo_wlt(self) -> bytes:
        """The card's 1024-byte WLT-compressed photo, sent to the platform for comparison."""
        ...


@runtime_checkable
class SamReadCard(IdentityCard, Protocol):
    """A card together with the reader's SAM module that read it: what the platform's
    card-level verification (``method: card``) needs. The driver's ``IdCard`` fits it."""

    @property
    def sam_id(self) -> str:
        """The SAM module's ID (安全模块号) of the reader that read the card."""
        ...


KNOWN_CARD_TYPES: frozenset[str] = frozenset({"resident", "foreign_permanent", "hk_macao_taiwan"})
"""Card types the platform's verifyIdentity accepts (VerifyRequest.card.card_type)."""
