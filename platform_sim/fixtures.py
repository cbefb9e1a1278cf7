"""The fixture ID cards of ``assets/sim/id_cards``, read as package data.

They are the people the kiosk's ID-card reader simulator can present; the simulated platform
reads the same JSON files (not the driver), so it needs nothing of the kiosk but the files.
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

FIXTURE_DIR: Traversable = files("assets") / "sim" / "id_cards"


def fixture_cards(directory: Traversable = FIXTURE_DIR) -> list[dict[str, Any]]:
    """Every ``*.json`` card of ``directory`` as a JSON object, in file-name order."""
    paths = sorted((p for p in directory.iterdir() if p.name.endswith(".json")), key=str)
    cards: list[dict[str, Any]] = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    return cards
