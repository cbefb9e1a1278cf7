"""The frame codec: exact bytes of the reference exchanges, round-trips, and fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from drivers.id_card.errors import NoAnswerError, ProtocolError
from drivers.id_card.protocol import (
    MAX_LEN,
    PREAMBLE,
    Answer,
    BufferSource,
    Request,
    SamCommand,
    decode_frame,
    encode_answer,
    encode_command,
    encode_frame,
    read_frame,
)

REFERENCE_COMMANDS = {
    SamCommand.FIND: "AA AA AA 96 69 00 03 20 01 22",
    SamCommand.SELECT: "AA AA AA 96 69 00 03 20 02 21",
    SamCommand.READ: "AA AA AA 96 69 00 03 30 01 32",
    SamCommand.RESET: "AA AA AA 96 69 00 03 10 FF EC",
}
REFERENCE_ANSWERS = [
    (0x9F, bytes(4), "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"),
    (0x80, b"", "AA AA AA 96 69 00 04 00 00 80 84"),
    (0x90, bytes(8), "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"),
    (0x81, b"", "AA AA AA 96 69 00 04 00 00 81 85"),
    (0x41, b"", "AA AA AA 96 69 00 04 00 00 41 45"),
    (0x90, b"", "AA AA AA 96 69 00 04 00 00 90 94"),
    (0x10, b"", "AA AA AA 96 69 00 04 00 00 10 14"),
]


@pytest.mark.parametrize(("command", "wire"), REFERENCE_COMMANDS.items())
def test_commands_encode_to_the_reference_bytes(command: SamCommand, wire: str) -> None:
    assert encode_command(command) == bytes.fromhex(wire)
    assert Request.from_frame(decode_frame(bytes.fromhex(wire))).command is command


@pytest.mark.parametrize(("sw3", "data", "wire"), REFERENCE_ANSWERS)
def test_answers_encode_to_the_reference_bytes(sw3: int, data: bytes, wire: str) -> None:
    assert encode_answer(sw3, data) == bytes.fromhex(wire)
    assert Answer.from_frame(decode_frame(bytes.fromhex(wire))) == Answer(0, 0, sw3, data)


@given(st.binary(min_size=2, max_size=MAX_LEN - 1))
def test_any_body_round_trips(body: bytes) -> None:
    frame = decode_frame(encode_frame(body))
    assert frame.body == body
    assert frame.checksum_ok


@given(st.binary(max_size=64), st.binary(min_size=3, max_size=300))
def test_garbage_before_a_frame_is_skipped(garbage: bytes, body: bytes) -> None:
    assume(PREAMBLE not in garbage)
    frame = read_frame(BufferSource(garbage + encode_frame(body)), 0, 0)
    assert frame.body == body


def test_silence_is_no_answer() -> None:
    with pytest.raises(NoAnswerError):
        read_frame(BufferSource(b""), 0, 0)


def test_bad_checksum_is_a_protocol_error_unless_verification_is_off() -> None:
    wire = bytearray(encode_answer(0x90))
    wire[-1] ^= 0x01
    with pytest.raises(ProtocolError, match="checksum"):
        decode_frame(bytes(wire))
    assert not read_frame(BufferSource(bytes(wire)), 0, 0, verify=False).checksum_ok


@pytest.mark.parametrize("length", [0, 1, 2, MAX_LEN + 1, 0xFFFF])
def test_implausible_lengths_are_rejected_without_waiting(length: int) -> None:
    wire = PREAMBLE + length.to_bytes(2, "big") + bytes(8)
    with pytest.raises(ProtocolError, match="length"):
        decode_frame(wire)


def test_truncated_frame_is_a_protocol_error() -> None:
    wire = encode_answer(0x90, bytes(100))
    with pytest.raises(ProtocolError, match="truncated"):
        decode_frame(wire[:50])


def test_endless_garbage_is_given_up() -> None:
    with pytest.raises(ProtocolError, match="garbage"):
        read_frame(BufferSource(b"\x00" * 10_000), 0, 0, max_garbage=100)


class DribblingSource:
    """Sends one byte per read forever, never a preamble."""

    def read(self, size: int, timeout: float) -> bytes:
        return b"\xaa"


def test_a_dribbling_source_cannot_stall_a_read_past_its_budget() -> None:
    with pytest.raises(ProtocolError):
        read_frame(DribblingSource(), 0.1, 0.1, total_timeout=0.05, max_garbage=10**9)


@given(st.binary(max_size=2000))
def test_random_bytes_give_a_frame_or_a_protocol_error(data: bytes) -> None:
    try:
        frame = decode_frame(data)
    except ProtocolError:
        return
    assert frame.checksum_ok


@given(st.binary(min_size=3, max_size=400), st.data())
def test_corrupted_or_truncated_frames_give_a_frame_or_a_protocol_error(
    body: bytes, data: st.DataObject
) -> None:
    wire = bytearray(encode_frame(body))
    for _ in range(data.draw(st.integers(0, 4))):
        position = data.draw(st.integers(0, len(wire) - 1))
        wire[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(wire)))
    try:
        frame = decode_frame(bytes(wire[:cut]))
    except ProtocolError:
        return
    assert frame.checksum_ok


def test_short_bodies_are_protocol_errors() -> None:
    with pytest.raises(ProtocolError):
        Answer.from_frame(decode_frame(encode_frame(b"\x00\x00")))
    with pytest.raises(ProtocolError):
        Request.from_frame(decode_frame(encode_frame(b"\x20")))
