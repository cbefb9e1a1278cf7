"""The layer contracts in pyproject.toml hold, and an upward import breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("entry", "ui", "kiosk", "simulation", "drivers", "platform_api", "platform_sim")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree, env=environment, capture_output=True, text=True, timeout=240, check=False,
    )


def _copy_tree(target: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, target / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.png", "*.jpg", "*.json"),
        )
    return target


def test_the_tree_keeps_every_layer_contract(tmp_path: Path) -> None:
    result = _lint(_copy_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward"),
    [
        ("drivers/upward_probe.py", "import kiosk.session"),
        ("kiosk/upward_probe.py", "import ui.kiosk_ui"),
        ("ui/upward_probe.py", "import entry.app"),
        ("kiosk/sideways_probe.py", "import simulation.server"),
        ("kiosk/platform/probe.py", "import platform_sim"),
        ("platform_sim/probe.py", "import kiosk.platform.models"),
        ("platform_api/probe.py", "import kiosk.masking"),
    ],
)
def test_an_upward_import_breaks_the_contracts(tmp_path: Path, module: str, upward: str) -> None:
    tree = _copy_tree(tmp_path)
    (tree / module).write_text(f'"""Probe."""\n\n{upward}\n', encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
