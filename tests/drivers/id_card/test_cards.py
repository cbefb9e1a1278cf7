"""Text blocks of the three card types: round-trips, offsets, trimming and clear errors."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from drivers.id_card.cards import card_type_of, decode_card, encode_text
from drivers.id_card.errors import CardFormatError
from drivers.id_card.fixtures import fixtures, load_fixture
from drivers.id_card.payloads import CardData
from drivers.id_card.types import LONG_TERM, CardType


def decoded(text: bytes) -> object:
    return decode_card(CardData(text, b"", b""))


@pytest.mark.parametrize("name", fixtures())
def test_every_fixture_survives_encode_then_decode(name: str) -> None:
    card = load_fixture(name)
    data = CardData(encode_text(card), card.photo_wlt, card.fingerprint)
    assert decode_card(data) == card
    assert card.id_number_valid


def test_type_character_sits_at_offset_248() -> None:
    text = encode_text(load_fixture("foreign_permanent"))
    assert text[248:250] == "I".encode("utf-16-le")
    assert encode_text(load_fixture("hk_macao_taiwan"))[248:250] == "J".encode("utf-16-le")
    assert encode_text(load_fixture("resident"))[248:250] == " ".encode("utf-16-le")


def test_foreign_card_fields_are_at_their_offsets() -> None:
    text = encode_text(load_fixture("foreign_permanent"))
    assert text[0:20].decode("utf-16-le") == "SMITH JOHN"
    assert text[122:152].decode("utf-16-le") == "USA330080011501"
    assert text[152:158].decode("utf-16-le") == "USA"
    assert text[220:236].decode("utf-16-le") == "19800115"


def test_rare_name_uses_a_surrogate_pair_for_extension_b() -> None:
    text = encode_text(load_fixture("rare_name"))
    assert text[:8] == "周𠀾㛃".encode("utf-16-le")
    assert len("周𠀾㛃".encode("utf-16-le")) == 8  # 周, a surrogate pair, 㛃


def test_long_term_validity_is_stored_as_changqi() -> None:
    card = load_fixture("long_term")
    text = encode_text(card)
    assert text[204:208].decode("utf-16-le") == "长期"
    assert card.valid_to == LONG_TERM
    assert not card.expired(date(2999, 1, 1))


def test_expired_is_computed_against_the_given_day() -> None:
    card = load_fixture("expired")
    assert card.expired(date(2024, 3, 2))
    assert not card.expired(date(2024, 3, 1))


def test_nuls_and_spaces_are_trimmed() -> None:
    text = bytearray(encode_text(load_fixture("resident")))
    text[4:30] = b"\x00" * 26
    card = decode_card(CardData(bytes(text), b"", b""))
    assert card.name == "张伟"


def test_wrong_check_digit_is_reported_not_accepted() -> None:
    card = dataclasses.replace(load_fixture("resident"), id_number="330106198503120010")
    round_tripped = decode_card(CardData(encode_text(card), b"", b""))
    assert round_tripped.id_number == "330106198503120010"
    assert not round_tripped.id_number_valid


@pytest.mark.parametrize("char", ["Y", "Q"])
def test_unknown_card_type_is_a_clear_error(char: str) -> None:
    text = bytearray(encode_text(load_fixture("resident")))
    text[248:250] = char.encode("utf-16-le")
    with pytest.raises(CardFormatError, match=f"unknown card type '{char}'"):
        decoded(bytes(text))


@pytest.mark.parametrize(
    ("offset", "value", "message"),
    [
        (30, "9", "sex"),
        (32, "99", "nation"),
        (36, "19851312", "birth date"),
        (204, "2036-5-1", "valid-to"),
    ],
)
def test_bad_fields_are_clear_errors(offset: int, value: str, message: str) -> None:
    text = bytearray(encode_text(load_fixture("resident")))
    raw = value.encode("utf-16-le")
    text[offset : offset + len(raw)] = raw
    with pytest.raises(CardFormatError, match=message):
        decoded(bytes(text))


def test_wrong_block_size_is_a_clear_error() -> None:
    with pytest.raises(CardFormatError, match="256"):
        card_type_of(b"\x20\x00" * 10)


def test_field_too_long_for_the_card_cannot_be_encoded() -> None:
    card = dataclasses.replace(load_fixture("resident"), name="很" * 16)
    with pytest.raises(CardFormatError, match="offset 0"):
        encode_text(card)


def test_nation_name_comes_from_gb_t_3304() -> None:
    assert load_fixture("resident").nation == "汉"
    assert load_fixture("expired").nation == "回"
    assert load_fixture("foreign_permanent").card_type is CardType.FOREIGN_PERMANENT
    assert load_fixture("foreign_permanent").nation is None
