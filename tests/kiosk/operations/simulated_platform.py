"""The simulated platform for the operations tests: started for a test, with commands queued
through its ``/_sim/`` hook; the signing client is the platform tests' own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import Timeouts
from platform_sim import RunningSimulator, start_simulator
from tests.kiosk.platform import simulated
from tests.kiosk.platform.simulated import TERMINAL_ID

__all__ = ["TERMINAL_ID", "client_for", "queue_command", "running_platform"]


@contextmanager
def running_platform(data_dir: Path) -> Iterator[RunningSimulator]:
    """The simulated platform on 127.0.0.1, an ephemeral port, for the test's duration."""
    sim = start_simulator(data_dir)
    try:
        yield sim
    finally:
        sim.stop()


def client_for(sim: RunningSimulator) -> PlatformClient:
    """A signing client for :data:`TERMINAL_ID`, without retries, patient enough for a
    heartbeat on a loaded machine."""
    return simulated.client_for(sim, timeouts=Timeouts(2, 5))


def queue_command(sim: RunningSimulator, command: str, reason: str = "") -> str:
    """Queue a command for the terminal through the simulator's ``/_sim/`` control hook."""
    answer = requests.post(
        f"{sim.base_url}/_sim/terminals/{TERMINAL_ID}/commands",
        json={"command": command, "reason": reason},
        verify=str(sim.ca_file),
        timeout=5,
    )
    answer.raise_for_status()
    command_id: str = answer.json()["id"]
    return command_id
