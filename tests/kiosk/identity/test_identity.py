"""Card checks and the person a card names (the consent text is tested with ui.text)."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.id_card.fixtures import load_fixture
from kiosk.identity.card import IdentityCard
from kiosk.identity.checks import CardCheck, check_card
from kiosk.identity.person import person_from_card
from tests.kiosk.flow.helpers import FakeCard

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("card", "check"),
    [
        (FakeCard(), CardCheck.OK),
        (FakeCard(valid_to="long_term"), CardCheck.OK),
        (FakeCard(valid_to=date(2026, 11, 22)), CardCheck.EXPIRED),
        (FakeCard(valid_to=date(2026, 11, 23)), CardCheck.OK),
        (FakeCard(id_number_valid=False), CardCheck.ID_NUMBER_INVALID),
        (FakeCard(card_type="passport"), CardCheck.UNKNOWN_TYPE),
        (FakeCard(card_type="passport", id_number_valid=False), CardCheck.UNKNOWN_TYPE),
        (FakeCard(valid_to=date(2020, 1, 1), id_number_valid=False), CardCheck.EXPIRED),
    ],
)
def test_check_card(card: FakeCard, check: CardCheck) -> None:
    assert check_card(card, TODAY) is check


def test_person_shows_only_masked_forms() -> None:
    person = person_from_card(FakeCard(name=" 周𠀾㛃 "))
    assert person.name == "周𠀾㛃"
    assert person.display_name == "周**"
    assert person.display_id_number == "330106********001X"


@pytest.mark.parametrize(
    ("fixture", "check", "display"),
    [
        ("resident", CardCheck.OK, "张*"),
        ("long_term", CardCheck.OK, None),
        ("expired", CardCheck.EXPIRED, None),
        ("rare_name", CardCheck.OK, "周**"),
        ("foreign_permanent", CardCheck.OK, None),
        ("hk_macao_taiwan", CardCheck.OK, None),
    ],
)
def test_the_readers_fixture_cards(fixture: str, check: CardCheck, display: str | None) -> None:
    card: IdentityCard = load_fixture(fixture)
    assert check_card(card, TODAY) is check
    if display is not None:
        assert person_from_card(card).display_name == display
