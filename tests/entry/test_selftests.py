"""The A4 test page the maintenance self-test prints: one A4 page with the words of
ui/text.py, the printer model and the terminal (read back with poppler)."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtWidgets import QApplication

from entry.selftests import a4_test_page_pdf
from ui import text


def test_the_a4_test_page_is_one_page_naming_the_printer_and_the_terminal(
    qapp: QApplication, tmp_path: Path
) -> None:
    pdf = tmp_path / "test-page.pdf"
    pdf.write_bytes(a4_test_page_pdf("Kiosk A4 IPP Simulator", "KIOSK-SIM-0001", "市民中心"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert fields["Pages"].strip() == "1"
    assert fields["Page size"].strip().endswith("(A4)")
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    words = _letters(out.stdout.decode())
    _, lines = text.a4_test_page("Kiosk A4 IPP Simulator", "KIOSK-SIM-0001")
    assert _letters(lines[1]) in words  # the printer model's line
    assert "KIOSK-SIM" in words


def _letters(extracted: str) -> str:
    """Text without digits and spaces, folded: Qt's embedded subsets map some digits and
    radicals oddly for pdftotext (see tests/kiosk/documents/test_pdf.py)."""
    folded = unicodedata.normalize("NFKC", extracted)
    return "".join(c for c in folded if not c.isdigit() and not c.isspace())
