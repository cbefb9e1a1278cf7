"""``GS k`` barcodes drawn as bars, encoded by python-barcode (no encoder of our own).

python-barcode builds the module pattern (``"1010…"``); it is drawn here at the printer's
module width (``GS w``) and bar height (``GS h``) so the picture matches the paper dot for
dot. Systems python-barcode cannot encode (UPC-E, CODE93, GS1 DataBar) and data a system
rejects give None: the caller logs them; they are never printed as text.
"""

from __future__ import annotations

import logging

import barcode
from barcode.charsets import code128
from barcode.codex import Code128
from barcode.errors import BarcodeError
from PIL import Image, ImageDraw

log = logging.getLogger(__name__)


class _Code128(Code128):  # type: ignore[misc]  # python-barcode ships no types
    """python-barcode's Code 128 without one wrong step: after a code-set-C start, its
    "start B, switch to C → start C" shortening also fires on a first *data* value of 99
    (data "99…"), dropping it, so "990" scanned as "0" (python-barcode 0.15)."""

    def _try_to_optimize(self, encoded: list[int]) -> list[int]:
        if encoded[0] == code128.START_CODES["C"]:
            return encoded
        result: list[int] = super()._try_to_optimize(encoded)
        return result

#: ESC/POS system name → python-barcode class name.
PYTHON_BARCODE_NAMES = {
    "UPC-A": "upca",
    "EAN13": "ean13",
    "EAN8": "ean8",
    "CODE39": "code39",
    "ITF": "itf",
    "CODABAR": "codabar",
    "CODE128": "code128",
    "GS1-128": "gs1_128",
}
#: Quiet zone on each side, in modules (what scanners need to find the symbol).
QUIET_MODULES = 10


def code128_text(data: str) -> str:
    """ESC/POS CODE128 data without its code-set switches (``{A``/``{B``/``{C``, ``{{`` is ``{``).

    python-barcode picks code sets itself; FNC codes (``{1``–``{4``) carry no text and drop out.
    """
    out, i = [], 0
    while i < len(data):
        if data[i] == "{" and i + 1 < len(data):
            if data[i + 1] == "{":
                out.append("{")
            i += 2
            continue
        out.append(data[i])
        i += 1
    return "".join(out)


def human_text(system: str, data: str) -> str:
    """The data as printed under (or over) the bars: CODE128 without its code-set switches."""
    return code128_text(data) if system in ("CODE128", "GS1-128") else data


def modules(system: str, data: str) -> str | None:
    """The bar pattern (``1`` a dark module) for ``data``, or None when it cannot be drawn."""
    name = PYTHON_BARCODE_NAMES.get(system)
    if name is None:
        log.warning("emulated printer: python-barcode cannot draw %s; barcode not drawn", system)
        return None
    text = human_text(system, data)
    options = {"add_checksum": False} if system == "CODE39" else {}
    try:
        symbol_class = _Code128 if name == "code128" else barcode.get_barcode_class(name)
        symbol = symbol_class(text, **options)
        pattern: str = "".join(symbol.build())
    except (BarcodeError, ValueError, TypeError) as error:
        log.warning("emulated printer: %s data %r not drawable: %s", system, data, error)
        return None
    return pattern


def draw_bars(pattern: str, module: int, height: int) -> Image.Image:
    """The bars black on white, ``module`` dots per module, with quiet zones each side."""
    width = (len(pattern) + 2 * QUIET_MODULES) * module
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for index, bit in enumerate(pattern):
        if bit == "1":
            x = (QUIET_MODULES + index) * module
            draw.rectangle((x, 0, x + module - 1, height - 1), fill=0)
    return image
