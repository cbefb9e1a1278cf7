"""A :class:`ResultDocument` rendered to an A4 PDF with Qt's own PDF writer.

Every page carries the hall's name and the time of printing at the top and "第 n 页 / 共 N 页"
at the bottom; the title opens the first page; body lines wrap at the margins and flow onto
as many pages as they need; the verify URL, when there is one, ends the document as a QR code
(encoded by ``qrcode``, drawn as vector squares) with the URL beneath it. Qt embeds subsets of
the fonts it used, so the PDF prints the same on any printer.

QPdfWriter needs a QGuiApplication (any platform, ``offscreen`` included) but no display and
no GUI thread of its own: :func:`render_pdf` may run on a worker thread once the application
exists. Characters no font of the chain has are drawn as 〓 and listed in the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import qrcode
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)

from kiosk.documents.fonts import PLACEHOLDER, font, missing_characters
from kiosk.documents.wording import PdfWording
from kiosk.platform.models import ResultDocument

DPI = 300
MARGIN_MM = 20.0
QR_SIZE_MM = 35.0
BODY_PT, TITLE_PT, HEADER_PT = 11.0, 18.0, 9.0
LINE_GAP = 0.35  # of a line's height, between body lines
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft


class RenderError(RuntimeError):
    """Qt could not render (no QGuiApplication, or the PDF writer failed)."""


@dataclass(frozen=True)
class RenderedPdf:
    """The PDF bytes, its page count and the characters no font had (drawn as 〓)."""

    pdf: bytes
    pages: int
    missing_characters: tuple[str, ...]


def _mm(mm: float) -> float:
    return mm / 25.4 * DPI


@dataclass(frozen=True)
class _Block:
    """One thing placed on a page: text, or the QR code (``text`` None)."""

    text: str | None
    font: QFont
    rect: QRectF
    page: int


class _Layout:
    """Places blocks top to bottom inside ``area``, starting a new page when one is full."""

    def __init__(self, area: QRectF, device: QPaintDevice) -> None:
        self.area = area
        self.device = device
        self.page = 0
        self.y = area.top()
        self.blocks: list[_Block] = []

    def place(self, text: str | None, block_font: QFont, height: float, gap: float) -> None:
        if self.y + height > self.area.bottom() and self.y > self.area.top():
            self.page += 1
            self.y = self.area.top()
        rect = QRectF(self.area.left(), self.y, self.area.width(), height)
        self.blocks.append(_Block(text, block_font, rect, self.page))
        self.y += height + gap

    def text(self, text: str, block_font: QFont, gap_lines: float = LINE_GAP) -> None:
        metrics = QFontMetricsF(block_font, self.device)
        bounds = QRectF(0, 0, self.area.width(), 1e9)
        height = metrics.boundingRect(bounds, int(WRAP), text or " ").height()
        self.place(text, block_font, height, metrics.height() * gap_lines)


def _clean(text: str, missing: set[str]) -> str:
    return "".join(PLACEHOLDER if char in missing else char for char in text)


def _draw_qr(painter: QPainter, url: str, rect: QRectF) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = _mm(QR_SIZE_MM)
    module = side / len(matrix)
    left = rect.left() + (rect.width() - side) / 2
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                painter.drawRect(
                    QRectF(left + column * module, rect.top() + row * module, module, module)
                )
    painter.restore()


def render_pdf(
    document: ResultDocument, hall_name: str, printed_at: datetime, wording: PdfWording
) -> RenderedPdf:
    """``document`` as an A4 PDF for ``hall_name`` printed at ``printed_at``."""
    if QGuiApplication.instance() is None:
        raise RenderError("rendering a PDF needs a QGuiApplication (offscreen will do)")
    texts = [document.title, *document.lines, hall_name, document.verify_url or ""]
    missing = missing_characters(texts)
    absent = set(missing)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(DPI)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.title)
    writer.setCreator(hall_name)
    page = QRectF(writer.pageLayout().fullRectPixels(DPI))
    margin = _mm(MARGIN_MM)
    header_font, body_font, title_font = font(HEADER_PT), font(BODY_PT), font(TITLE_PT, True)
    band = QFontMetricsF(header_font, writer).height() * 2.5
    area = page.adjusted(margin, margin + band, -margin, -margin - band)

    layout = _Layout(area, writer)
    layout.text(_clean(document.title, absent), title_font, 1.0)
    for line in document.lines:
        layout.text(_clean(line, absent), body_font)
    if document.verify_url:
        layout.text(wording.scan_to_verify, body_font, 0.3)
        gap = QFontMetricsF(body_font, writer).height() * 0.3
        layout.place(None, body_font, _mm(QR_SIZE_MM), gap)
        layout.text(_clean(document.verify_url, absent), header_font)
    pages = layout.page + 1

    painter = QPainter()
    if not painter.begin(writer):
        raise RenderError("the PDF writer could not start")
    stamp = wording.printed_at.format(time=f"{printed_at:%Y-%m-%d %H:%M}")
    header = QRectF(margin, margin, page.width() - 2 * margin, band / 2)
    footer = QRectF(margin, page.height() - margin - band / 2, page.width() - 2 * margin, band / 2)
    blocks = iter(layout.blocks)
    block = next(blocks, None)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.setFont(header_font)
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft), _clean(hall_name, absent))
        painter.drawText(header, int(Qt.AlignmentFlag.AlignRight), stamp)
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignHCenter),
            wording.page_of.format(page=number + 1, pages=pages),
        )
        while block is not None and block.page == number:
            if block.text is None:
                _draw_qr(painter, document.verify_url or "", block.rect)
            else:
                painter.setFont(block.font)
                align = Qt.AlignmentFlag.AlignHCenter if block.font is title_font else WRAP
                painter.drawText(block.rect, int(align | Qt.TextFlag.TextWordWrap), block.text)
            block = next(blocks, None)
    painter.end()
    buffer.close()
    return RenderedPdf(bytes(data.data()), pages, missing)
