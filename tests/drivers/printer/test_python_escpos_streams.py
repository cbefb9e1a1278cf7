"""The emulator against streams python-escpos generates (``escpos.printer.Dummy``).

Each feature python-escpos can emit is printed through the parser and paper model and checked
on the rendered receipt: its JSON record and its PNG (bars that zxing reads, taller text, …).
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from escpos.printer import Dummy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from drivers.printer import commands
from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.fonts import find_cjk_font
from drivers.printer.interpreter import Paper, Parser
from drivers.printer.paper import draw_receipt
from drivers.printer.printed import PrintedReceipt, TextLine
from drivers.printer.profile import PrinterProfile
from drivers.printer.transports.serial_port import SerialTransport

Stream = Callable[[Dummy], object]


def escpos_bytes(*steps: Stream) -> bytes:
    """The bytes python-escpos sends for ``steps``, followed by a full cut without feed."""
    printer = Dummy()
    for step in steps:
        step(printer)
    printer.cut(feed=False)
    return bytes(printer.output)


def interpret(data: bytes, encoding: str = "gb18030") -> PrintedReceipt:
    parser, paper = Parser(), Paper(encoding)
    receipts = [r for c in parser.feed(data) if (r := paper.apply(c)) is not None]
    assert len(receipts) == 1
    return receipts[0]


def png(receipt: PrintedReceipt) -> np.ndarray:
    return np.asarray(draw_receipt(receipt, find_cjk_font(), PrinterProfile()))


def ink_rows(image: np.ndarray) -> int:
    """How many pixel rows carry any ink."""
    return int((image < 128).any(axis=1).sum())


def ink(image: np.ndarray) -> np.ndarray:
    """The inked pixels, cropped to their bounding box."""
    rows, columns = np.nonzero(image < 128)
    return image[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1] < 128


def only_line(receipt: PrintedReceipt) -> TextLine:
    (line,) = [i for i in receipt.items if isinstance(i, TextLine)]
    return line


EAN13_DATA = st.text(string.digits, min_size=12, max_size=12)
#: Up to 8 characters: at 3 dots a module the symbol then fits 80 mm paper with quiet zones.
CODE128_DATA = st.text(string.ascii_uppercase + string.digits + "-", min_size=2, max_size=8)


@settings(max_examples=15, deadline=None)
@given(EAN13_DATA)
def test_ean13_prints_bars_zxing_reads_and_no_digits_as_text(digits: str) -> None:
    data = escpos_bytes(lambda p: p.barcode(digits, "EAN13"), lambda p: p.text("next\n"))
    receipt = interpret(data)
    assert receipt.text == ["next"]
    assert [b["data"] for b in receipt.record()["barcodes"]] == [digits]
    (found,) = zxingcpp.read_barcodes(png(receipt), formats=zxingcpp.BarcodeFormat.EAN13)
    assert found.text[:12] == digits


@settings(max_examples=15, deadline=None)
@given(CODE128_DATA)
@example("99")  # a leading 99 in code set C was dropped by python-barcode's shortening
@example("990")
def test_code128_prints_bars_zxing_reads(text: str) -> None:
    data = escpos_bytes(lambda p: p.barcode("{B" + text, "CODE128", function_type="B"))
    receipt = interpret(data)
    assert receipt.text == []
    (found,) = zxingcpp.read_barcodes(png(receipt), formats=zxingcpp.BarcodeFormat.Code128)
    assert found.text == text


def test_barcode_height_and_human_readable_line_follow_gs_h_and_gs_h() -> None:
    tall = interpret(escpos_bytes(lambda p: p.barcode("4006381333931", "EAN13", height=200)))
    short = interpret(
        escpos_bytes(lambda p: p.barcode("4006381333931", "EAN13", height=60, pos="OFF"))
    )
    assert ink_rows(png(tall)) > 200 > ink_rows(png(short)) >= 60


def test_barcode_python_barcode_cannot_draw_is_recorded_never_printed_as_text() -> None:
    data = escpos_bytes(lambda p: p.barcode("0123456789012", "GS1 DATABAR OMNIDIRECTIONAL"))
    receipt = interpret(data)
    assert receipt.text == []
    assert receipt.record()["barcodes"] == [
        {"system": "GS1 DATABAR OMNIDIRECTIONAL", "data": "0123456789012"}
    ]


PRINT_MODES = st.fixed_dictionaries(
    {
        "bold": st.booleans(),
        "underline": st.sampled_from([0, 1, 2]),
        "double_width": st.booleans(),
        "double_height": st.booleans(),
        "font": st.sampled_from(["a", "b"]),
        "align": st.sampled_from(["left", "center", "right"]),
        "flip": st.booleans(),
        "invert": st.booleans(),
    }
)
TEXT = st.text(string.ascii_letters + string.digits + " .,:-", min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(TEXT.filter(str.strip), PRINT_MODES)
def test_print_modes_set_by_python_escpos_reach_the_printed_line(
    text: str, modes: dict[str, object]
) -> None:
    receipt = interpret(escpos_bytes(lambda p: p.set(**modes), lambda p: p.text(text + "\n")))
    line = only_line(receipt)
    assert line.text.rstrip() == text.rstrip()
    assert line.bold == modes["bold"]
    assert line.underline == modes["underline"]
    assert (line.width, line.height) == (
        2 if modes["double_width"] else 1,
        2 if modes["double_height"] else 1,
    )
    assert line.align == ["left", "center", "right"].index(str(modes["align"]))
    assert (line.upside_down, line.inverted) == (modes["flip"], modes["invert"])


def test_esc_bang_double_size_text_is_taller_and_wider_on_paper() -> None:
    normal = interpret(escpos_bytes(lambda p: p.text("HELLO\n")))
    double = interpret(
        escpos_bytes(
            lambda p: p.set(double_width=True, double_height=True), lambda p: p.text("HELLO\n")
        )
    )
    assert b"\x1b!0" in escpos_bytes(lambda p: p.set(double_width=True, double_height=True))
    small, big = png(normal), png(double)
    assert ink_rows(big) > 1.6 * ink_rows(small)
    assert (big < 128).any(axis=0).sum() > 1.6 * (small < 128).any(axis=0).sum()


def test_font_b_is_smaller_than_font_a() -> None:
    font_a = png(interpret(escpos_bytes(lambda p: p.text("HELLO\n"))))
    font_b = png(interpret(escpos_bytes(lambda p: p.set(font="b"), lambda p: p.text("HELLO\n"))))
    assert ink_rows(font_b) < ink_rows(font_a)


def test_upside_down_line_is_the_normal_line_turned_round() -> None:
    normal = interpret(escpos_bytes(lambda p: p.text("Ab\n")))
    flipped = interpret(escpos_bytes(lambda p: p.set(flip=True), lambda p: p.text("Ab\n")))
    up, down = ink(png(normal)), ink(png(flipped))
    assert up.any()
    assert np.array_equal(np.rot90(up, 2), down)


def test_underline_adds_ink_under_the_text() -> None:
    plain = png(interpret(escpos_bytes(lambda p: p.text("abc\n"))))
    underlined = png(
        interpret(escpos_bytes(lambda p: p.set(underline=2), lambda p: p.text("abc\n")))
    )
    assert (underlined < 128).sum() > (plain < 128).sum()


@pytest.mark.parametrize(("spacing", "divisor"), [(120, 180), (40, 60), (240, 360)])
def test_line_spacing_sets_the_pitch_between_lines(spacing: int, divisor: int) -> None:
    lines = lambda p: p.text("A\nB\nC\n")  # noqa: E731
    default = png(interpret(escpos_bytes(lines)))
    wide = interpret(escpos_bytes(lambda p: p.line_spacing(spacing, divisor), lines))
    assert {line["spacing"] for line in wide.record()["lines"]} == {round(spacing * 203 / divisor)}
    assert png(wide).shape[0] > default.shape[0] + 100


def test_line_spacing_reset_goes_back_to_the_default() -> None:
    data = escpos_bytes(
        lambda p: p.line_spacing(100), lambda p: p.line_spacing(), lambda p: p.text("A\n")
    )
    assert only_line(interpret(data)).spacing is None


def test_code_table_selected_by_python_escpos_decodes_its_text() -> None:
    data = escpos_bytes(lambda p: p.charcode("CP858"), lambda p: p.text("café €5\n"))
    # A Chinese printer reads bytes above 0x7F as GB18030 until Chinese mode is left.
    receipt = interpret(commands.KANJI_OFF + data)
    assert receipt.text == ["café €5"]


def test_chinese_text_from_python_escpos_prints_in_chinese_mode() -> None:
    receipt = interpret(escpos_bytes(lambda p: p.text("受理回执 A1\n")))
    assert receipt.text == ["受理回执 A1"]


def sample_image() -> Image.Image:
    """A 64 × 48 black block with a white square hole: every edge shows misplaced dots."""
    image = Image.new("1", (64, 48), 0)
    ImageDraw.Draw(image).rectangle((16, 12, 31, 27), fill=1)
    return image


@pytest.mark.parametrize(
    ("impl", "source"),
    [("bitImageRaster", "raster"), ("bitImageColumn", "column"), ("graphics", "graphics")],
)
def test_image_in_each_form_prints_dot_for_dot(impl: str, source: str) -> None:
    image = sample_image()
    receipt = interpret(escpos_bytes(lambda p: p.image(image, impl=impl)))
    assert receipt.record()["image_sources"] == [source]
    assert receipt.text == []
    page = png(receipt)
    rows, columns = np.nonzero(page < 128)
    top, left = rows.min(), columns.min()
    printed = page[top : top + 48, left : left + 64] < 128
    expected = np.asarray(image.convert("L")) < 128
    assert np.array_equal(printed, expected)


def test_low_density_column_image_is_stretched_not_garbled() -> None:
    receipt = interpret(
        escpos_bytes(
            lambda p: p.image(
                sample_image(),
                impl="bitImageColumn",
                high_density_vertical=False,
                high_density_horizontal=False,
            )
        )
    )
    assert receipt.images == 1 and receipt.text == []
    columns = np.nonzero((png(receipt) < 128).any(axis=0))[0]
    assert columns.max() - columns.min() + 1 == 128


def test_beeps_and_cash_drawer_pulses_are_recorded() -> None:
    data = escpos_bytes(
        lambda p: p.buzzer(3, 2),
        lambda p: p.cashdraw(2),
        lambda p: p.cashdraw(5),
        lambda p: p.control("LF"),
    )
    receipt = interpret(commands.INITIALIZE + b"\x07" + data)
    assert receipt.record()["signals"] == [
        {"kind": "beep", "times": 1, "duration_ms": 0},
        {"kind": "beep", "times": 3, "duration_ms": 200},
        {"kind": "drawer", "pin": 2, "on_ms": 100, "off_ms": 100},
        {"kind": "drawer", "pin": 5, "on_ms": 100, "off_ms": 100},
    ]


def test_every_other_python_escpos_command_prints_no_text() -> None:
    data = escpos_bytes(
        lambda p: p.hw("INIT"),
        lambda p: p.hw("SELECT"),
        lambda p: p.hw("RESET"),
        lambda p: p.panel_buttons(False),
        lambda p: p.set(density=3, smooth=True),
        lambda p: p.set_with_default(),
        lambda p: p.print_and_feed(2),
        lambda p: [p.control(c) for c in ("CR", "FF", "VT")],
        lambda p: p.text("only\tthis\n"),
    )
    receipt = interpret(data)
    assert receipt.text == ["only    this"]
    assert receipt.unknown == []


def test_unknown_command_is_logged_and_skipped_never_printed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        receipt = interpret(b"A\x1b~B\n\x1dV\x00")
    assert receipt.text == ["AB"]
    assert receipt.unknown == ["1b 7e"]
    assert "unknown command" in caplog.text


def test_emulator_saves_png_and_json_record_of_a_python_escpos_receipt(
    tmp_path: Path,
) -> None:
    emulator = ReceiptPrinterEmulator(tmp_path / "receipts")
    transport = SerialTransport(emulator.port)
    try:
        transport.open()
        transport.write(
            escpos_bytes(
                lambda p: p.set(double_height=True, double_width=True, bold=True),
                lambda p: p.text("TICKET 42\n"),
                lambda p: p.set_with_default(),
                lambda p: p.barcode("4006381333931", "EAN13"),
                lambda p: p.cashdraw(2),
            )
        )
        assert emulator.wait_for_receipts(1, timeout_s=10)
    finally:
        transport.close()
        emulator.stop()
    (record,) = emulator.receipts()
    assert record["text"] == ["TICKET 42"]
    assert record["lines"][0]["width"] == record["lines"][0]["height"] == 2
    assert record["barcodes"] == [{"system": "EAN13", "data": "4006381333931"}]
    assert record["signals"][0]["kind"] == "drawer"
    page = np.asarray(Image.open(record["png"]).convert("L"))
    (found,) = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.EAN13)
    assert found.text == "4006381333931"
