"""``python -m drivers.printer`` as a subprocess against the emulator's pty."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from drivers.printer.emulator import ReceiptPrinterEmulator


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drivers.printer", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_status_json_reports_state_and_media(emulator: ReceiptPrinterEmulator) -> None:
    emulator.set_paper("low")
    result = run_cli("--port", emulator.port, "status", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"state": "online", "media": "low"}


def test_status_of_a_printer_with_cover_open_exits_3_with_one_line(
    emulator: ReceiptPrinterEmulator,
) -> None:
    emulator.set_cover_open(True)
    result = run_cli("--port", emulator.port, "status", "--json")
    assert result.returncode == 3
    assert json.loads(result.stdout)["media"] == "cover_open"
    assert result.stderr.strip().count("\n") == 0


def test_test_page_prints_model_chinese_rare_name_and_qr(emulator: ReceiptPrinterEmulator) -> None:
    result = run_cli("--port", emulator.port, "test-page")
    assert result.returncode == 0, result.stderr
    assert emulator.wait_for_receipts(1, timeout_s=5)
    (record,) = emulator.receipts()
    text = "\n".join(record["text"])
    assert "KIOSK-SIM-80" in text
    assert "中文、全角标点「」，。" in text
    assert record["images"] == 1
    assert len(record["qr"]) == 1
    assert record["cut"] is True


def test_missing_port_exits_3_with_one_line_on_stderr() -> None:
    result = run_cli("--port", "/dev/does-not-exist", "status")
    assert result.returncode == 3
    assert result.stderr.startswith("printer error: cannot open printer port")
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_simulate_prints_the_test_page_on_an_emulator_and_names_its_png(tmp_path: Path) -> None:
    receipts = tmp_path / "receipts"
    result = run_cli("--simulate", "--receipts-dir", str(receipts), "test-page")
    assert result.returncode == 0, result.stderr
    saved = Path(result.stdout.splitlines()[-1].removeprefix("saved "))
    assert saved.parent == receipts and saved.is_file()
    record = json.loads(saved.with_suffix(".json").read_text(encoding="utf-8"))
    assert "KIOSK-SIM-80" in "\n".join(record["text"])


def test_simulate_status_reports_an_online_printer_with_paper(tmp_path: Path) -> None:
    result = run_cli("--simulate", "--receipts-dir", str(tmp_path), "status", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"state": "online", "media": "ok"}


def test_simulate_and_port_together_are_refused_with_exit_2() -> None:
    result = run_cli("--simulate", "--port", "/dev/null", "status")
    assert result.returncode == 2
    assert "not allowed with" in result.stderr
