"""Result documents as A4 PDFs, read back with poppler: text, pages, the verify QR, fonts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import datetime
from pathlib import Path

import cv2
import pytest
import zxingcpp
from PySide6.QtWidgets import QApplication

from kiosk.documents.pdf import RenderedPdf, render_pdf
from kiosk.platform.models import ResultDocument
from ui.receipt_text import pdf_wording

WORDING = pdf_wording()
HALL = "市民中心政务服务大厅"
AT = datetime(2025, 3, 4, 9, 30)
URL = "https://zwfw.example.gov.cn/verify/8f3a-2025-000123"
OUTSIDE_EVERY_FONT = "\U0002ebf0"  # CJK Extension I: in none of Noto, HanaMin, BabelStone


@pytest.fixture(autouse=True)
def _gui(qapp: QApplication) -> None:
    """QPdfWriter needs a QGuiApplication; pytest-qt's (offscreen) will do."""


def _write(rendered: RenderedPdf, tmp_path: Path) -> Path:
    path = tmp_path / "doc.pdf"
    path.write_bytes(rendered.pdf)
    return path


def _text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, check=True)
    # Qt's ToUnicode maps glyphs that Noto shares with Kangxi radicals to the radicals; NFKC
    # folds most back (not the CJK Radicals Supplement: 页 comes out as ⻚, see _page_number).
    return unicodedata.normalize("NFKC", out.stdout.decode())


def _page_number(text: str, page: int, pages: int) -> bool:
    """True when ``text`` has the footer "第 page 页 / 共 pages 页"."""
    return re.search(rf"第\s*{page}\s*\S\s*/\s*共\s*{pages}\s*\S", text) is not None


def _qr_codes(pdf: Path, page: int, tmp_path: Path) -> list[str]:
    stem = tmp_path / "page"
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            "150",
            "-gray",
            "-png",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    image = cv2.imread(str(stem) + ".png", cv2.IMREAD_GRAYSCALE)
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_printed_pdf_has_title_lines_hall_time_and_a_qr_code_of_the_verify_url(
    tmp_path: Path,
) -> None:
    document = ResultDocument("社保缴费证明", ("参保单位 某某公司", "缴费月数 36 个月"), URL)
    rendered = render_pdf(document, HALL, AT, WORDING)
    pdf = _write(rendered, tmp_path)

    assert rendered.pages == 1
    assert rendered.missing_characters == ()
    text = _text(pdf)
    for expected in ("社保缴费证明", "参保单位 某某公司", "缴费月数 36 个月", "2025-03-04 09:30"):
        assert expected in text
    assert _page_number(text, 1, 1)
    assert _qr_codes(pdf, 1, tmp_path) == [URL]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout
    assert b"595 x 842 pts (A4)" in info


def test_the_chinese_fonts_are_embedded(tmp_path: Path) -> None:
    pdf = _write(render_pdf(ResultDocument("证明", ("王小明",)), HALL, AT, WORDING), tmp_path)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    rows = [row.split() for row in fonts.splitlines()[2:]]
    assert rows
    assert any("NotoSansCJK" in row[0] for row in rows)
    assert all("yes" in row[-5:-2] for row in rows)  # every font: emb = yes


def test_thousands_of_lines_make_several_numbered_pages_with_the_qr_at_the_end(
    tmp_path: Path,
) -> None:
    lines = tuple(f"第 {n} 条 缴费记录 金额 {n}.00 元" for n in range(1, 3001))
    rendered = render_pdf(ResultDocument("缴费明细", lines, URL), HALL, AT, WORDING)
    pdf = _write(rendered, tmp_path)

    assert rendered.pages > 5
    whole = _text(pdf)
    assert "第 3000 条 缴费记录" in whole
    for page in (1, rendered.pages):
        assert _page_number(_text(pdf, page), page, rendered.pages)
        assert HALL[2:] in _text(pdf, page)
    assert _qr_codes(pdf, rendered.pages, tmp_path) == [URL]


def test_a_document_without_verify_url_prints_without_a_qr_code(tmp_path: Path) -> None:
    rendered = render_pdf(ResultDocument("证明", ("无需核验",)), HALL, AT, WORDING)
    pdf = _write(rendered, tmp_path)
    assert "无需核验" in _text(pdf)
    assert _qr_codes(pdf, 1, tmp_path) == []


def test_a_character_outside_every_font_is_reported_and_drawn_as_the_geta_mark(
    tmp_path: Path,
) -> None:
    rare = "\U00020000"  # Extension B: not in Noto, in HanaMin
    document = ResultDocument("证明", (f"姓名 王{rare}{OUTSIDE_EVERY_FONT}",))
    rendered = render_pdf(document, HALL, AT, WORDING)
    assert rendered.missing_characters == (OUTSIDE_EVERY_FONT,)
    assert "姓名 王" in _text(_write(rendered, tmp_path))
    assert "〓" in _text(_write(rendered, tmp_path))

