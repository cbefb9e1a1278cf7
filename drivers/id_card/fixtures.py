"""The fixture cards of ``assets/sim/id_cards``, by name, for the emulator and its callers.

Each card's WLT photo is ``<fixture>.wlt`` beside its JSON when such a file exists, else 1024
deterministic bytes derived from the ID number (SHA-256 in counter mode), so the same
fixture always yields the same ``photo_wlt_sha256``; fingerprints are derived the same way.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from drivers.assets import asset_path
from drivers.id_card.cardjson import card_from_json
from drivers.id_card.errors import CardFormatError
from drivers.id_card.protocol import FINGERPRINT_SIZE, PHOTO_SIZE
from drivers.id_card.types import IdCard

FIXTURE_DIR = asset_path("sim", "id_cards")


class UnknownFixtureError(ValueError):
    """No fixture card of that name; the message lists the known ones."""


def fixtures(directory: Path = FIXTURE_DIR) -> list[str]:
    """The names of the fixture cards, sorted."""
    return sorted(path.stem for path in directory.glob("*.json"))


def derived_bytes(label: str, seed: str, size: int) -> bytes:
    """``size`` deterministic bytes from SHA-256 of ``label``, ``seed`` and a counter."""
    blocks = (
        hashlib.sha256(f"{label}:{seed}:{counter}".encode()).digest()
        for counter in range(-(-size // 32))
    )
    return b"".join(blocks)[:size]


def load_fixture(name: str, directory: Path = FIXTURE_DIR) -> IdCard:
    """The fixture card ``name`` with its photo and fingerprints."""
    path = directory / f"{name}.json"
    if name not in fixtures(directory):
        raise UnknownFixtureError(
            f"unknown ID card fixture {name!r}; known: {', '.join(fixtures(directory))}"
        )
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CardFormatError(f"fixture {name!r} cannot be read: {error}") from error
    if not isinstance(record, dict):
        raise CardFormatError(f"fixture {name!r} is not a JSON object")
    number = str(record.get("id_number", name))
    photo_path = directory / f"{name}.wlt"
    photo = (
        photo_path.read_bytes()
        if photo_path.is_file()
        else derived_bytes("photo", number, PHOTO_SIZE)
    )
    fingerprint = derived_bytes("fingerprint", number, FINGERPRINT_SIZE)
    return card_from_json(record, photo, fingerprint)
