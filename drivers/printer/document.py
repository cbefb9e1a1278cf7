"""A receipt as content and layout intent, free of any printer bytes.

A :class:`Document` is a list of blocks built fluently::

    Document().title("受理回执").row("事项", "居住证签注").separator().qr(url).feed(3).cut()

``render.py`` turns it into ESC/POS bytes for a given printer profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal


class Align(IntEnum):
    """Horizontal alignment; values are the ``ESC a`` parameter."""

    LEFT = 0
    CENTER = 1
    RIGHT = 2


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper width; ``double`` doubles width and height."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    double: bool = False


@dataclass(frozen=True)
class KeyValue:
    """A ``key ... value`` row: key on the left, value flush right (wrapped under when long)."""

    key: str
    value: str
    bold: bool = False


@dataclass(frozen=True)
class Separator:
    """A full-width rule made of ``char``."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    """A QR code printed by the printer itself (``GS ( k``), from UTF-8 ``data``."""

    data: str
    error_correction: Literal["L", "M", "Q", "H"] = "M"
    module_size: int | None = None
    align: Align = Align.CENTER


@dataclass(frozen=True)
class Feed:
    """Blank paper: ``lines`` line feeds."""

    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """Cut the paper (full, or partial leaving a hinge)."""

    partial: bool = False


Block = Text | KeyValue | Separator | QrCode | Feed | Cut


@dataclass
class Document:
    """An ordered list of blocks; the builder methods append and return the document."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> Document:
        """Append any block."""
        self.blocks.append(block)
        return self

    def title(self, text: str) -> Document:
        """A centred, bold, double-size heading."""
        return self.add(Text(text, Align.CENTER, bold=True, double=True))

    def line(
        self, text: str, align: Align = Align.LEFT, bold: bool = False, double: bool = False
    ) -> Document:
        """A paragraph of text."""
        return self.add(Text(text, align, bold, double))

    def row(self, key: str, value: str, bold: bool = False) -> Document:
        """A key–value row."""
        return self.add(KeyValue(key, value, bold))

    def separator(self, char: str = "-") -> Document:
        """A full-width rule."""
        return self.add(Separator(char))

    def qr(
        self,
        data: str,
        error_correction: Literal["L", "M", "Q", "H"] = "M",
        align: Align = Align.CENTER,
    ) -> Document:
        """A native QR code."""
        return self.add(QrCode(data, error_correction, align=align))

    def feed(self, lines: int = 1) -> Document:
        """Blank lines."""
        return self.add(Feed(lines))

    def cut(self, partial: bool = False) -> Document:
        """Cut the paper."""
        return self.add(Cut(partial))
