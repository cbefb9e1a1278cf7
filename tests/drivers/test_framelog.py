"""Device frame hex dumps: only the declared public bytes are shown, and only at DEBUG."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.framelog import FrameLogger, render_frame

# An ID card reader's answer: preamble, length, status, then 256 bytes of text (name in
# UTF-16LE), 1024 of photo, and a checksum.
NAME = "张伟".encode("utf-16-le")
ANSWER = bytes.fromhex("aaaaaa9669050800009001") + NAME + bytes(252) + bytes(1024) + b"\x5a"


def header_and_checksum(frame: bytes) -> list[slice]:
    return [slice(0, 11), slice(-1, None)]


def test_only_the_header_and_checksum_are_shown() -> None:
    rendered = render_frame(ANSWER, header_and_checksum(ANSWER))
    assert rendered == "aa aa aa 96 69 05 08 00 00 90 01 <1280 bytes withheld> 5a"
    assert NAME.hex() not in rendered.replace(" ", "")


def test_without_declared_parts_everything_is_withheld() -> None:
    assert render_frame(b"\x1b\x40hello", ()) == "<7 bytes withheld>"


@given(st.binary(max_size=64), st.lists(st.tuples(st.integers(-70, 70), st.integers(-70, 70))))
def test_no_byte_outside_the_public_parts_is_shown(
    frame: bytes, bounds: list[tuple[int, int]]
) -> None:
    public = [slice(a, b) for a, b in bounds]
    rendered = render_frame(frame, public)
    shown = sum(re.fullmatch("[0-9a-f]{2}", p) is not None for p in rendered.split())
    visible = {i for part in public for i in range(*part.indices(len(frame)))}
    assert shown == len(visible)


def test_frames_are_logged_at_debug_only(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("tests.drivers.framelog")
    frames = FrameLogger(logger, "id_card_reader", header_and_checksum)
    with caplog.at_level(logging.INFO, logger.name):
        frames.received(ANSWER)
    assert caplog.records == []
    with caplog.at_level(logging.DEBUG, logger.name):
        frames.sent(bytes.fromhex("aaaaaa96690003300132"))
        frames.received(ANSWER)
    sent, received = (r.getMessage() for r in caplog.records)
    assert sent == "id_card_reader -> 10 bytes: aa aa aa 96 69 00 03 30 01 32"
    assert received.startswith("id_card_reader <- 1292 bytes: aa aa aa")
