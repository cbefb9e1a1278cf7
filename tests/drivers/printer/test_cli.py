"""``python -m drivers.printer`` as a subprocess against the emulator's pty."""

from __future__ import annotations

import json
import subprocess
import sys

from drivers.printer.emulator import PrinterEmulator


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drivers.printer", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_status_json_reports_state_and_media(emulator: PrinterEmulator) -> None:
    emulator.set_paper("low")
    result = run_cli("--port", emulator.port, "status", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"state": "online", "media": "low"}


def test_status_of_a_printer_with_cover_open_exits_3_with_one_line(
    emulator: PrinterEmulator,
) -> None:
    emulator.set_cover_open(True)
    result = run_cli("--port", emulator.port, "status", "--json")
    assert result.returncode == 3
    assert json.loads(result.stdout)["media"] == "cover_open"
    assert result.stderr.strip().count("\n") == 0


def test_test_page_prints_model_chinese_rare_name_and_qr(emulator: PrinterEmulator) -> None:
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
