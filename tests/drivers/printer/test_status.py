"""Decoding the four DLE EOT replies into a device status."""

from __future__ import annotations

import pytest

from drivers.base import DeviceState, MediaStatus
from drivers.printer.status import StatusReplies, job_failure, valid_reply


@pytest.mark.parametrize(
    ("replies", "state", "media"),
    [
        ((0x12, 0x12, 0x12, 0x12), DeviceState.ONLINE, MediaStatus.OK),
        ((0x12, 0x12, 0x12, 0x1E), DeviceState.ONLINE, MediaStatus.LOW),
        ((0x1A, 0x32, 0x12, 0x7E), DeviceState.ONLINE, MediaStatus.OUT),
        ((0x1A, 0x32, 0x12, 0x72), DeviceState.ONLINE, MediaStatus.OUT),
        ((0x1A, 0x16, 0x12, 0x12), DeviceState.ONLINE, MediaStatus.COVER_OPEN),
        ((0x1A, 0x12, 0x12, 0x12), DeviceState.OFFLINE, MediaStatus.OK),
        ((0x1A, 0x52, 0x1A, 0x12), DeviceState.HARDWARE_ERROR, MediaStatus.OK),
        ((0x1A, 0x52, 0x32, 0x12), DeviceState.HARDWARE_ERROR, MediaStatus.OK),
        ((0x12, 0x12, 0x12, None), DeviceState.ONLINE, MediaStatus.UNKNOWN),
        ((None, None, None, None), DeviceState.OFFLINE, MediaStatus.UNKNOWN),
    ],
)
def test_replies_map_to_state_and_media(
    replies: tuple[int | None, ...], state: DeviceState, media: MediaStatus
) -> None:
    status = StatusReplies(*replies).to_status()
    assert (status.state, status.media) == (state, media)


def test_no_reply_is_unknown_never_paper_out() -> None:
    status = StatusReplies().to_status()
    assert status.media is MediaStatus.UNKNOWN
    assert "no reply" in status.detail


def test_bytes_without_the_fixed_bits_are_not_replies() -> None:
    assert valid_reply(0x12)
    assert not valid_reply(0x00)
    assert not valid_reply(0xFF)


def test_paper_low_still_prints_but_paper_out_does_not() -> None:
    assert job_failure(StatusReplies(0x12, 0x12, 0x12, 0x1E).to_status()) is None
    assert job_failure(StatusReplies(0x1A, 0x32, 0x12, 0x7E).to_status()) == "paper out"
