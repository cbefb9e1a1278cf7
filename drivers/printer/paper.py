"""Draws a :class:`PrintedReceipt` the way the paper would look, as a PNG-ready image.

Text is drawn cell by cell with the CJK font on the printer's grid (font B on its smaller
grid), magnified, underlined, reversed or turned upside down as the print modes say. QR
symbols come from the ``qrcode`` package at the module size the printer was told, barcodes
from python-barcode (``barcodes.py``) with their human-readable line where ``GS H`` asks for
it, bit images blitted as sent and scaled by their density.
"""

from __future__ import annotations

from dataclasses import replace

import qrcode
from PIL import Image, ImageDraw, ImageOps

from drivers.printer.barcodes import draw_bars, human_text, modules
from drivers.printer.fonts import Fonts
from drivers.printer.printed import (
    BlankLines,
    PaperItem,
    PrintedBarcode,
    PrintedQr,
    PrintedRaster,
    PrintedReceipt,
    TextLine,
)
from drivers.printer.profile import PrinterProfile
from drivers.printer.raster import draw_line, from_bits

LINE_GAP = 6
MARGIN = 16
#: Font B's cell: 9 × 17 dots against font A's 12 × 24.
FONT_B_CELL = (9, 17)
HRI_ABOVE, HRI_BELOW = 1, 2
_EC = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def _text_image(line: TextLine, font: Fonts, profile: PrinterProfile) -> Image.Image:
    if line.font == "b":
        profile = replace(profile, char_dots=FONT_B_CELL[0], line_dots=FONT_B_CELL[1])
    image = draw_line(line.text, font, profile, line.height, line.bold)
    if line.width != line.height:
        width = image.width * line.width // line.height
        image = image.resize((width, image.height), Image.Resampling.NEAREST)
    if line.underline and line.text.strip():
        thickness = line.underline * line.height
        ImageDraw.Draw(image).rectangle(
            (0, image.height - thickness, image.width - 1, image.height - 1), fill=0
        )
    if line.inverted:
        image = ImageOps.invert(image)
    if line.upside_down:
        image = image.rotate(180)
    return image


def _qr_image(item: PrintedQr) -> Image.Image:
    code = qrcode.QRCode(
        error_correction=_EC[item.error_correction], box_size=item.module_size, border=0
    )
    code.add_data(item.data)
    code.make(fit=True)
    image: Image.Image = code.make_image(fill_color="black", back_color="white").get_image()
    return image.convert("L")


def _barcode_image(
    item: PrintedBarcode, font: Fonts, profile: PrinterProfile
) -> Image.Image | None:
    pattern = modules(item.system, item.data)
    if pattern is None:
        return None
    bars = draw_bars(pattern, item.module, item.height)
    hri = draw_line(human_text(item.system, item.data), font, profile)
    parts = [hri] if item.hri & HRI_ABOVE else []
    parts.append(bars)
    if item.hri & HRI_BELOW:
        parts.append(hri)
    image = Image.new("L", (max(p.width for p in parts), sum(p.height for p in parts)), 255)
    y = 0
    for part in parts:
        image.paste(part, ((image.width - part.width) // 2, y))
        y += part.height
    return image


def _raster_image(item: PrintedRaster) -> Image.Image:
    image = from_bits(item.width_bytes, item.height, item.bits)
    if (item.scale_x, item.scale_y) != (1, 1):
        size = (image.width * item.scale_x, image.height * item.scale_y)
        image = image.resize(size, Image.Resampling.NEAREST)
    return image


def _blank(item: BlankLines, profile: PrinterProfile) -> Image.Image:
    if item.dots is not None:
        return Image.new("L", (1, max(1, item.dots - LINE_GAP)), 255)
    return Image.new("L", (1, max(1, (profile.line_dots + LINE_GAP) * item.lines - LINE_GAP)), 255)


def _item_image(
    item: PaperItem, font: Fonts, profile: PrinterProfile
) -> tuple[Image.Image, int, int] | None:
    """The item's picture, its alignment and the gap below it; None when nothing shows."""
    if isinstance(item, TextLine):
        image = _text_image(item, font, profile)
        gap = LINE_GAP if item.spacing is None else max(0, item.spacing - image.height)
        align = 2 - item.align if item.upside_down else item.align
        return image, align, gap
    if isinstance(item, PrintedQr):
        return _qr_image(item), item.align, LINE_GAP
    if isinstance(item, PrintedBarcode):
        bars = _barcode_image(item, font, profile)
        return None if bars is None else (bars, item.align, LINE_GAP)
    if isinstance(item, PrintedRaster):
        return _raster_image(item), item.align, LINE_GAP
    return _blank(item, profile), 0, LINE_GAP


def draw_receipt(receipt: PrintedReceipt, font: Fonts, profile: PrinterProfile) -> Image.Image:
    """The receipt as a white strip ``profile.paper_dots`` wide with everything printed on it."""
    parts = [p for p in (_item_image(i, font, profile) for i in receipt.items) if p is not None]
    height = MARGIN * 2 + sum(image.height + gap for image, _, gap in parts)
    page = Image.new("L", (profile.paper_dots + MARGIN * 2, height), 255)
    y = MARGIN
    for image, align, gap in parts:
        free = max(0, profile.paper_dots - image.width)
        x = MARGIN + (0, free // 2, free)[align]
        page.paste(image.crop((0, 0, min(image.width, profile.paper_dots), image.height)), (x, y))
        y += image.height + gap
    return page
