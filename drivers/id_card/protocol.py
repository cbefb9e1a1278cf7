"""The SAM (GA 467) serial frame codec, shared by the driver and the emulator.

A frame is ``AA AA AA 96 69``, a big-endian LEN, then LEN bytes: the body and a CHK that is
the XOR of the LEN bytes and the body. Commands carry ``CMD PARA [DATA]``, answers
``SW1 SW2 SW3 [DATA]``. :func:`read_frame` reads the 7-byte header, then exactly LEN bytes,
with a timeout on every read, skipping garbage before a preamble; anything malformed raises
:class:`~drivers.id_card.errors.ProtocolError` and nothing else.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass
from enum import Enum
from functools import reduce
from typing import Final, Protocol

from drivers.id_card.errors import NoAnswerError, ProtocolError

PREAMBLE: Final = b"\xaa\xaa\xaa\x96\x69"
HEADER_SIZE: Final = len(PREAMBLE) + 2
MIN_LEN: Final = 3
MAX_LEN: Final = 0x1000
"""Longer than any real answer (30 10 is 0x090A); anything above is treated as corruption."""
MAX_GARBAGE: Final = 4096
"""Bytes skipped while looking for a preamble before giving up."""

TEXT_SIZE: Final = 256
PHOTO_SIZE: Final = 1024
FINGERPRINT_SIZE: Final = 1024
ADDRESS_SIZE: Final = 70


class SamCommand(Enum):
    """The reader's commands as (CMD, PARA) pairs."""

    RESET = (0x10, 0xFF)
    SAM_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    FIND = (0x20, 0x01)
    SELECT = (0x20, 0x02)
    READ = (0x30, 0x01)
    READ_APPENDED_ADDRESS = (0x30, 0x03)
    READ_WITH_FINGERPRINT = (0x30, 0x10)
    SET_FRAME_SIZE = (0x61, 0xFF)

    @property
    def label(self) -> str:
        """A readable name with the wire bytes, for messages."""
        cmd, para = self.value
        return f"{self.name.lower()} ({cmd:02X} {para:02X})"


class Sw3:
    """The status bytes the driver and the emulator act on (see errors.SW3_MEANINGS)."""

    SUCCESS: Final = 0x90
    CARD_FOUND: Final = 0x9F
    CHECKSUM_ERROR: Final = 0x10
    LENGTH_ERROR: Final = 0x11
    BAD_COMMAND: Final = 0x21
    READ_FAILED: Final = 0x41
    SAM_SELF_TEST_FAILED: Final = 0x60
    NO_CARD: Final = 0x80
    SELECT_FAILED: Final = 0x81
    FIELD_EMPTY: Final = 0x91


def checksum(data: bytes) -> int:
    """XOR of every byte of ``data``."""
    return reduce(lambda acc, byte: acc ^ byte, data, 0)


@dataclass(frozen=True)
class SamFrame:
    """One frame as received: its body (without CHK) and the CHK byte that came with it."""

    body: bytes
    chk: int

    @property
    def length_bytes(self) -> bytes:
        """The two big-endian LEN bytes (body plus CHK)."""
        return struct.pack(">H", len(self.body) + 1)

    @property
    def checksum_ok(self) -> bool:
        """Whether CHK matches the XOR of LEN and body."""
        return checksum(self.length_bytes + self.body) == self.chk

    def to_bytes(self) -> bytes:
        """The frame on the wire, preamble included."""
        return PREAMBLE + self.length_bytes + self.body + bytes([self.chk])


def encode_frame(body: bytes) -> bytes:
    """Wrap ``body`` in a frame with the right LEN and CHK."""
    if len(body) + 1 > MAX_LEN:
        raise ValueError(f"frame body of {len(body)} bytes is too long")
    length = struct.pack(">H", len(body) + 1)
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def encode_command(command: SamCommand, data: bytes = b"") -> bytes:
    """The frame that sends ``command`` (with optional data) to the reader."""
    return encode_frame(bytes(command.value) + data)


def encode_answer(sw3: int, data: bytes = b"") -> bytes:
    """The frame a reader answers with: SW1 = SW2 = 0, then ``sw3`` and ``data``."""
    return encode_frame(bytes([0, 0, sw3]) + data)


@dataclass(frozen=True)
class Request:
    """A decoded command frame."""

    cmd: int
    para: int
    data: bytes

    @classmethod
    def from_frame(cls, frame: SamFrame) -> Request:
        """Split a command frame's body; a body under 2 bytes is a ProtocolError."""
        if len(frame.body) < 2:
            raise ProtocolError(f"command frame body of {len(frame.body)} bytes is too short")
        return cls(frame.body[0], frame.body[1], frame.body[2:])

    @property
    def command(self) -> SamCommand | None:
        """The known command this is, or None."""
        try:
            return SamCommand((self.cmd, self.para))
        except ValueError:
            return None


