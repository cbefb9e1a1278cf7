"""The CLI as a subprocess against an emulator's pty: JSON keys, masking, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from drivers.id_card.cardjson import JSON_KEYS, card_to_json
from drivers.id_card.emulator import IdCardEmulator, fixtures
from drivers.id_card.fixtures import load_fixture

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drivers.id_card", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("name", fixtures())
def test_read_json_prints_one_object_with_exactly_the_documented_keys(
    name: str, emulator: IdCardEmulator
) -> None:
    emulator.place(name)
    result = cli("--port", emulator.port, "read", "--json", "--today", "2025-01-01")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert tuple(record) == JSON_KEYS
    expected = card_to_json(load_fixture(name), date(2025, 1, 1))
    assert record == expected
    fixture = json.loads((ROOT / "assets/sim/id_cards" / f"{name}.json").read_text("utf-8"))
    for key in ("card_type", "name", "name_en", "sex", "nationality", "birth_date", "address"):
        assert record[key] == fixture[key]
    assert record["id_number"] != fixture["id_number"]
    assert record["id_number"][:6] == fixture["id_number"][:6]
    assert record["id_number"][-4:] == fixture["id_number"][-4:]
    assert set(record["id_number"][6:-4]) == {"*"}


def test_show_number_reveals_the_number(emulator: IdCardEmulator) -> None:
    emulator.place("resident")
    result = cli("--port", emulator.port, "read", "--json", "--show-number")
    assert json.loads(result.stdout)["id_number"] == "33010619850312001X"


def test_expired_card_is_flagged(emulator: IdCardEmulator) -> None:
    emulator.place("expired")
    result = cli("--port", emulator.port, "read", "--json", "--today", "2025-01-01")
    assert json.loads(result.stdout)["expired"] is True


def test_no_card_exits_2(emulator: IdCardEmulator) -> None:
    result = cli("--port", emulator.port, "read", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no card" in result.stderr


@pytest.mark.parametrize("fault", ["silence", "checksum_error", "cut_frame"])
def test_device_errors_exit_3_with_one_line(fault: str, emulator: IdCardEmulator) -> None:
    emulator.place("resident")
    emulator.inject_fault(fault)
    result = cli("--port", emulator.port, "read", "--json")
    assert result.returncode == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_port_exits_3() -> None:
    result = cli("--port", "/dev/does-not-exist", "read")
    assert result.returncode == 3
    assert result.stderr.startswith("error: cannot open /dev/does-not-exist")


def test_sam_id_is_printed(emulator: IdCardEmulator) -> None:
    result = cli("--port", emulator.port, "sam-id")
    assert result.stdout.strip() == "05.01-20101010-0012345678-1234567890"


def test_simulate_reads_a_fixture_without_a_port() -> None:
    result = cli("--simulate", "hk_macao_taiwan", "read", "--json")
    assert json.loads(result.stdout)["card_type"] == "hk_macao_taiwan"
