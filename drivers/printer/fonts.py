"""The fonts that draw raster text lines and the emulator's receipt PNGs, chosen per character.

Noto Sans CJK covers GB 2312, GBK and Extension A but not all of Extension B and later (it has
no U+20000). A :class:`FontChain` tries Noto first, then HanaMin A/B (``fonts-hanazono``) and
BabelStone Han (``fonts-babelstone-han``), which together reach GB 18030-2022's repertoire, and
picks for each character the first font whose character map holds it. A character no font has
is left blank and reported (:meth:`FontChain.missing`), never drawn as an empty box.

Coverage is read from fontconfig (``fc-query``): it is already installed with the fonts, the
kiosk already asks it for Noto (``fc-match``) and Qt resolves its own fallbacks through it, so
printer and screen agree on which font has which character; no extra Python package is needed.
"""

from __future__ import annotations

import bisect
import logging
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from drivers.base import DeviceError

log = logging.getLogger(__name__)

#: Known locations of Noto Sans CJK (Debian/Ubuntu fonts-noto-cjk), with the SC face index.
KNOWN_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
)
#: The fallback families after Noto, in order (Debian fonts-hanazono, fonts-babelstone-han).
FALLBACK_FAMILIES: tuple[str, ...] = ("HanaMinA", "HanaMinB", "BabelStone Han")
FC_TIMEOUT_S = 5


class FontNotFoundError(DeviceError):
    """No CJK font is installed, so text the printer font lacks cannot be rasterised."""


@dataclass(frozen=True)
class FontFile:
    """A font file and the face index inside it (TrueType collections hold several)."""

    path: str
    index: int = 0

    def at(self, pixels: int) -> ImageFont.FreeTypeFont:
        """The font loaded at ``pixels`` size."""
        return _load(self.path, self.index, pixels)

    def has(self, char: str) -> bool:
        """True when the font's character map holds ``char`` (assumed when it cannot be read)."""
        ranges = _charset(self.path, self.index)
        if ranges is None:
            return True
        code = ord(char)
        at = bisect.bisect_right(ranges, (code, 0x10FFFF + 1)) - 1
        return at >= 0 and ranges[at][0] <= code <= ranges[at][1]


@lru_cache(maxsize=32)
def _load(path: str, index: int, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, pixels, index=index)


def _run_fc(*args: str) -> str | None:
    if shutil.which(args[0]) is None:
        return None
    result = subprocess.run(
        list(args), capture_output=True, text=True, timeout=FC_TIMEOUT_S, check=False
    )
    return result.stdout if result.returncode == 0 else None


def parse_charset(text: str) -> list[tuple[int, int]]:
    """fontconfig's ``%{charset}`` (``"20-7e a0 …"``, hex) as sorted inclusive ranges."""
    ranges = []
    for item in text.split():
        first, _, last = item.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return sorted(ranges)


@lru_cache(maxsize=16)
def _charset(path: str, index: int) -> list[tuple[int, int]] | None:
    out = _run_fc("fc-query", "-i", str(index), "--format", "%{charset}", path)
    if out is None:
        log.warning("cannot read the character map of %s (fc-query missing?)", path)
        return None
    return parse_charset(out)


@dataclass(frozen=True)
class FontChain:
    """Fonts tried in order for each character."""

    fonts: tuple[FontFile, ...]

    def font_for(self, char: str) -> FontFile | None:
        """The first font holding ``char``; None when none does."""
        return next((font for font in self.fonts if font.has(char)), None)

    def missing(self, text: Iterable[str]) -> list[str]:
        """The characters of ``text`` (once each, in order) that no font holds."""
        seen: dict[str, None] = {}
        for char in text:
            if not char.isspace() and char not in seen and self.font_for(char) is None:
                seen[char] = None
        return list(seen)


Fonts = FontFile | FontChain


def as_chain(fonts: Fonts) -> FontChain:
    """A single font as a one-font chain; a chain as it is."""
    return fonts if isinstance(fonts, FontChain) else FontChain((fonts,))


def _from_fontconfig(family: str) -> FontFile | None:
    out = _run_fc("fc-match", "-f", "%{file}\n%{index}\n%{family}", family)
    lines = (out or "").splitlines()
    if len(lines) != 3 or family.split(":", maxsplit=1)[0].split(maxsplit=1)[0] not in lines[2]:
        return None
    return FontFile(lines[0], int(lines[1] or 0))


@lru_cache(maxsize=1)
def find_cjk_font() -> FontFile:
    """The CJK font to draw with; raises :class:`FontNotFoundError` naming what to install."""
    for path, index in KNOWN_FONTS:
        if Path(path).is_file():
            return FontFile(path, index)
    found = _from_fontconfig("Noto Sans CJK SC:lang=zh-cn")
    if found is None or "CJK" not in found.path:
        raise FontNotFoundError(
            "no CJK font found for raster text (install fonts-noto-cjk / Noto Sans CJK SC)"
        )
    return found


@lru_cache(maxsize=1)
def find_font_chain() -> FontChain:
    """Noto Sans CJK and the installed fallbacks; missing fallbacks are logged, not fatal."""
    fonts = [find_cjk_font()]
    for family in FALLBACK_FAMILIES:
        found = _from_fontconfig(family)
        if found is None:
            log.warning("fallback font %s not installed: rare characters may not print", family)
        else:
            fonts.append(found)
    return FontChain(tuple(fonts))
