"""Turns the scanner's byte stream into payloads: split at the suffix, cap the length, decode.

Pure functions and a small state machine with no I/O, so they can be fuzzed directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.scanner.types import MAX_PAYLOAD_BYTES

_STRAY = b"\r\n"


@dataclass(frozen=True)
class Payload:
    """One complete payload's raw bytes, suffix removed."""

    data: bytes


@dataclass(frozen=True)
class Overflow:
    """A payload longer than the cap; its bytes are dropped up to the next suffix."""

    limit: int


class LineSplitter:
    """Splits a byte stream at ``terminator`` into :class:`Payload` and :class:`Overflow` items.

    A payload longer than ``max_bytes`` is reported once as an :class:`Overflow` as soon as it
    is known to be too long, and the splitter skips to the next terminator (resynchronises).
    Stray CR/LF around a payload (a scanner set to CRLF while the kiosk expects CR, say) are
    stripped, and empty lines are ignored. Memory stays bounded by ``max_bytes``.
    """

    def __init__(self, terminator: bytes, max_bytes: int = MAX_PAYLOAD_BYTES) -> None:
        if not terminator:
            raise ValueError("terminator must not be empty")
        self._terminator = terminator
        self._max = max_bytes
        self._buffer = bytearray()
        self._discarding = False

    @property
    def pending(self) -> bool:
        """True when part of an unterminated payload is buffered."""
        return bool(self._buffer.strip(_STRAY)) or self._discarding

    @property
    def buffered_bytes(self) -> int:
        """How many bytes are held waiting for a terminator (bounded by the cap)."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Payload | Overflow]:
        """Add bytes from the port; return every item they complete, in order."""
        self._buffer += data
        items: list[Payload | Overflow] = []
        while True:
            end = self._buffer.find(self._terminator)
            if end < 0:
                break
            line = bytes(self._buffer[:end]).strip(_STRAY)
            del self._buffer[: end + len(self._terminator)]
            if self._discarding:
                self._discarding = False
            elif len(line) > self._max:
                items.append(Overflow(self._max))
            elif line:
                items.append(Payload(line))
        if len(self._buffer.lstrip(_STRAY)) > self._max + len(self._terminator) - 1:
            if not self._discarding:
                items.append(Overflow(self._max))
                self._discarding = True
            keep = len(self._terminator) - 1
            self._buffer = bytearray(self._buffer[len(self._buffer) - keep :] if keep else b"")
        return items

    def drop_partial(self) -> bool:
        """Forget a buffered unterminated payload; True if there was one to drop."""
        had = self.pending
        self._buffer.clear()
        self._discarding = False
        return had


class UndecodableError(ValueError):
    """The payload is neither UTF-8 nor GB18030, or carries control bytes."""


def decode_payload(data: bytes) -> str:
    """Decode a payload as UTF-8, falling back to GB18030 (older Chinese scanners' default).

    Control characters other than tab, CR and LF mean line noise rather than a code, so they
    are rejected; the error message never contains the payload.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise UndecodableError(
                f"payload of {len(data)} bytes is neither UTF-8 nor GB18030"
            ) from None
    if any((ord(ch) < 0x20 and ch not in "\t\r\n") or ord(ch) == 0x7F for ch in text):
        raise UndecodableError(f"payload of {len(data)} bytes contains control characters")
    return text
