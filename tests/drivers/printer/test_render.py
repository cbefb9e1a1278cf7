"""Document → ESC/POS bytes: golden files, our own encoding, raster for rare names, QR bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drivers.printer import commands
from drivers.printer.document import Document
from drivers.printer.fonts import FontFile, FontNotFoundError
from drivers.printer.profile import PrinterProfile
from drivers.printer.render import key_value_lines, render
from tests.drivers.printer.documents import standard_receipt

GOLDEN = Path(__file__).parent / "golden"


def _no_font() -> FontFile:
    raise AssertionError("a printable document must not need the raster font")


@pytest.mark.parametrize(
    ("name", "profile"),
    [
        ("standard_gb18030_80mm", PrinterProfile()),
        ("standard_gbk_58mm", PrinterProfile(encoding="gbk", paper_dots=384)),
        ("standard_utf8_80mm", PrinterProfile(encoding="utf-8")),
    ],
)
def test_standard_receipt_bytes_match_golden_file(name: str, profile: PrinterProfile) -> None:
    data = render(standard_receipt(), profile, _no_font)
    golden = GOLDEN / f"{name}.bin"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()


def test_gb_profiles_enter_chinese_mode_and_utf8_does_not() -> None:
    gb = render(Document().line("中文"), PrinterProfile(), _no_font)
    utf8 = render(Document().line("中文"), PrinterProfile(encoding="utf-8"), _no_font)
    assert gb.startswith(commands.INITIALIZE + commands.KANJI_ON)
    assert commands.KANJI_ON not in utf8
    assert "中文".encode() in utf8


def test_full_width_punctuation_alone_is_encoded_as_text_not_question_marks() -> None:
    data = render(Document().line("「」，。、"), PrinterProfile(), _no_font)
    assert "「」，。、".encode("gb18030") + b"\n" in data


def test_rare_name_line_is_printed_as_raster_image() -> None:
    data = render(Document().row("姓名", "王𠀾"), PrinterProfile())
    header = data.index(b"\x1dv0\x00")
    width_bytes, height = data[header + 4] + 256 * data[header + 5], data[header + 6]
    assert (width_bytes, height) == (72, 24)
    assert len(data) == header + 8 + width_bytes * height
    assert "王".encode("gb18030") not in data


def test_gb18030_font_coverage_sends_extension_b_as_text() -> None:
    profile = PrinterProfile(font_coverage="gb18030")
    data = render(Document().line("王𠀾"), profile, _no_font)
    assert "王𠀾".encode("gb18030") + b"\n" in data


def test_qr_code_uses_native_gs_k_commands() -> None:
    payload = "https://zwfw.example.gov.cn/r/1"
    data = render(Document().qr(payload, "Q"), PrinterProfile(), _no_font)
    store_len = len(payload) + 3
    assert (
        b"\x1d(k\x04\x001A2\x00"
        + b"\x1d(k\x03\x001C\x06"
        + b"\x1d(k\x03\x001E\x32"
        + b"\x1d(k"
        + bytes((store_len, 0))
        + b"1P0"
        + payload.encode()
        + b"\x1d(k\x03\x001Q0"
    ) in data


def test_missing_cjk_font_fails_with_a_clear_error() -> None:
    def missing() -> FontFile:
        raise FontNotFoundError("no CJK font found for raster text")

    with pytest.raises(FontNotFoundError, match="CJK font"):
        render(Document().line("𠀾"), PrinterProfile(), missing)


def test_long_key_value_row_puts_value_flush_right_on_next_line() -> None:
    lines = key_value_lines("受理地点", "市民中心政务服务大厅三楼东侧综合窗口", 32)
    assert lines[0] == "受理地点"
    assert all(len(line.encode("gbk")) <= 32 for line in lines)
    assert lines[-1].endswith("口")
    assert key_value_lines("事项", "居住证", 16) == ["事项      居住证"]
