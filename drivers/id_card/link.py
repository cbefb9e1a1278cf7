"""One command/answer exchange at a time with a SAM reader over a serial port.

:class:`SamLink` opens the port with ``serial.serial_for_url`` (device paths, pty paths,
``socket://`` URLs), frames commands, reads answers with :func:`protocol.read_frame` and turns
status bytes into typed errors. Port failures become :class:`PortError`; it is not
thread-safe (the reader serialises access).
"""

from __future__ import annotations

import logging
import termios

import serial

from drivers.id_card.errors import (
    NoCardError,
    PortError,
    ReaderStatusError,
)
from drivers.id_card.payloads import CardData, decode_card_data, format_sam_id
from drivers.id_card.protocol import (
    ADDRESS_SIZE,
    HEADER_SIZE,
    MAX_LEN,
    Answer,
    SamCommand,
    Sw3,
    encode_command,
    read_frame,
)
from drivers.id_card.types import TIMING, Timing

log = logging.getLogger(__name__)

_BITS_PER_BYTE = 10  # 8N1: start bit, 8 data bits, stop bit
_SLOW_COMMANDS = frozenset({SamCommand.READ, SamCommand.READ_WITH_FINGERPRINT})


def wire_time(size: int, baud: int) -> float:
    """Seconds that ``size`` bytes take on an 8N1 line at ``baud``."""
    return size * _BITS_PER_BYTE / baud


class _PortSource:
    """A protocol.ByteSource over a pyserial port (its timeout set per read)."""

    def __init__(self, port: serial.SerialBase) -> None:
        self._port = port

    def read(self, size: int, timeout: float) -> bytes:
        self._port.timeout = max(timeout, 0.0)
        data: bytes = self._port.read(size)
        return data


class SamLink:
    """A SAM reader on a serial port: open, exchange commands, close."""

    def __init__(self, port: str, baud: int = 115200, timing: Timing = TIMING) -> None:
        self.port_name = port
        self.baud = baud
        self.timing = timing
        self._port: serial.SerialBase | None = None
        self.bytes_exchanged = 0
        """Bytes written and read since opening (for wire-time figures)."""

    @property
    def is_open(self) -> bool:
        """Whether the port is open."""
        return self._port is not None

    def open(self) -> None:
        """Open the port; a missing or busy port raises PortError."""
        self.close()
        try:
            self._port = serial.serial_for_url(
                self.port_name,
                baudrate=self.baud,
                timeout=self.timing.answer_timeout_s,
                write_timeout=self.timing.write_timeout_s,
            )
        except (serial.SerialException, OSError, ValueError) as error:
            raise PortError(f"cannot open {self.port_name}: {error}") from error
        self.bytes_exchanged = 0

    def close(self) -> None:
        """Close the port; safe when already closed."""
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError, termios.error) as error:
                log.debug("closing %s: %s", self.port_name, error)

    def __enter__(self) -> SamLink:
        self.open()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def transact(self, command: SamCommand, data: bytes = b"") -> Answer:
        """Send ``command`` and return its (checksum-verified) answer, whatever its SW3."""
        port = self._port
        if port is None:
            raise PortError(f"{self.port_name} is not open")
        request = encode_command(command, data)
        first_timeout = (
            self.timing.read_answer_timeout_s
            if command in _SLOW_COMMANDS
            else self.timing.answer_timeout_s
        )
        total = (
            first_timeout
            + self.timing.frame_slack_s
            + 2 * wire_time(HEADER_SIZE + MAX_LEN, self.baud)
        )
        try:
            port.reset_input_buffer()
            port.write(request)
            port.flush()
            frame = read_frame(
                _PortSource(port), first_timeout, self.timing.byte_timeout_s, total_timeout=total
            )
        except (serial.SerialException, OSError, termios.error) as error:
            raise PortError(f"{self.port_name} failed during {command.label}: {error}") from error
        self.bytes_exchanged += len(request) + HEADER_SIZE + len(frame.body) + 1
        return Answer.from_frame(frame)

    def _expect(self, command: SamCommand, answer: Answer, *accepted: int) -> Answer:
        if answer.sw3 not in accepted:
            raise ReaderStatusError(command.label, answer.sw3)
        return answer

    def reset(self) -> None:
        """Reset the SAM; 0x60 (self-test failed) and other failures raise ReaderStatusError."""
        self._expect(SamCommand.RESET, self.transact(SamCommand.RESET), Sw3.SUCCESS)

    def sam_status(self) -> None:
        """Check the SAM's status; a failure raises ReaderStatusError."""
        self._expect(SamCommand.SAM_STATUS, self.transact(SamCommand.SAM_STATUS), Sw3.SUCCESS)

    def sam_id(self) -> str:
        """The SAM's ID, formatted as ``05.01-20101010-0012345678-1234567890``."""
        answer = self._expect(SamCommand.SAM_ID, self.transact(SamCommand.SAM_ID), Sw3.SUCCESS)
        return format_sam_id(answer.data)

    def find(self) -> bool:
        """True when a card is in the field (0x9F), False when none (0x80)."""
        answer = self._expect(
            SamCommand.FIND, self.transact(SamCommand.FIND), Sw3.CARD_FOUND, Sw3.NO_CARD
        )
        return answer.sw3 == Sw3.CARD_FOUND

    def select(self) -> bool:
        """True when the found card was selected, False when it went (0x81)."""
        answer = self._expect(
            SamCommand.SELECT, self.transact(SamCommand.SELECT), Sw3.SUCCESS, Sw3.SELECT_FAILED
        )
        return answer.sw3 == Sw3.SUCCESS

    def read_card(self, with_fingerprint: bool = False) -> CardData:
        """The selected card's raw blocks (30 01, or 30 10 with fingerprints)."""
        command = SamCommand.READ_WITH_FINGERPRINT if with_fingerprint else SamCommand.READ
        answer = self._expect(command, self.transact(command), Sw3.SUCCESS)
        return decode_card_data(answer.data, with_fingerprint)

    def read_appended_address(self) -> str | None:
        """The address appended after issue (30 03), or None when the card has none (0x91)."""
        command = SamCommand.READ_APPENDED_ADDRESS
        answer = self._expect(command, self.transact(command), Sw3.SUCCESS, Sw3.FIELD_EMPTY)
        if answer.sw3 == Sw3.FIELD_EMPTY:
            return None
        return answer.data[:ADDRESS_SIZE].decode("utf-16-le", errors="replace").strip(" \x00")

    def read_present_card(self, with_fingerprint: bool = False) -> CardData:
        """Find, select and read the card on the reader; NoCardError when there is none."""
        if not self.find():
            raise NoCardError(SamCommand.FIND.label, Sw3.NO_CARD)
        if not self.select():
            raise NoCardError(SamCommand.SELECT.label, Sw3.SELECT_FAILED)
        return self.read_card(with_fingerprint)
