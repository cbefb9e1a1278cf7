"""The ESC/POS interpreter: round trip from rendered bytes, robustness against garbage."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.printer.document import Document
from drivers.printer.interpreter import Paper, Parser, PrintedReceipt, StatusRequest, TextLine
from drivers.printer.profile import PrinterProfile
from drivers.printer.render import render, text_lines
from tests.drivers.printer.documents import standard_receipt


def interpret(data: bytes, encoding: str = "gb18030", chunk: int = 0) -> list[PrintedReceipt]:
    parser, paper = Parser(), Paper(encoding)
    pieces = [data[i : i + chunk] for i in range(0, len(data), chunk)] if chunk else [data]
    receipts = []
    for piece in pieces:
        for command in parser.feed(piece):
            receipt = paper.apply(command)
            if receipt is not None:
                receipts.append(receipt)
    return receipts


def test_rendered_receipt_reads_back_as_the_same_text_lines_and_qr_payload() -> None:
    profile = PrinterProfile()
    document = standard_receipt()
    expected = [line.rstrip() for b in document.blocks for line in text_lines(b, profile)]
    for encoding in ("gb18030", "gbk", "utf-8"):
        data = render(document, PrinterProfile(encoding=encoding))  # type: ignore[arg-type]
        (receipt,) = interpret(data, encoding)
        assert receipt.text == expected
        assert receipt.qr_payloads == ["https://zwfw.example.gov.cn/r/330109-20240501-0001"]
        assert receipt.cut


def test_bytes_split_at_every_position_interpret_the_same() -> None:
    data = render(standard_receipt(), PrinterProfile())
    whole = interpret(data)
    for chunk in (1, 2, 3, 7):
        assert [r.text for r in interpret(data, chunk=chunk)] == [r.text for r in whole]


def test_title_keeps_its_style_and_rare_name_line_arrives_as_image() -> None:
    data = render(Document().title("回执").row("姓名", "王𠀾").cut(), PrinterProfile())
    (receipt,) = interpret(data)
    title = receipt.items[0]
    assert isinstance(title, TextLine)
    assert title == TextLine("回执", align=1, bold=True, width=2, height=2)
    assert receipt.images == 1


def test_chinese_text_without_chinese_mode_is_not_read_as_chinese() -> None:
    data = b"\x1c." + "中文".encode("gb18030") + b"\n\x1dV\x00"
    (receipt,) = interpret(data)
    assert receipt.text != ["中文"]


def test_status_requests_are_reported_between_text() -> None:
    commands = Parser().feed(b"ab\x10\x04\x04cd")
    assert StatusRequest(4) in commands


@given(st.binary(max_size=400))
def test_garbage_bytes_never_crash_the_interpreter(data: bytes) -> None:
    interpret(data)
    interpret(b"\x1d(k\xff\xff" + data + b"\x1dV\x00", chunk=5)
