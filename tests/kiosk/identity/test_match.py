"""A verification is accepted only for the holder of the card on the reader."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from kiosk.identity.match import verification_matches_card
from kiosk.platform.models import Person
from tests.kiosk.flow.helpers import FakeCard

CARD = FakeCard(name="欧阳娜娜", id_number="33010619850312001X")

ID_NUMBERS = st.from_regex(r"\A[0-9]{17}[0-9X]\Z")
NAME_CHARACTERS = st.characters(categories=["Lo", "Lu", "Ll"]).filter(
    lambda c: unicodedata.normalize("NFKC", c) == c  # one spelling only: a different letter
)
NAMES = st.text(NAME_CHARACTERS | st.sampled_from("· "), min_size=1, max_size=12).filter(str.strip)
PADDING = st.text(" \t\u3000", max_size=3)


def full_width(text: str) -> str:
    """ASCII letters and digits as their full-width forms (as some systems store them)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_the_same_person_matches() -> None:
    assert verification_matches_card(CARD, Person("欧阳娜娜", "33010619850312001X"))


def test_another_person_does_not_match() -> None:
    assert not verification_matches_card(CARD, Person("欧阳娜娜", "330106198503120029"))
    assert not verification_matches_card(CARD, Person("欧阳娜", "33010619850312001X"))
    assert not verification_matches_card(CARD, Person("张伟", "110101199003070015"))


def test_empty_values_never_match() -> None:
    blank = FakeCard(name=" ", id_number="")
    assert not verification_matches_card(blank, Person("", ""))


@given(ID_NUMBERS, NAMES, PADDING, PADDING, st.booleans(), st.booleans())
def test_spelling_differences_of_width_case_and_padding_still_match(
    id_number: str, name: str, before: str, after: str, wide: bool, lower_x: bool
) -> None:
    card = FakeCard(name=f"{before}{name}{after}", id_number=f"{id_number}{after}")
    platform_id = id_number.lower() if lower_x else id_number
    platform_id = full_width(platform_id) if wide else platform_id
    assert verification_matches_card(card, Person(name, platform_id))


@given(ID_NUMBERS, ID_NUMBERS, NAMES)
def test_a_different_id_number_never_matches(first: str, second: str, name: str) -> None:
    card = FakeCard(name=name, id_number=first)
    assert verification_matches_card(card, Person(name, second)) is (first == second)


@given(NAMES, NAMES, ID_NUMBERS)
def test_a_different_name_never_matches(first: str, second: str, id_number: str) -> None:
    card = replace(CARD, name=first, id_number=id_number)
    same = first.split() == second.split()
    assert verification_matches_card(card, Person(second, id_number)) is same


def test_a_foreign_name_keeps_its_parts_apart() -> None:
    card = FakeCard(card_type="foreign_permanent", name="JOHN  SMITH ", id_number="ABC123")
    assert verification_matches_card(card, Person("JOHN SMITH", "abc123"))
    assert not verification_matches_card(card, Person("JOHNSMITH", "ABC123"))
