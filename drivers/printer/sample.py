"""The technician's test page: what the CLI's ``test-page`` and the maintenance screen print."""

from __future__ import annotations

from drivers.printer.document import Align, Document

RARE_NAME = "王𠀾"


def test_page(model: str) -> Document:
    """The test page: model, an encoding line, a rare-name line (raster), a QR code, a cut."""
    return (
        Document()
        .title("打印测试")
        .row("型号", model)
        .line("中文、全角标点「」，。")
        .row("生僻字", RARE_NAME)
        .separator()
        .qr("https://zwfw.example.gov.cn/print-test")
        .line("二维码应可扫描", Align.CENTER)
        .feed(3)
        .cut()
    )
