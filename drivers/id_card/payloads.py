"""The data parts of the reader's answers: card data (30 01 / 30 10) and the SAM ID (12 FF).

Card data starts with big-endian lengths, text then photo (then fingerprint for 30 10),
followed by the blocks themselves. The SAM ID's 16 bytes follow the layout public drivers
decode: two little-endian 16-bit fields then three little-endian 32-bit fields, printed
``05.01-20101010-0012345678-1234567890`` (the last two zero-padded to 10 digits).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from drivers.id_card.errors import ProtocolError

SAM_ID_SIZE = 16
_SAM_ID = struct.Struct("<HHIII")


@dataclass(frozen=True)
class CardData:
    """The raw blocks of one card: 256-byte text, 1024-byte WLT photo, optional fingerprints."""

    text: bytes
    photo: bytes
    fingerprint: bytes = b""


def encode_card_data(card: CardData, with_fingerprint: bool) -> bytes:
    """The data of a 30 01 (or, ``with_fingerprint``, 30 10) answer."""
    if with_fingerprint:
        lengths = struct.pack(">HHH", len(card.text), len(card.photo), len(card.fingerprint))
        return lengths + card.text + card.photo + card.fingerprint
    return struct.pack(">HH", len(card.text), len(card.photo)) + card.text + card.photo


def decode_card_data(data: bytes, with_fingerprint: bool) -> CardData:
    """Split a read answer's data; lengths that disagree with the data are a ProtocolError."""
    count = 3 if with_fingerprint else 2
    header = 2 * count
    if len(data) < header:
        raise ProtocolError(f"card data of {len(data)} bytes has no length header")
    lengths = struct.unpack(f">{count}H", data[:header])
    if header + sum(lengths) != len(data):
        raise ProtocolError(
            f"card data lengths {lengths} do not match the {len(data) - header} bytes received"
        )
    text_end = header + lengths[0]
    photo_end = text_end + lengths[1]
    return CardData(data[header:text_end], data[text_end:photo_end], data[photo_end:])


def format_sam_id(raw: bytes) -> str:
    """The printed form of the 16-byte SAM ID, e.g. ``05.01-20101010-0012345678-1234567890``."""
    if len(raw) != SAM_ID_SIZE:
        raise ProtocolError(f"SAM ID of {len(raw)} bytes, expected {SAM_ID_SIZE}")
    major, minor, issued, batch, serial = _SAM_ID.unpack(raw)
    return f"{major:02d}.{minor:02d}-{issued}-{batch:010d}-{serial:010d}"


def parse_sam_id(text: str) -> bytes:
    """The 16 bytes of a printed SAM ID (the inverse of :func:`format_sam_id`)."""
    try:
        version, issued, batch, serial = text.split("-")
        major, minor = version.split(".")
        return _SAM_ID.pack(int(major), int(minor), int(issued), int(batch), int(serial))
    except (ValueError, struct.error) as error:
        raise ValueError(f"not a SAM ID: {text!r}") from error
