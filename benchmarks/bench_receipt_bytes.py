"""Bytes on the wire for a standard receipt: text + native QR versus the whole receipt as raster.

The standard receipt is a title, eight key-value rows and a QR code. The raster variant is what
a driver that draws everything itself would send: the same receipt drawn on the printer's
grid (via the emulator's paper renderer) and sent as one ``GS v 0`` image. Prints a table and
writes ``benchmarks/results/receipt.json``.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import write_results
from drivers.printer import commands
from drivers.printer.document import Document
from drivers.printer.fonts import find_cjk_font
from drivers.printer.interpreter import Paper, Parser, PrintedReceipt
from drivers.printer.paper import MARGIN, draw_receipt
from drivers.printer.profile import PrinterProfile
from drivers.printer.raster import to_gs_v0
from drivers.printer.render import render

RESULTS = Path(__file__).parent / "results" / "receipt.json"
BAUD_RATES = (9600, 115200)
BITS_PER_BYTE = 10


def standard_receipt() -> Document:
    """Title, eight key-value rows, a QR code, feed and cut."""
    return (
        Document()
        .title("受理回执")
        .row("受理编号", "330109-20240501-0001")
        .row("事项名称", "居住证签注")
        .row("申请人", "张三")
        .row("证件号码", "3301**********1234")
        .row("受理时间", "2024-05-01 09:30")
        .row("受理地点", "市民中心政务服务大厅")
        .row("办理时限", "3个工作日")
        .row("咨询电话", "0571-12345")
        .qr("https://zwfw.example.gov.cn/r/330109-20240501-0001")
        .feed(3)
        .cut()
    )


def as_raster(text_bytes: bytes, profile: PrinterProfile) -> bytes:
    """The same receipt drawn as one image and sent with ``GS v 0``, then fed and cut."""
    parser, paper = Parser(), Paper(profile.encoding)
    receipt: PrintedReceipt | None = None
    for command in parser.feed(text_bytes):
        receipt = paper.apply(command) or receipt
    if receipt is None:
        raise ValueError("the receipt bytes contain no cut")
    page = draw_receipt(receipt, find_cjk_font(), profile)
    image = page.crop((MARGIN, MARGIN, MARGIN + profile.paper_dots, page.height - MARGIN))
    return commands.INITIALIZE + to_gs_v0(image) + commands.feed(3) + commands.cut()


def measure(profile: PrinterProfile) -> dict[str, int]:
    """Byte counts of both variants for one profile."""
    text = render(standard_receipt(), profile)
    return {"text_native_qr": len(text), "raster": len(as_raster(text, profile))}


def main() -> None:
    """Measure 80 mm and 58 mm paper, print the table, write the JSON results."""
    rows = []
    for name, dots in (("80mm", 576), ("58mm", 384)):
        sizes = measure(PrinterProfile(paper_dots=dots))
        row: dict[str, object] = {"paper": name, **sizes}
        row["ratio"] = round(sizes["raster"] / sizes["text_native_qr"], 1)
        for baud in BAUD_RATES:
            for variant in ("text_native_qr", "raster"):
                row[f"{variant}_s_at_{baud}"] = round(sizes[variant] * BITS_PER_BYTE / baud, 3)
        rows.append(row)
    print(
        f"{'paper':<6}{'text+QR bytes':>15}{'raster bytes':>14}{'ratio':>7}"
        f"{'text@9600 s':>13}{'raster@9600 s':>15}{'text@115200 s':>15}{'raster@115200 s':>17}"
    )
    for row in rows:
        print(
            f"{row['paper']:<6}{row['text_native_qr']:>15}{row['raster']:>14}{row['ratio']:>7}"
            f"{row['text_native_qr_s_at_9600']:>13}{row['raster_s_at_9600']:>15}"
            f"{row['text_native_qr_s_at_115200']:>15}{row['raster_s_at_115200']:>17}"
        )
    write_results(RESULTS, {"receipt": "title + 8 rows + QR", "rows": rows})


if __name__ == "__main__":
    main()
