"""Draws a :class:`PrintedReceipt` the way the paper would look, as a PNG-ready image.

Text is drawn cell by cell with the CJK font on the printer's grid, QR symbols with the
``qrcode`` package at the module size the printer was told, raster images blitted as sent.
"""

from __future__ import annotations

import qrcode
from PIL import Image

from drivers.printer.fonts import FontFile
from drivers.printer.interpreter import (
    PaperItem,
    PrintedQr,
    PrintedRaster,
    PrintedReceipt,
    TextLine,
)
from drivers.printer.profile import PrinterProfile
from drivers.printer.raster import draw_line, from_bits

LINE_GAP = 6
MARGIN = 16
_EC = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def _text_image(line: TextLine, font: FontFile, profile: PrinterProfile) -> Image.Image:
    image = draw_line(line.text, font, profile, line.height, line.bold)
    if line.width != line.height:
        width = image.width * line.width // line.height
        image = image.resize((width, image.height), Image.Resampling.NEAREST)
    return image


def _qr_image(item: PrintedQr) -> Image.Image:
    code = qrcode.QRCode(
        error_correction=_EC[item.error_correction], box_size=item.module_size, border=0
    )
    code.add_data(item.data)
    code.make(fit=True)
    image: Image.Image = code.make_image(fill_color="black", back_color="white").get_image()
    return image.convert("L")


def _item_image(
    item: PaperItem, font: FontFile, profile: PrinterProfile
) -> tuple[Image.Image, int]:
    if isinstance(item, TextLine):
        return _text_image(item, font, profile), item.align
    if isinstance(item, PrintedQr):
        return _qr_image(item), item.align
    if isinstance(item, PrintedRaster):
        return from_bits(item.width_bytes, item.height, item.bits), item.align
    blank = Image.new("L", (1, (profile.line_dots + LINE_GAP) * item.lines - LINE_GAP), 255)
    return blank, 0


def draw_receipt(receipt: PrintedReceipt, font: FontFile, profile: PrinterProfile) -> Image.Image:
    """The receipt as a white strip ``profile.paper_dots`` wide with everything printed on it."""
    parts = [_item_image(item, font, profile) for item in receipt.items]
    height = MARGIN * 2 + sum(image.height + LINE_GAP for image, _ in parts)
    page = Image.new("L", (profile.paper_dots + MARGIN * 2, height), 255)
    y = MARGIN
    for image, align in parts:
        free = max(0, profile.paper_dots - image.width)
        x = MARGIN + (0, free // 2, free)[align]
        page.paste(image.crop((0, 0, min(image.width, profile.paper_dots), image.height)), (x, y))
        y += image.height + LINE_GAP
    return page
