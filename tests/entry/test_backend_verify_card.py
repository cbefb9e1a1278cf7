"""Backend.verify_card: the card-level verification of a card read by a SAM reader."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.id_card.emulator import DEFAULT_SAM_ID
from drivers.id_card.fixtures import load_fixture
from entry.backend import Backend, card_verify_request
from kiosk.catalogue.cache import CatalogueCache
from kiosk.platform.models import VerificationLevel
from platform_sim import RunningSimulator
from tests.kiosk.platform import simulated


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = simulated.start(tmp_path / "platform-sim")
    yield running
    running.stop()


def test_a_card_read_by_a_sam_reader_verifies_at_card_level(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    backend = Backend(simulated.client_for(sim), CatalogueCache(tmp_path / "catalogue.json"))
    card = dataclasses.replace(load_fixture("resident"), sam_id=DEFAULT_SAM_ID)
    verification = backend.verify_card(card)
    assert verification.verified and verification.level is VerificationLevel.CARD
    sent = sim.exchanges[-1].body
    assert b'"method":"card"' in sent and DEFAULT_SAM_ID.encode() in sent
    assert b"live_face_jpeg_b64" not in sent


def test_a_card_no_sam_reader_read_cannot_be_verified_by_card() -> None:
    with pytest.raises(ValueError, match="SAM"):
        card_verify_request(load_fixture("resident"))
