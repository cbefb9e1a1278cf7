"""Everything the operations tests take from the simulated platform, in one place (the
simulator is moving to its own package: only these imports change)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from kiosk.platform.client import PlatformClient
from kiosk.platform.transport import Timeouts, TlsSettings, Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import SignAlg, Signer
from platform_sim import RunningSimulator, start_simulator

TERMINAL_ID = "KIOSK-SIM-0001"


@contextmanager
def running_platform(data_dir: Path) -> Iterator[RunningSimulator]:
    """The simulated platform on 127.0.0.1, an ephemeral port, for the test's duration."""
    sim = start_simulator(data_dir)
    try:
        yield sim
    finally:
        sim.stop()


def client_for(sim: RunningSimulator) -> PlatformClient:
    """A signing client for :data:`TERMINAL_ID`, without retries."""
    signer = Signer(TERMINAL_ID, sim.secret, SignAlg.HMAC_SHA256)
    transport = Transport(sim.base_url, signer, TlsSettings(sim.ca_file), Timeouts(2, 5))
    return PlatformClient(transport, NO_RETRY)


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
