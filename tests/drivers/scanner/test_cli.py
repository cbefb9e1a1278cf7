"""``python -m drivers.scanner`` as a subprocess against the pty emulator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from drivers.scanner.emulator import ScannerEmulator

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "drivers.scanner", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_listen_prints_one_json_object_per_scan_and_exits_after_count() -> None:
    emulator = ScannerEmulator()
    try:
        cli = run_cli("--port", emulator.port, "listen", "--count", "2", "--json")
        assert cli.stderr is not None
        assert cli.stderr.readline().startswith("listening on")
        emulator.scan("ZWFW-2024-000123")
        emulator.scan("预约号：A0427")
        out, _ = cli.communicate(timeout=10)
    finally:
        emulator.stop()
    assert cli.returncode == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"text": "ZWFW-2024-000123"},
        {"text": "预约号：A0427"},
    ]


def test_listen_exits_3_with_one_line_when_the_port_is_lost() -> None:
    emulator = ScannerEmulator()
    cli = run_cli("--port", emulator.port, "listen")
    assert cli.stderr is not None
    cli.stderr.readline()
    emulator.inject_fault("disconnect")
    _, err = cli.communicate(timeout=10)
    assert cli.returncode == 3
    assert len(err.strip().splitlines()) == 1
    assert "lost" in err


def test_missing_port_exits_3_with_one_line() -> None:
    cli = run_cli("--port", "/dev/ttyNO-SUCH", "listen")
    _, err = cli.communicate(timeout=10)
    assert cli.returncode == 3
    assert len(err.strip().splitlines()) == 1


def test_simulate_listens_to_an_emulator_scanning_the_given_texts() -> None:
    cli = run_cli(
        "--simulate", "ZWFW-2024-000123", "--simulate", "预约号：A0427", "listen", "--json"
    )
    out, err = cli.communicate(timeout=20)
    assert cli.returncode == 0, err
    assert [json.loads(line) for line in out.splitlines()] == [
        {"text": "ZWFW-2024-000123"},
        {"text": "预约号：A0427"},
    ]
    assert err.startswith("listening on")


def test_simulate_and_port_together_are_refused_with_exit_2() -> None:
    cli = run_cli("--simulate", "X", "--port", "/dev/null", "listen")
    _, err = cli.communicate(timeout=20)
    assert cli.returncode == 2
    assert "not allowed with" in err


def test_simulate_counts_a_repeated_code_once_like_the_repeat_filter() -> None:
    cli = run_cli("--simulate", "A1", "--simulate", "A1", "--simulate", "B2", "listen")
    out, err = cli.communicate(timeout=20)
    assert cli.returncode == 0, err
    assert out.splitlines() == ["A1", "B2"]