@dataclass(frozen=True)
class Answer:
    """A decoded answer frame."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes

    @classmethod
    def from_frame(cls, frame: SamFrame) -> Answer:
        """Split an answer frame's body; a body under 3 bytes is a ProtocolError."""
        if len(frame.body) < 3:
            raise ProtocolError(f"answer frame body of {len(frame.body)} bytes is too short")
        return cls(frame.body[0], frame.body[1], frame.body[2], frame.body[3:])


class ByteSource(Protocol):
    """Where frames are read from: a serial port, a pty master, a buffer."""

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes; fewer (or none) when ``timeout`` passes first."""
        ...


class _Budget:
    """The overall deadline of one frame, so a dribbling source cannot stall a read forever."""

    def __init__(self, total_timeout: float | None) -> None:
        self._deadline = None if total_timeout is None else time.monotonic() + total_timeout

    def cap(self, timeout: float) -> float:
        if self._deadline is None:
            return timeout
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise ProtocolError("frame not complete within its time budget")
        return min(timeout, left)


def _overlap(window: bytes) -> int:
    """Length of the longest suffix of ``window`` that is a proper prefix of the preamble."""
    for size in range(min(len(window), len(PREAMBLE) - 1), 0, -1):
        if window.endswith(PREAMBLE[:size]):
            return size
    return 0


def _synchronise(
    source: ByteSource, first_timeout: float, byte_timeout: float, max_garbage: int, budget: _Budget
) -> None:
    """Consume bytes up to and including the next preamble."""
    window = b""
    skipped = 0
    timeout = first_timeout
    while True:
        chunk = source.read(len(PREAMBLE) - len(window), budget.cap(timeout))
        if not chunk:
            if skipped == 0 and not window:
                raise NoAnswerError(f"no answer within {first_timeout:g} s")
            raise ProtocolError(f"no frame preamble after {skipped + len(window)} bytes")
        timeout = byte_timeout
        window += chunk
        if window == PREAMBLE:
            return
        keep = _overlap(window)
        skipped += len(window) - keep
        window = window[len(window) - keep :]
        if skipped > max_garbage:
            raise ProtocolError(f"no frame preamble in {skipped} bytes of garbage")


def _read_exact(source: ByteSource, size: int, byte_timeout: float, budget: _Budget) -> bytes:
    """Exactly ``size`` bytes, or ProtocolError when the source falls silent first."""
    data = b""
    while len(data) < size:
        chunk = source.read(size - len(data), budget.cap(byte_timeout))
        if not chunk:
            raise ProtocolError(f"frame truncated: {len(data)} of {size} bytes arrived")
        data += chunk
    return data


def read_frame(
    source: ByteSource,
    first_timeout: float,
    byte_timeout: float,
    *,
    total_timeout: float | None = None,
    max_garbage: int = MAX_GARBAGE,
    verify: bool = True,
) -> SamFrame:
    """Read the next frame from ``source``.

    ``first_timeout`` bounds the wait for the first byte, ``byte_timeout`` every later read,
    ``total_timeout`` the whole frame. Garbage before the preamble is skipped (up to
    ``max_garbage`` bytes). With ``verify`` a bad CHK raises; without it the caller checks
    :attr:`SamFrame.checksum_ok` (the emulator answers such frames with 0x10).
    """
    budget = _Budget(total_timeout)
    _synchronise(source, first_timeout, byte_timeout, max_garbage, budget)
    (length,) = struct.unpack(">H", _read_exact(source, 2, byte_timeout, budget))
    if not MIN_LEN <= length <= MAX_LEN:
        raise ProtocolError(f"implausible frame length {length}")
    rest = _read_exact(source, length, byte_timeout, budget)
    frame = SamFrame(rest[:-1], rest[-1])
    if verify and not frame.checksum_ok:
        raise ProtocolError(
            f"checksum error: got 0x{frame.chk:02X}, "
            f"expected 0x{checksum(frame.length_bytes + frame.body):02X}"
        )
    return frame


class BufferSource:
    """A :class:`ByteSource` over bytes already in memory; exhausted means silent."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    @property
    def remaining(self) -> int:
        """Bytes not yet read."""
        return len(self._data) - self._pos

    def read(self, size: int, timeout: float) -> bytes:
        """The next ``size`` bytes or fewer; never waits."""
        chunk = self._data[self._pos : self._pos + size]
        self._pos += len(chunk)
        return chunk


def decode_frame(raw: bytes) -> SamFrame:
    """Decode exactly one frame (garbage before it allowed, nothing after it)."""
    source = BufferSource(raw)
    frame = read_frame(source, 0.0, 0.0)
    if source.remaining:
        raise ProtocolError(f"{source.remaining} bytes after the frame")
    return frame
