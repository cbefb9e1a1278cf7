"""ESC/POS command bytes, shared by the renderer, the status queries and the interpreter."""

from __future__ import annotations

ESC = 0x1B
GS = 0x1D
FS = 0x1C
DLE = 0x10
EOT = 0x04
LF = b"\n"

INITIALIZE = b"\x1b@"
KANJI_ON = b"\x1c&"
KANJI_OFF = b"\x1c."
QR_MODEL_2 = b"\x1d(k\x04\x001A2\x00"
QR_PRINT = b"\x1d(k\x03\x001Q0"
#: ``GS I 67``: ask for the printer's model name (reply ``_`` + name + NUL).
MODEL_QUERY = b"\x1dIC"

QR_EC_LEVELS = {"L": 0, "M": 1, "Q": 2, "H": 3}


def align(position: int) -> bytes:
    """``ESC a n``: 0 left, 1 centre, 2 right."""
    return bytes((ESC, 0x61, position))


def bold(on: bool) -> bytes:
    """``ESC E n``: emphasised text on or off."""
    return bytes((ESC, 0x45, 1 if on else 0))


def size(width: int, height: int) -> bytes:
    """``GS ! n``: character magnification, 1–8 in each direction."""
    return bytes((GS, 0x21, ((width - 1) << 4) | (height - 1)))


def feed(lines: int) -> bytes:
    """``ESC d n``: print the buffer and feed ``lines`` lines."""
    return bytes((ESC, 0x64, lines))


def cut(partial: bool = False) -> bytes:
    """``GS V m``: full (0) or partial (1) cut."""
    return bytes((GS, 0x56, 1 if partial else 0))


def qr_module_size(dots: int) -> bytes:
    """``GS ( k`` fn 67: QR module size in dots."""
    return b"\x1d(k\x03\x001C" + bytes((dots,))


def qr_error_correction(level: str) -> bytes:
    """``GS ( k`` fn 69: QR error-correction level L, M, Q or H."""
    return b"\x1d(k\x03\x001E" + bytes((48 + QR_EC_LEVELS[level],))


def qr_store(data: bytes) -> bytes:
    """``GS ( k`` fn 80: store QR data in the symbol buffer."""
    length = len(data) + 3
    return b"\x1d(k" + bytes((length & 0xFF, length >> 8)) + b"1P0" + data


def raster(width_bytes: int, height: int, bits: bytes) -> bytes:
    """``GS v 0``: a normal-density raster image, MSB first, 1 = black dot."""
    header = bytes(
        (GS, 0x76, 0x30, 0, width_bytes & 0xFF, width_bytes >> 8, height & 0xFF, height >> 8)
    )
    return header + bits


def status_query(n: int) -> bytes:
    """``DLE EOT n``: real-time status request, answered with one byte."""
    return bytes((DLE, EOT, n))
