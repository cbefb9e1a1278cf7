"""Printer models from python-escpos's capability database: widths and code tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drivers.base import DeviceClass
from drivers.config import DeviceConfig
from drivers.printer.interpreter import Paper, Parser
from drivers.printer.models import ModelLayout, code_table_decoder, model_layout, model_names
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


def test_reading_a_model_leaves_no_temporary_directory_and_no_yaml(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom drivers.printer.models import model_layout\n"
        "model_layout('TM-T20II')\n"
        "print(sorted(m for m in ('escpos.capabilities', 'yaml') if m in sys.modules))"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    assert (out.stdout.strip(), list(tmp_path.iterdir())) == ("[]", [])


def test_a_site_database_named_as_python_escpos_reads_it_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = {
        "profiles": {
            "SITE-80": {
                "media": {"width": {"pixels": 640}},
                "fonts": {"0": {"columns": 40}},
                "codePages": {"0": "CP437"},
            }
        },
        "encodings": {"CP437": {"python_encode": "cp437"}},
    }
    path = tmp_path / "capabilities.json"
    path.write_text(json.dumps(database), encoding="utf-8")
    monkeypatch.setenv("ESCPOS_CAPABILITIES_FILE", str(path))
    assert model_names() == ["SITE-80"]
    assert model_layout("SITE-80") == ModelLayout(640, 40)
