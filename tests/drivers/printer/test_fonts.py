"""Rare characters: drawn with the first font of the chain that has them, or reported."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.printer.document import Document
from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.fonts import FontChain, find_cjk_font, find_font_chain, parse_charset
from drivers.printer.printer import EscPosPrinter
from drivers.printer.profile import PrinterProfile
from drivers.printer.raster import draw_line
from drivers.printer.render import unprintable
from drivers.printer.transports.serial_port import SerialTransport
from tests.drivers.printer.conftest import FAST

EXTENSION_B_FIRST = "\U00020000"  # 𠀀: not in Noto Sans CJK
NO_FONT_HAS = "\U00030041"  # Extension G: in none of the chain's fonts
RARE_NAME_FIXTURE = "周𠀾㛃"  # assets/sim/id_cards/rare_name.json


def ink(image: object) -> int:
    return int((np.asarray(image) < 128).sum())


def test_noto_alone_lacks_extension_b_first_character_but_the_chain_has_it() -> None:
    assert not find_cjk_font().has(EXTENSION_B_FIRST)
    font = find_font_chain().font_for(EXTENSION_B_FIRST)
    assert font is not None and "hana" in Path(font.path).resolve().as_posix().lower()


def test_extension_b_character_is_drawn_not_left_as_a_box() -> None:
    profile = PrinterProfile()
    noto_only = draw_line(EXTENSION_B_FIRST, find_cjk_font(), profile)
    chained = draw_line(EXTENSION_B_FIRST, find_font_chain(), profile)
    # Noto draws its .notdef box: a thin outline, far less ink than the ideograph's strokes.
    assert ink(chained) > ink(noto_only)
    assert find_font_chain().missing(EXTENSION_B_FIRST) == []


def test_rare_name_fixture_characters_all_have_a_font() -> None:
    assert find_font_chain().missing(RARE_NAME_FIXTURE) == []


def test_character_no_font_has_is_blank_on_paper_and_listed() -> None:
    profile = PrinterProfile()
    assert ink(draw_line(NO_FONT_HAS, find_font_chain(), profile)) == 0
    document = Document().row("姓名", "王" + NO_FONT_HAS + EXTENSION_B_FIRST).cut()
    assert unprintable(document, profile) == [NO_FONT_HAS]


def test_print_job_reports_unprintable_characters(tmp_path: Path) -> None:
    emulator = ReceiptPrinterEmulator(tmp_path / "receipts")
    printer = EscPosPrinter(SerialTransport(emulator.port), timings=FAST)
    try:
        printer.open()
        result = printer.print_document(Document().row("姓名", "王" + NO_FONT_HAS).cut())
        clean = printer.print_document(Document().row("姓名", "王" + EXTENSION_B_FIRST).cut())
    finally:
        printer.close()
        emulator.stop()
    assert result.ok and result.unprintable == (NO_FONT_HAS,)
    assert clean.ok and clean.unprintable == ()


@given(st.lists(st.tuples(st.integers(0, 0x10FFFF), st.integers(0, 300)), max_size=20))
def test_charset_ranges_parse_back(pairs: list[tuple[int, int]]) -> None:
    ranges = sorted((a, min(0x10FFFF, a + n)) for a, n in pairs)
    text = " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in ranges)
    assert parse_charset(text) == ranges


def test_chain_without_fonts_for_a_character_reports_it_once() -> None:
    chain = FontChain((find_cjk_font(),))
    assert chain.missing(EXTENSION_B_FIRST * 3 + "王 ") == [EXTENSION_B_FIRST]


@pytest.mark.parametrize("char", ["A", "王", "\U0002003e"])
def test_common_and_fixture_characters_come_from_noto_first(char: str) -> None:
    assert find_font_chain().font_for(char) == find_cjk_font()
