"""Every contract operation has a handler, and the command line serves the contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests

from platform_sim.routing import operations
from platform_sim.service import HANDLERS


def test_every_contract_operation_has_a_handler_and_no_more() -> None:
    assert {op.operation_id for op in operations()} == set(HANDLERS)


def test_command_line_generates_key_material_and_serves(tmp_path: Path) -> None:
    data_dir = tmp_path / "platform-sim"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "platform_sim",
            "--data-dir",
            str(data_dir),
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        while "simulated platform on" not in line:
            assert line, "the simulator exited"
            line = process.stdout.readline()
        base_url = line.split("simulated platform on ")[1].split()[0]
        status = requests.get(base_url + "/_sim/status", timeout=5, verify=str(data_dir / "ca.pem"))
        assert status.json()["offline"] is False
        assert (data_dir / "terminal.secret").exists()
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
