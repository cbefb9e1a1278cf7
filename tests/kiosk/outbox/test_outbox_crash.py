"""kill -9 at random moments while submitting and delivering: nothing acknowledged is lost and
the platform acts on each submission exactly once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kiosk.outbox.fake_platform import Answer, FakePlatform, Seen

PROJECT = Path(__file__).resolve().parents[3]
ITERATIONS = 8


@pytest.fixture
def flaky_platform(tmp_path: Path) -> Iterator[FakePlatform]:
    """A platform that sometimes acts on a request and then loses the answer."""
    platform = FakePlatform(tmp_path / "pki")
    rng = random.Random(7)
    lock = threading.Lock()

    def act_then_maybe_drop(seen: Seen) -> Answer:
        answer = platform.platform(seen)
        with lock:
            lost = rng.random() < 0.2
        return Answer(drop=True) if lost else answer

    platform.handler = act_then_maybe_drop
    yield platform
    platform.stop()


def run_child(platform: FakePlatform, data_dir: Path, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.kiosk.outbox.crash_child",
            str(data_dir),
            platform.base_url,
            str(platform.pki.ca_file),
            str(count),
        ],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )


def acked(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines() if line.startswith("ACK ")]


def test_kill_9_at_random_points_loses_nothing_and_duplicates_nothing(
    flaky_platform: FakePlatform, tmp_path: Path
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
    acted = flaky_platform.effects
    assert all(acted[key] == 1 for key in acknowledged), "an acknowledged submission was lost"
    assert max(acted.values()) == 1, "the platform acted twice on one idempotency key"
    assert all(s.signature_ok for s in flaky_platform.seen)
