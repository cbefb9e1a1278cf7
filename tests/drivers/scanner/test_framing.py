"""Fuzzing the line splitter and the decoder: any chunking, any bytes, bounded memory."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from drivers.scanner.framing import (
    LineSplitter,
    Overflow,
    Payload,
    UndecodableError,
    decode_payload,
)
from drivers.scanner.types import Suffix

SMALL_CAP = 64
terminators = st.sampled_from([s.terminator for s in Suffix])
payload_bytes = st.binary(min_size=1, max_size=SMALL_CAP).filter(
    lambda b: b"\r" not in b and b"\n" not in b
)


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@given(st.lists(payload_bytes, max_size=8), terminators, st.lists(st.integers(0, 10_000)))
def test_payloads_survive_any_chunking(
    payloads: list[bytes], terminator: bytes, cuts: list[int]
) -> None:
    splitter = LineSplitter(terminator, SMALL_CAP)
    stream = b"".join(p + terminator for p in payloads)
    items = [item for chunk in _chunks(stream, cuts) for item in splitter.feed(chunk)]
    assert items == [Payload(p) for p in payloads]
    assert not splitter.pending


@given(st.binary(min_size=SMALL_CAP + 1, max_size=4 * SMALL_CAP), payload_bytes, terminators)
def test_over_long_payload_is_one_overflow_then_resync(
    long: bytes, after: bytes, terminator: bytes
) -> None:
    long = long.replace(b"\r", b"x").replace(b"\n", b"x")
    splitter = LineSplitter(terminator, SMALL_CAP)
    items: list[Payload | Overflow] = []
    for start in range(0, len(long), 7):
        items += splitter.feed(long[start : start + 7])
    items += splitter.feed(terminator + after + terminator)
    assert items == [Overflow(SMALL_CAP), Payload(after)]


@given(st.lists(st.binary(max_size=300), max_size=20), terminators)
def test_arbitrary_bytes_never_raise_and_stay_bounded(
    chunks: list[bytes], terminator: bytes
) -> None:
    splitter = LineSplitter(terminator, SMALL_CAP)
    for chunk in chunks:
        for item in splitter.feed(chunk):
            if isinstance(item, Payload):
                assert 0 < len(item.data) <= SMALL_CAP
        assert splitter.buffered_bytes <= SMALL_CAP + len(terminator) + len(chunk)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, exclude_categories=["Cs"])))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    text = text.replace("\x7f", "")
    assert decode_payload(text.encode("utf-8")) == text


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1))
def test_gb18030_chinese_that_is_not_valid_utf8_decodes_to_itself(text: str) -> None:
    # A short GB18030 run can also be valid UTF-8 ("一" is D2 BB, U+04BB): UTF-8 wins then,
    # as the scanner reference prescribes; the fallback applies to everything else.
    data = text.encode("gb18030")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_payload(data) == text
    else:
        assume(False)


@given(st.binary())
def test_any_bytes_decode_or_raise_undecodable(data: bytes) -> None:
    try:
        assert isinstance(decode_payload(data), str)
    except UndecodableError as error:
        assert str(len(data)) in str(error)


def test_control_characters_are_rejected() -> None:
    with pytest.raises(UndecodableError, match="control"):
        decode_payload(b"ab\x00cd")


def test_stray_lf_after_cr_suffix_is_not_part_of_the_next_payload() -> None:
    splitter = LineSplitter(b"\r")
    assert splitter.feed(b"ONE\r\nTWO\r\n") == [Payload(b"ONE"), Payload(b"TWO")]
