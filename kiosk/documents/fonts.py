"""The font chain for printed documents, and the characters it cannot draw.

Noto Sans CJK (Debian ``fonts-noto-cjk``) covers GB 2312, GBK and Extension A; rare name
characters in Extensions B and later fall back to HanaMin A/B (``fonts-hanazono``) and
BabelStone Han (``fonts-babelstone-han``). Qt does the fallback itself once the families are
set on the font; this module says which families are really installed and which characters
none of them has, so the caller can report them instead of printing a box.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable

from PySide6.QtGui import QFont, QRawFont

CHAIN = ("Noto Sans CJK SC", "HanaMinA", "HanaMinB", "BabelStone Han")
PLACEHOLDER = chr(0x3013)
"""U+3013 GETA MARK: the typesetter's sign for a character with no type, drawn instead of a
missing character so the page never shows an empty box."""


_per_thread = threading.local()


def _raw_fonts() -> tuple[QRawFont, ...]:
    """The chain's raw fonts, loaded once per thread: Qt's font engines belong to the thread
    that made them, and a QRawFont made on a worker answers nothing on another thread."""
    fonts: tuple[QRawFont, ...] | None = getattr(_per_thread, "fonts", None)
    if fonts is None:
        found = (QRawFont.fromFont(QFont(family)) for family in CHAIN)
        fonts = tuple(raw for raw, family in zip(found, CHAIN, strict=True)
                      if raw.isValid() and raw.familyName() == family)
        _per_thread.fonts = fonts
    return fonts


def installed_families() -> tuple[str, ...]:
    """The families of :data:`CHAIN` found on this machine, in fallback order."""
    return tuple(raw.familyName() for raw in _raw_fonts())


def _drawable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def missing_characters(texts: Iterable[str]) -> tuple[str, ...]:
    """The characters of ``texts`` that no installed font of the chain has, in first-seen
    order (whitespace and control characters need no glyph)."""
    fonts = _raw_fonts()
    seen: dict[str, None] = {}
    for text in texts:
        for char in text:
            if char in seen or _drawable(char):
                continue
            if not any(raw.supportsCharacter(ord(char)) for raw in fonts):
                seen[char] = None
    return tuple(seen)


def font(point_size: float, bold: bool = False) -> QFont:
    """A font of the chain at ``point_size``."""
    result = QFont()
    result.setFamilies(list(installed_families()) or list(CHAIN))
    result.setPointSizeF(point_size)
    result.setBold(bold)
    return result
