"""Fixtures: a simulator with the tiny catalogue on an ephemeral port, a manual clock, a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from platform_sim import RunningSimulator, SimClock, start_simulator
from tests.platform_sim.helpers import START, TINY_SEED, SimClient


@pytest.fixture
def clock() -> SimClock:
    """The platform's manual clock, starting on a Monday morning."""
    return SimClock(START)


@pytest.fixture
def sim(tmp_path: Path, clock: SimClock) -> Iterator[RunningSimulator]:
    """A simulator with the tiny catalogue on an ephemeral port."""
    running = start_simulator(tmp_path / "platform-sim", clock=clock, seed=TINY_SEED)
    yield running
    running.stop()


@pytest.fixture
def client(sim: RunningSimulator) -> SimClient:
    """A signing client for terminal KIOSK-SIM-0001."""
    return SimClient(sim)
