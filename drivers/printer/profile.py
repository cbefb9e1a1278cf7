"""What a printer model can do: text encoding, which characters its font holds, paper width.

The font coverage decides which characters are sent as text and which force the line to be
printed as a raster image: GB18030 can encode CJK Extension B, but real printer fonts stop at
GB2312/GBK, so the default coverage is ``"gbk"``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["gb18030", "gbk", "utf-8"]
FontCoverage = Literal["gbk", "gb18030"]

ENCODINGS: tuple[Encoding, ...] = ("gb18030", "gbk", "utf-8")
COVERAGES: tuple[FontCoverage, ...] = ("gbk", "gb18030")

#: Printable dots across the paper for the common widths (203 dpi heads).
PAPER_DOTS = {80: 576, 58: 384}


@dataclass(frozen=True)
class PrinterProfile:
    """The rendering parameters of one printer model.

    ``char_dots`` is the width of a half-width cell of font A (a CJK character takes two), and
    ``line_dots`` its height; ``kanji_mode`` says whether ``FS &`` must be sent to print
    double-byte text (true for GB18030/GBK printers). ``model`` names the python-escpos
    capability profile whose ``ESC t`` code tables the printer has.
    """

    encoding: Encoding = "gb18030"
    font_coverage: FontCoverage = "gbk"
    paper_dots: int = 576
    char_dots: int = 12
    line_dots: int = 24
    qr_module_size: int = 6
    model: str = "default"

    @property
    def kanji_mode(self) -> bool:
        """True when the printer needs ``FS &`` to take double-byte Chinese text."""
        return self.encoding in ("gb18030", "gbk")

    @property
    def columns(self) -> int:
        """Half-width columns in one line at normal size."""
        return self.paper_dots // self.char_dots

    def printable(self, char: str) -> bool:
        """True when the printer's own font prints ``char`` once encoded in the profile."""
        if " " <= char <= "~":
            return True
        if unicodedata.category(char).startswith("C"):
            return False
        try:
            char.encode(self.encoding)
            char.encode(self.font_coverage)
        except UnicodeEncodeError:
            return False
        return True

    def encode(self, text: str) -> bytes:
        """``text`` in the printer's encoding; callers pass only printable text."""
        return text.encode(self.encoding)


def cell_width(char: str) -> int:
    """Columns a character takes: 2 for wide/full-width (CJK, full-width punctuation), else 1."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Columns a string takes on the printer."""
    return sum(cell_width(c) for c in text)
