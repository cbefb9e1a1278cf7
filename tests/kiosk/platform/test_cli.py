"""``python -m kiosk.platform``: catalogue counts, outbox status/flush, exit codes 0/4/5."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.outbox.store import NewRecord, OutboxStore
from kiosk.platform.__main__ import main
from tests.kiosk.outbox.fake_platform import SECRET, TERMINAL_ID, Answer, FakePlatform

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakePlatform]:
    platform = FakePlatform(tmp_path / "pki")
    yield platform
    platform.stop()


def platform_args(server: FakePlatform) -> list[str]:
    return [
        "--base-url",
        server.base_url,
        "--ca",
        str(server.pki.ca_file),
        "--terminal-id",
        TERMINAL_ID,
        "--secret",
        SECRET.decode(),
        "--timeout",
        "1",
    ]


def test_catalogue_json_counts_matters_and_bundles(
    server: FakePlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*platform_args(server), "catalogue", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"version": "v1", "matters": 3, "bundles": 1}


def test_a_platform_error_exits_4_with_its_code(
    server: FakePlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    server.answers.append(Answer.problem(403, "terminal_disabled"))
    assert main([*platform_args(server), "catalogue"]) == 4
    assert "terminal_disabled" in capsys.readouterr().err


def test_a_malformed_answer_exits_4(server: FakePlatform) -> None:
    server.answers.append(Answer(200, b"<html>", {"Content-Type": "text/html"}))
    assert main([*platform_args(server), "catalogue"]) == 4


def test_an_unreachable_platform_exits_5(
    server: FakePlatform, capsys: pytest.CaptureFixture[str]
) -> None:
    args = platform_args(server)
    server.stop()
    assert main([*args, "catalogue"]) == 5
    assert "unreachable" in capsys.readouterr().err


def test_outbox_status_and_flush(
    server: FakePlatform, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "kiosk"
    store = OutboxStore.in_data_dir(data_dir)
    store.enqueue([NewRecord("submitEvaluation", b'{"rating":5}', "k-1")])
    store.close()
    assert main(["--data-dir", str(data_dir), "outbox", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["depth"] == 1
    server.offline = True
    flush = ["--data-dir", str(data_dir), *platform_args(server), "outbox", "flush"]
    assert main(flush) == 5
    server.offline = False
    assert main(flush) == 0
    assert "delivered: 1" in capsys.readouterr().out
    assert server.effects["k-1"] == 1


def test_runs_as_a_module(server: FakePlatform) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.platform", *platform_args(server), "catalogue"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "3 matters, 1 bundles" in done.stdout
