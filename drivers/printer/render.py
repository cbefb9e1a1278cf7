"""The one place a :class:`Document` becomes ESC/POS bytes, independent of any transport.

Text is encoded here per printer profile (never by python-escpos's MagicEncode). A line holding
a character the printer font lacks (a rare-name ideograph, say) is drawn with the CJK font and
sent as a ``GS v 0`` raster line instead of printing ``?``. Style commands are sent only when
the style changes, so the output is compact and byte-stable for golden tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drivers.printer import commands
from drivers.printer.document import (
    Align,
    Block,
    Cut,
    Document,
    Feed,
    KeyValue,
    QrCode,
    Separator,
    Text,
)
from drivers.printer.fonts import Fonts, as_chain, find_font_chain
from drivers.printer.profile import PrinterProfile, cell_width, text_width
from drivers.printer.raster import draw_line, to_gs_v0


def wrap(text: str, columns: int) -> list[str]:
    """``text`` split into lines of at most ``columns`` printer columns (newlines kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, width = "", 0
        for char in paragraph:
            span = cell_width(char)
            if width + span > columns and line:
                lines.append(line)
                line, width = "", 0
            line += char
            width += span
        lines.append(line)
    return lines


def key_value_lines(key: str, value: str, columns: int) -> list[str]:
    """A key–value row laid out: one padded line when it fits, else key then value flush right."""
    gap = columns - text_width(key) - text_width(value)
    if gap >= 1:
        return [key + " " * gap + value]
    lines = wrap(key, columns)
    lines.extend(" " * (columns - text_width(v)) + v for v in wrap(value, columns))
    return lines


def text_lines(block: Block, profile: PrinterProfile) -> list[str]:
    """The text lines a text-bearing block prints (empty for QR, feed and cut)."""
    if isinstance(block, Text):
        return wrap(_clean(block.text), profile.columns // (2 if block.double else 1))
    if isinstance(block, KeyValue):
        return key_value_lines(_clean(block.key), _clean(block.value), profile.columns)
    if isinstance(block, Separator):
        char = _clean(block.char)[:1] or "-"
        return [char * (profile.columns // cell_width(char))]
    return []


def _clean(text: str) -> str:
    return "".join(" " if c == "\t" else c for c in text if c == "\n" or c >= " " or c == "\t")


@dataclass
class _Style:
    align: Align = Align.LEFT
    bold: bool = False
    double: bool = False


class _Writer:
    """Accumulates bytes and emits style commands only on change."""

    def __init__(self, profile: PrinterProfile, font: Callable[[], Fonts]) -> None:
        self.profile = profile
        self.font = font
        self.out = bytearray(commands.INITIALIZE)
        if profile.kanji_mode:
            self.out += commands.KANJI_ON
        self.style = _Style()

    def set_style(self, align: Align, bold: bool, double: bool) -> None:
        if align != self.style.align:
            self.out += commands.align(align)
        if bold != self.style.bold:
            self.out += commands.bold(bold)
        if double != self.style.double:
            self.out += commands.size(2, 2) if double else commands.size(1, 1)
        self.style = _Style(align, bold, double)

    def text_line(self, line: str) -> None:
        if all(self.profile.printable(c) for c in line):
            self.out += self.profile.encode(line) + commands.LF
            return
        scale = 2 if self.style.double else 1
        image = draw_line(line, self.font(), self.profile, scale, self.style.bold)
        self.out += to_gs_v0(image)

    def block(self, block: Block) -> None:
        if isinstance(block, Text):
            self.set_style(block.align, block.bold, block.double)
        elif isinstance(block, KeyValue):
            self.set_style(Align.LEFT, block.bold, False)
        elif isinstance(block, Separator):
            self.set_style(Align.LEFT, False, False)
        elif isinstance(block, QrCode):
            self.set_style(block.align, False, False)
            module = block.module_size or self.profile.qr_module_size
            self.out += commands.QR_MODEL_2 + commands.qr_module_size(module)
            self.out += commands.qr_error_correction(block.error_correction)
            self.out += commands.qr_store(block.data.encode("utf-8")) + commands.QR_PRINT
        elif isinstance(block, Feed):
            self.out += commands.feed(block.lines)
        elif isinstance(block, Cut):
            self.out += commands.cut(block.partial)
        for line in text_lines(block, self.profile):
            self.text_line(line)


def raster_lines(document: Document, profile: PrinterProfile) -> list[str]:
    """The lines of ``document`` the printer font cannot print (sent as images)."""
    return [
        line
        for block in document.blocks
        for line in text_lines(block, profile)
        if not all(profile.printable(c) for c in line)
    ]


def unprintable(
    document: Document, profile: PrinterProfile, font: Callable[[], Fonts] = find_font_chain
) -> list[str]:
    """Characters of ``document`` that neither the printer font nor any raster font has.

    They are left blank on paper; the print job reports them instead of printing a box.
    """
    lines = raster_lines(document, profile)
    if not lines:
        return []
    chain = as_chain(font())
    return chain.missing(c for line in lines for c in line if not profile.printable(c))


def render(
    document: Document,
    profile: PrinterProfile,
    font: Callable[[], Fonts] = find_font_chain,
) -> bytes:
    """ESC/POS bytes printing ``document`` on a printer of ``profile``.

    ``font`` is called only when a line needs rasterising, so documents the printer font can
    print never need a CJK font installed; it raises ``FontNotFoundError`` otherwise.
    """
    writer = _Writer(profile, font)
    for block in document.blocks:
        writer.block(block)
    return bytes(writer.out)
