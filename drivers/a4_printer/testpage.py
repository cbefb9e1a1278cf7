"""The technician's A4 test page as a PDF, drawn with Qt's own PDF writer.

QPdfWriter needs a QGuiApplication; the CLI has none, so one is made on the offscreen
platform when missing (no display needed).
"""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

RESOLUTION_DPI = 300
TEST_TEXT = "A4 打印测试 · 中文、全角标点「」，。 · ABC 0123456789"


def ensure_gui_application() -> None:
    """A QGuiApplication for Qt's painting, made offscreen when the process has none."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])


def test_page_pdf(model: str, at: datetime) -> bytes:
    """One A4 page: the printer model, a line of Chinese, the time, and a frame at the margins
    (a technician checks the frame is complete on paper)."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("A4 test page")
    painter = QPainter(writer)
    area = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION_DPI))
    area.moveTo(0, 0)
    font = QFont()
    font.setFamilies(["Noto Sans CJK SC"])
    font.setPointSizeF(14)
    painter.setFont(font)
    painter.drawRect(area.adjusted(2, 2, -2, -2))
    lines = [TEST_TEXT, f"型号 {model}", f"打印时间 {at:%Y-%m-%d %H:%M:%S}"]
    painter.drawText(area.adjusted(60, 60, -60, -60), Qt.AlignmentFlag.AlignTop, "\n".join(lines))
    painter.end()
    buffer.close()
    return bytes(data.data())
