"""The home tiles a profile may choose are the ones the UI has words for, in its order."""

from __future__ import annotations

from kiosk.config import HOME_TILES
from ui import text


def test_every_configurable_tile_has_words_and_the_default_order_is_the_configs() -> None:
    assert tuple(e["id"] for e in text.home_entries()) == HOME_TILES


def test_a_profiles_tiles_come_in_its_order() -> None:
    chosen = ("appointment", "services", "progress")
    assert [e["id"] for e in text.home_entries(chosen)] == list(chosen)
    assert all(e["label"] and e["hint"] for e in text.home_entries(chosen))
