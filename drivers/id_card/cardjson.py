"""The card as JSON: the CLI's ``read --json`` object, and fixture files read back into cards.

Fixture files (``assets/sim/id_cards``) use the CLI's keys plus ``fixture``, ``nation_code``,
``pass_number`` and ``issue_count``, so one shape serves the driver, the emulator and the
simulated platform.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from typing import Any

from drivers.id_card.errors import CardFormatError
from drivers.id_card.privacy import mask_id_number
from drivers.id_card.types import LONG_TERM, CardType, IdCard, Sex, ValidTo

JSON_KEYS = (
    "card_type",
    "name",
    "name_en",
    "sex",
    "nation",
    "nationality",
    "birth_date",
    "address",
    "id_number",
    "issuer",
    "valid_from",
    "valid_to",
    "expired",
    "id_number_valid",
    "photo_wlt_sha256",
)


def card_to_json(card: IdCard, today: date, show_number: bool = False) -> dict[str, Any]:
    """The ``read --json`` object; the number is masked unless ``show_number``."""
    valid_to = card.valid_to.isoformat() if isinstance(card.valid_to, date) else LONG_TERM
    return {
        "card_type": card.card_type.value,
        "name": card.name,
        "name_en": card.name_en,
        "sex": card.sex.value,
        "nation": card.nation,
        "nationality": card.nationality,
        "birth_date": card.birth_date.isoformat(),
        "address": card.address,
        "id_number": card.id_number if show_number else mask_id_number(card.id_number),
        "issuer": card.issuer,
        "valid_from": card.valid_from.isoformat(),
        "valid_to": valid_to,
        "expired": card.expired(today),
        "id_number_valid": card.id_number_valid,
        "photo_wlt_sha256": hashlib.sha256(card.photo_wlt).hexdigest(),
    }


def _str(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str):
        raise CardFormatError(f"card record: {key!r} must be a string")
    return value


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise CardFormatError(f"card record: {key!r} must be a string or null")
    return value


def _iso_date(record: Mapping[str, Any], key: str) -> date:
    try:
        return date.fromisoformat(_str(record, key))
    except ValueError as error:
        raise CardFormatError(f"card record: {key!r} is not a YYYY-MM-DD date") from error


def card_from_json(
    record: Mapping[str, Any], photo_wlt: bytes = b"", fingerprint: bytes = b""
) -> IdCard:
    """A card from a fixture-shaped record; a wrong or missing key is a CardFormatError."""
    try:
        card_type = CardType(_str(record, "card_type"))
        sex = Sex(_str(record, "sex"))
    except ValueError as error:
        raise CardFormatError(f"card record: {error}") from error
    valid_to: ValidTo = (
        LONG_TERM if record.get("valid_to") == LONG_TERM else _iso_date(record, "valid_to")
    )
    return IdCard(
        card_type=card_type,
        name=_str(record, "name"),
        name_en=_optional_str(record, "name_en"),
        sex=sex,
        nation_code=_optional_str(record, "nation_code"),
        nationality=_optional_str(record, "nationality"),
        birth_date=_iso_date(record, "birth_date"),
        address=_optional_str(record, "address"),
        id_number=_str(record, "id_number"),
        issuer=_str(record, "issuer"),
        valid_from=_iso_date(record, "valid_from"),
        valid_to=valid_to,
        pass_number=_optional_str(record, "pass_number"),
        issue_count=_optional_str(record, "issue_count"),
        photo_wlt=photo_wlt,
        fingerprint=fingerprint,
    )
