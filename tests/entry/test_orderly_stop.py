"""SIGTERM stops a running kiosk in order: exit 0, no temporary files left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY_LINE = "/catalogue"
"""Logged when the catalogue is fetched: devices and the embedded platform are up."""


@pytest.mark.slow
@pytest.mark.parametrize("screen", ["--windowed", "--fullscreen"])
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_kiosk_in_order(
    tmp_path: Path, stop_signal: int, screen: str
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    site = tmp_path / "site.toml"
    site.write_text(
        f'[simulation]\ncontrol_port = 0\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8"
    )
    environ = {**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--simulate", screen, "--config", str(site)],
        cwd=ROOT, env=environ, stderr=subprocess.PIPE, text=True,
    )
    assert child.stderr is not None
    started = threading.Event()
    lines: list[str] = []

    def read() -> None:
        assert child.stderr is not None
        for line in child.stderr:
            lines.append(line)
            if READY_LINE in line:
                started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert started.wait(60), "".join(lines[-20:])
        assert any(temp.glob("kiosk-*")), "the running kiosk made no temporary files"
        child.send_signal(stop_signal)
        assert child.wait(timeout=30) == 0, "".join(lines[-20:])
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    reader.join(5)
    assert sorted(p.name for p in temp.glob("kiosk-*")) == []
