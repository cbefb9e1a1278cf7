"""Typed failures of the ID card reader, and what each SAM status byte (SW3) means.

Every expected failure is one of these :class:`~drivers.base.DeviceError` subclasses with a
message fit for a technician, so callers never see a pyserial or decoding traceback.
"""

from __future__ import annotations

from collections.abc import Mapping

from drivers.base import DeviceError

SW3_MEANINGS: Mapping[int, str] = {
    0x90: "success",
    0x9F: "card found",
    0x10: "checksum error in the command",
    0x11: "length error in the command",
    0x21: "bad command",
    0x23: "not authorised for this operation",
    0x24: "unrecognised error",
    0x31: "card failed to authenticate the SAM",
    0x32: "SAM failed to authenticate the card",
    0x33: "data verification error",
    0x40: "unknown card type",
    0x41: "read failed",
    0x47: "random-number failure",
    0x60: "SAM self-test failed",
    0x66: "SAM not authorised",
    0x80: "no card on the reader",
    0x81: "select failed",
    0x91: "field empty on the card",
    0xFF: "communication fault",
}


def sw3_meaning(sw3: int) -> str:
    """The documented meaning of a status byte, or a hex placeholder for undocumented ones."""
    return SW3_MEANINGS.get(sw3, f"undocumented status 0x{sw3:02X}")


class IdCardError(DeviceError):
    """Any expected failure of the ID card reader."""


class PortError(IdCardError):
    """The serial port is missing, cannot be opened, or vanished while in use."""


class ProtocolError(IdCardError):
    """The bytes on the wire do not form a valid frame (bad checksum, length, truncation…)."""


class NoAnswerError(ProtocolError):
    """The reader sent nothing at all within the answer timeout."""


class ReaderStatusError(IdCardError):
    """The reader answered a well-formed frame whose status byte reports a failure."""

    def __init__(self, command: str, sw3: int) -> None:
        super().__init__(f"{command}: reader answered 0x{sw3:02X} ({sw3_meaning(sw3)})")
        self.command = command
        self.sw3 = sw3


class NoCardError(ReaderStatusError):
    """No card is on the reader (find answered 0x80, or select answered 0x81)."""


class CardRemovedError(IdCardError):
    """The card left the reader before its data could be read in full."""


class CardFormatError(IdCardError):
    """The card's text block cannot be understood (unknown card type, bad date, bad field)."""
