"""Answer payloads: card data lengths and the SAM ID's printed form."""

from __future__ import annotations

import pytest

from drivers.id_card.errors import ProtocolError
from drivers.id_card.payloads import (
    CardData,
    decode_card_data,
    encode_card_data,
    format_sam_id,
    parse_sam_id,
)
from drivers.id_card.protocol import encode_answer


def test_read_answer_has_the_reference_length() -> None:
    data = CardData(bytes(256), bytes(1024), bytes(1024))
    assert len(encode_answer(0x90, encode_card_data(data, False))) == 1295
    assert len(encode_answer(0x90, encode_card_data(data, True))) == 2321
    assert encode_answer(0x90, encode_card_data(data, False))[5:7] == b"\x05\x08"
    assert encode_answer(0x90, encode_card_data(data, True))[5:7] == b"\x09\x0a"


@pytest.mark.parametrize("fingerprint", [False, True])
def test_card_data_round_trips(fingerprint: bool) -> None:
    data = CardData(b"t" * 256, b"p" * 1024, b"f" * 1024 if fingerprint else b"")
    assert decode_card_data(encode_card_data(data, fingerprint), fingerprint) == data


def test_lengths_that_disagree_with_the_data_are_protocol_errors() -> None:
    data = encode_card_data(CardData(bytes(256), bytes(1024)), False)
    with pytest.raises(ProtocolError, match="lengths"):
        decode_card_data(data[:-1], False)
    with pytest.raises(ProtocolError, match="length header"):
        decode_card_data(b"\x01", False)


def test_sam_id_prints_in_the_usual_form() -> None:
    raw = parse_sam_id("05.01-20101010-0012345678-1234567890")
    assert len(raw) == 16
    assert raw[:4] == b"\x05\x00\x01\x00"
    assert format_sam_id(raw) == "05.01-20101010-0012345678-1234567890"
    with pytest.raises(ProtocolError):
        format_sam_id(raw[:15])
    with pytest.raises(ValueError, match="SAM ID"):
        parse_sam_id("nonsense")
