"""Lines the printer font cannot print, drawn as 1-bit images and packed for ``GS v 0``.

Characters are drawn cell by cell on the same grid as printer text (half-width cells of
``char_dots``, wide characters two cells), so a raster line lines up with text lines.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageOps

from drivers.printer import commands
from drivers.printer.fonts import Fonts, as_chain
from drivers.printer.profile import PrinterProfile, cell_width, text_width


def draw_line(
    text: str, fonts: Fonts, profile: PrinterProfile, scale: int = 1, bold: bool = False
) -> Image.Image:
    """``text`` drawn black on white in printer cells, ``scale`` times the normal size.

    Each character is drawn with the first font of the chain that has it; a character no font
    has leaves its cell blank (callers report it, see ``FontChain.missing``).
    """
    cell = profile.char_dots * scale
    height = profile.line_dots * scale
    width = max(8, -(-text_width(text) * cell // 8) * 8)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    chain = as_chain(fonts)
    x = 0
    for char in text:
        span = cell_width(char) * cell
        font = None if char.isspace() else chain.font_for(char)
        if font is not None:
            face = font.at(int(height * 0.9))
            left, top, right, bottom = draw.textbbox((0, 0), char, font=face)
            ox = x + (span - (right - left)) // 2 - left
            oy = (height - (bottom - top)) // 2 - top
            draw.text((ox, oy), char, font=face, fill=0, stroke_width=1 if bold else 0)
        x += span
    return image


def to_gs_v0(image: Image.Image) -> bytes:
    """The ``GS v 0`` command printing ``image`` (dark pixels become dots)."""
    width = -(-image.width // 8) * 8
    canvas = Image.new("L", (width, image.height), 255)
    canvas.paste(image.convert("L"), (0, 0))
    bits = ImageOps.invert(canvas).point(lambda v: 255 if v >= 128 else 0).convert("1")
    return commands.raster(width // 8, image.height, bits.tobytes())


def from_bits(width_bytes: int, height: int, bits: bytes) -> Image.Image:
    """The image a ``GS v 0`` payload prints, black on white (the emulator's inverse)."""
    dots = Image.frombytes("1", (width_bytes * 8, height), bits)
    return ImageOps.invert(dots.convert("L"))
