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


# --- The vocabulary the emulator's parser reads (the renderer above sends a subset). ---

NUL = 0x00
BEL = 0x07
HT = 0x09
LF_BYTE = 0x0A
VT = 0x0B
FF = 0x0C
CR = 0x0D

#: Bits of ``ESC ! n`` (print mode).
MODE_FONT_B = 0x01
MODE_EMPHASIZED = 0x08
MODE_DOUBLE_HEIGHT = 0x10
MODE_DOUBLE_WIDTH = 0x20
MODE_UNDERLINE = 0x80

#: Bits of ``FS ! n`` (Chinese character print mode).
KANJI_MODE_DOUBLE_WIDTH = 0x04
KANJI_MODE_DOUBLE_HEIGHT = 0x08

#: Fixed-length commands: opcode → how many parameter bytes follow it, per prefix byte.
#: ``ESC * / ESC D``, ``GS ( / GS v / GS k`` and ``DLE`` commands have variable lengths and
#: are parsed on their own.
FIXED_LENGTH: dict[int, dict[int, int]] = {
    ESC: {
        **dict.fromkeys(b"@2<imSL", 0),
        **dict.fromkeys(b"!-EGMa{t3A+dJe=?KVrR UT%", 1),
        **dict.fromkeys(b"B$\\c", 2),
        ord("p"): 3,
    },
    GS: {
        **dict.fromkeys(b"!IBbHhfwaTr|", 1),
        **dict.fromkeys(b"LWP$\\", 2),
    },
    FS: {
        **dict.fromkeys(b"&.", 0),
        **dict.fromkeys(b"!-WC", 1),
        ord("S"): 2,
        ord("p"): 2,
    },
}

#: ``GS k m``: barcode systems by ``m`` (0–6 take NUL-terminated data, 65–78 a length byte).
BARCODE_SYSTEMS: dict[int, str] = {
    0: "UPC-A",
    1: "UPC-E",
    2: "EAN13",
    3: "EAN8",
    4: "CODE39",
    5: "ITF",
    6: "CODABAR",
    65: "UPC-A",
    66: "UPC-E",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    70: "ITF",
    71: "CODABAR",
    72: "CODE93",
    73: "CODE128",
    74: "GS1-128",
    75: "GS1 DATABAR OMNIDIRECTIONAL",
    76: "GS1 DATABAR TRUNCATED",
    77: "GS1 DATABAR LIMITED",
    78: "GS1 DATABAR EXPANDED",
}
#: ``GS k`` systems from this value on carry a length byte instead of a NUL terminator.
BARCODE_LENGTH_PREFIXED = 65

#: ``GS ( L`` functions: store a raster graphic in the print buffer, print the buffer.
GRAPHICS_STORE = 112
GRAPHICS_PRINT = 50
