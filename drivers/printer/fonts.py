"""Finding the CJK font used to draw raster text lines and the emulator's receipt PNGs."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from drivers.base import DeviceError

#: Known locations of Noto Sans CJK (Debian/Ubuntu fonts-noto-cjk), with the SC face index.
KNOWN_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
)


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


@lru_cache(maxsize=32)
def _load(path: str, index: int, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, pixels, index=index)


def _from_fontconfig() -> FontFile | None:
    if shutil.which("fc-match") is None:
        return None
    result = subprocess.run(
        ["fc-match", "-f", "%{file}\n%{index}", "Noto Sans CJK SC:lang=zh-cn"],
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    )
    lines = result.stdout.splitlines()
    if result.returncode != 0 or len(lines) != 2 or "CJK" not in lines[0]:
        return None
    return FontFile(lines[0], int(lines[1] or 0))


@lru_cache(maxsize=1)
def find_cjk_font() -> FontFile:
    """The CJK font to draw with; raises :class:`FontNotFoundError` naming what to install."""
    for path, index in KNOWN_FONTS:
        if Path(path).is_file():
            return FontFile(path, index)
    found = _from_fontconfig()
    if found is None:
        raise FontNotFoundError(
            "no CJK font found for raster text (install fonts-noto-cjk / Noto Sans CJK SC)"
        )
    return found
