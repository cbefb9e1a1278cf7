"""A terminal whose configuration is not fit refuses to start: one line per problem on
stderr (the journal under systemd) and a distinct exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from entry.__main__ import CONFIG_PROBLEM_EXIT
from kiosk import config

ROOT = Path(__file__).resolve().parents[2]
HALL = config.shipped_config_dir() / config.PROFILES_DIR_NAME / "hall.toml"


def run_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=environ,
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_the_hall_profile_without_its_site_files_refuses_to_start(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(
        f'[terminal]\ndata_dir = "{tmp_path / "missing"}"\n'
        '[platform]\nbase_url = "https://zwfw.example.gov.cn"\n'
        f'ca_file = "{tmp_path / "ca.pem"}"\n', encoding="utf-8",
    )
    result = run_kiosk("--config", str(HALL), "--config", str(site))
    assert result.returncode == CONFIG_PROBLEM_EXIT, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert f"kiosk: refusing to start: platform.ca_file: {tmp_path / 'ca.pem'} does not exist " \
        "(the platform's CA bundle)" in lines
    assert any(line.startswith("kiosk: refusing to start: terminal.data_dir:") for line in lines)
    assert "Traceback" not in result.stderr


def test_an_http_platform_url_is_one_line_and_exit_2(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[platform]\nbase_url = "http://zwfw.example.gov.cn"\n', encoding="utf-8")
    result = run_kiosk("--config", str(HALL), "--config", str(site))
    assert result.returncode == 2
    assert [line for line in result.stderr.splitlines() if line.startswith("kiosk:")] == [
        f"kiosk: configuration error: {site}: platform.base_url must be an https:// URL, not "
        "'http://zwfw.example.gov.cn': the platform contract is HTTPS only, as requests carry "
        "ID numbers and face images"
    ]
    assert "Traceback" not in result.stderr
