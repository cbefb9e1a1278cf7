"""kill -9 at random moments while submitting and delivering, against the simulated platform
losing a fifth of its answers after acting: nothing acknowledged is lost and the platform acts
on each submission exactly once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from platform_sim import RunningSimulator
from tests.kiosk.platform import simulated

PROJECT = Path(__file__).resolve().parents[3]
ITERATIONS = 8


@pytest.fixture
def flaky_platform(tmp_path: Path) -> Iterator[RunningSimulator]:
    """A platform that sometimes acts on a request and then loses the answer."""
    platform = simulated.start(tmp_path / "platform-sim")
    platform.faults.lose_answers(0.2, seed=7)
    yield platform
    platform.stop()


def run_child(platform: RunningSimulator, data_dir: Path, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.kiosk.outbox.crash_child",
            str(data_dir),
            platform.base_url,
            str(platform.ca_file),
            str(platform.material.secret_file),
            str(count),
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )


def acked(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines() if line.startswith("ACK ")]


def test_kill_9_at_random_points_loses_nothing_and_duplicates_nothing(
    flaky_platform: RunningSimulator, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kiosk"
    rng = random.Random(2026)
    acknowledged: list[str] = []
    for _ in range(ITERATIONS):
        child = run_child(flaky_platform, data_dir, count=40)
        # Kill points are timed from READY (imports done, outbox open), not from process
        # start, so a slow start on a loaded machine cannot push every kill before any work.
        assert child.stdout is not None
        first = child.stdout.readline()
        try:
            child.wait(timeout=rng.uniform(0.1, 1.3))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
        output, _ = child.communicate(timeout=10)
        assert first == "READY\n", f"the child did not start: {first!r}"
        acknowledged += acked(output)

    drainer = run_child(flaky_platform, data_dir, count=0)
    output, _ = drainer.communicate(timeout=60)
    assert "DONE" in output

    assert acknowledged, "no submission was acknowledged before the kills"
    acted = simulated.created_by_key(flaky_platform)
    assert all(acted[key] == 1 for key in acknowledged), "an acknowledged submission was lost"
    assert max(acted.values()) == 1, "the platform acted twice on one idempotency key"
    applications = simulated.application_nos(flaky_platform)
    assert len(applications) == sum(acted.values()), "an application without its key's answer"
    assert all(e.signature_ok for e in flaky_platform.exchanges)
