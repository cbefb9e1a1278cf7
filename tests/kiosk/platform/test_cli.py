"""``python -m kiosk.platform``: catalogue counts, outbox status/flush, exit codes 0/4/5."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.outbox.store import NewRecord, OutboxStore
from kiosk.platform.__main__ import main
from kiosk.platform.models import Evaluation
from platform_sim import Fault, FaultKind, RunningSimulator
from tests.kiosk.platform import simulated
from tests.kiosk.platform.simulated import TERMINAL_ID
from tests.platform_sim.helpers import INSTANT

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningSimulator]:
    platform = simulated.start(tmp_path / "platform-sim")
    yield platform
    platform.stop()


def platform_args(server: RunningSimulator) -> list[str]:
    return [
        "--base-url",
        server.base_url,
        "--ca",
        str(server.ca_file),
        "--terminal-id",
        TERMINAL_ID,
        "--secret",
        server.secret.decode(),
        "--timeout",
        "1",
    ]


def test_catalogue_json_counts_matters_and_bundles(
    server: RunningSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*platform_args(server), "catalogue", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"version": "test-1", "matters": 4, "bundles": 1}


def test_a_platform_error_exits_4_with_its_code(
    server: RunningSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    server.faults.add(Fault(FaultKind.RESPOND, 403, "terminal_disabled"))
    assert main([*platform_args(server), "catalogue"]) == 4
    assert "terminal_disabled" in capsys.readouterr().err


def test_a_malformed_answer_exits_4(server: RunningSimulator) -> None:
    server.faults.add(
        Fault(FaultKind.RESPOND, 200, body=b"<html>", headers={"Content-Type": "text/html"})
    )
    assert main([*platform_args(server), "catalogue"]) == 4


def test_an_unreachable_platform_exits_5(
    server: RunningSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    args = platform_args(server)
    server.stop()
    assert main([*args, "catalogue"]) == 5
    assert "unreachable" in capsys.readouterr().err


def test_outbox_status_and_flush(
    server: RunningSimulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "kiosk"
    store = OutboxStore.in_data_dir(data_dir)
    rating = Evaluation(5, datetime.now(UTC), matter_code=INSTANT, terminal_id=TERMINAL_ID)
    key = str(uuid.uuid4())
    store.enqueue([NewRecord("submitEvaluation", json.dumps(rating.to_json()).encode(), key)])
    store.close()
    assert main(["--data-dir", str(data_dir), "outbox", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["depth"] == 1
    server.set_offline(True, drop=True)
    flush = ["--data-dir", str(data_dir), *platform_args(server), "outbox", "flush"]
    assert main(flush) == 5
    server.set_offline(False)
    assert main(flush) == 0
    assert "delivered: 1" in capsys.readouterr().out
    assert simulated.acted(server)[key] == 1


def test_runs_as_a_module(server: RunningSimulator) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.platform", *platform_args(server), "catalogue"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "4 matters, 1 bundles" in done.stdout
