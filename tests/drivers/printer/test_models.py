"""Printer models from python-escpos's capability database: widths and code tables."""

from __future__ import annotations

import pytest

from drivers.base import DeviceClass
from drivers.config import DeviceConfig
from drivers.printer.interpreter import Paper, Parser
from drivers.printer.models import code_table_decoder, model_names
from drivers.printer.settings import PrinterSettings


def settings(**options: object) -> PrinterSettings:
    return PrinterSettings.from_config(DeviceConfig(DeviceClass.RECEIPT_PRINTER, "escpos", options))


@pytest.mark.parametrize(
    ("model", "paper_dots", "columns"),
    [("TM-T20II", 576, 48), ("ZJ-5870", 384, 32), ("TM-T88V", 512, 42)],
)
def test_model_gives_the_paper_width_and_columns_of_its_profile(
    model: str, paper_dots: int, columns: int
) -> None:
    profile = settings(model=model, paper_width_mm=80).profile
    assert (profile.paper_dots, profile.columns, profile.model) == (paper_dots, columns, model)


def test_model_without_a_known_width_keeps_the_configured_paper_width() -> None:
    profile = settings(model="default", paper_width_mm=58).profile
    assert profile.paper_dots == 384


def test_database_lists_the_chinese_58mm_printers() -> None:
    assert {"ZJ-5870", "POS-5890", "NT-5890K"} <= set(model_names())


def test_code_table_of_the_model_decodes_single_byte_text() -> None:
    # ESC t 16 is CP1252 on a TM-T20II: 0x80 is the euro sign there, Ç in CP437.
    assert code_table_decoder("TM-T20II", 16)(b"\x80") == "€"
    assert code_table_decoder("TM-T20II", 0)(b"\x80") == "Ç"


def test_paper_decodes_with_the_code_table_the_stream_selected() -> None:
    paper = Paper("gb18030", "TM-T20II")
    stream = b"\x1c.\x1bt\x10\x805\n\x1dV\x00"
    (receipt,) = [r for c in Parser().feed(stream) if (r := paper.apply(c)) is not None]
    assert receipt.text == ["€5"]


def test_katakana_table_given_as_data_decodes_through_it() -> None:
    assert code_table_decoder("RP-F10-58mm", 1)(b"\xb1") == "ｱ"
