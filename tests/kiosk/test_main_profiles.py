"""``python -m kiosk --simulate --config <profile> --screenshot``: every shipped profile starts
on the embedded default and renders its home screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RUN_TIMEOUT_S = 120


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.slow
@pytest.mark.parametrize("profile", config.profiles(), ids=lambda path: path.stem)
def test_every_profile_renders_a_screenshot_with_simulate(profile: Path, tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(f'[simulation]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    out = tmp_path / "home.png"
    command = [sys.executable, "-m", "kiosk", "--simulate", "--config", str(profile),
               "--config", str(site), "--screenshot", str(out), "--size", "540x960"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(command, env=env, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT_S, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert png_size(out.read_bytes()) == (540, 960)
    assert (tmp_path / "data" / "platform-sim" / "terminal.secret").is_file()
