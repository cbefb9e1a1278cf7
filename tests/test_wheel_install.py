"""The kiosk runs from an installed wheel, outside any checkout.

Builds a wheel of the project with the dev venv's setuptools, installs it (without its
dependencies) into a fresh venv in a temporary directory, makes the dev venv's site-packages
visible to it through a ``.pth`` file (so nothing heavy is downloaded again; a directory added
by a ``.pth`` file does not run the editable install's own ``.pth``, so ``kiosk`` can only come
from the wheel), and runs the ``kiosk`` console script from another working directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
DATA_PACKAGES = ("assets", "config", "ui/qml")
"""Source directories whose every file must ship in the wheel."""
TOP_LEVEL_NOT_BUILT = frozenset({"var", "build", "dist", "docs", "tests", "benchmarks"})
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BUILD_TIMEOUT_S = 300
RUN_TIMEOUT_S = 120

pytestmark = pytest.mark.slow


def run(command: list[str], cwd: Path, timeout: float,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``command``; a failure shows its output."""
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def not_built(directory: str, names: list[str]) -> set[str]:
    """``copytree``'s ignore: byte code, build metadata, and at the top the venv, hidden
    directories, the data directory and everything that is not packaged."""
    ignored = set(shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")(directory, names))
    if Path(directory) == PROJECT:
        ignored |= {name for name in names if name.startswith(".") or name in TOP_LEVEL_NOT_BUILT}
    return ignored


def shipped_sources() -> set[str]:
    """The files of the data directories, as paths inside the wheel."""
    return {
        path.relative_to(PROJECT).as_posix()
        for directory in DATA_PACKAGES
        for path in (PROJECT / directory).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    """A temporary directory outside the repository, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="kiosk-wheel-") as directory:
        yield Path(directory)


@pytest.fixture(scope="module")
def wheel(workspace: Path) -> Path:
    """A wheel built from a copy of the sources (so the checkout gets no build/ directory)."""
    source = workspace / "source"
    shutil.copytree(PROJECT, source, ignore=not_built)
    out = workspace / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--wheel-dir", str(out), str(source)],
        cwd=workspace, timeout=BUILD_TIMEOUT_S)
    (built,) = out.glob("gov_kiosk-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(workspace: Path, wheel: Path) -> Path:
    """A fresh venv with the wheel installed and the dev venv's packages visible."""
    venv = workspace / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)],
        cwd=workspace, timeout=RUN_TIMEOUT_S)
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)], cwd=workspace, timeout=BUILD_TIMEOUT_S)
    site_packages = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=workspace, timeout=RUN_TIMEOUT_S,
    ).stdout.strip()
    dev_paths = dict.fromkeys((sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]))
    (Path(site_packages) / "dev-venv.pth").write_text("\n".join(dev_paths) + "\n", "utf-8")
    return venv


def clean_env(workspace: Path) -> dict[str, str]:
    """The environment of the installed kiosk: no checkout on the path, its own data home."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(workspace / "xdg")}


def test_the_wheel_ships_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert shipped_sources() - names == set()
    assert "platform_api/platform-api.yaml" in names


def test_the_installed_kiosk_comes_from_the_fresh_venv(venv: Path, workspace: Path) -> None:
    elsewhere = workspace / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    code = ("import assets, config, drivers, entry, kiosk, simulation, ui\n"
            "for m in (assets, config, drivers, entry, kiosk, simulation, ui):"
            " print(m.__file__)\n"
            "from kiosk.config import checkout_root; print(checkout_root())")
    lines = run([str(venv / "bin" / "python"), "-c", code], cwd=elsewhere,
                timeout=RUN_TIMEOUT_S, env=clean_env(workspace)).stdout.split()
    *modules, checkout = lines
    assert all(Path(module).is_relative_to(venv) for module in modules), modules
    assert checkout == "None"


def test_the_installed_console_script_renders_a_screenshot(venv: Path, workspace: Path) -> None:
    elsewhere = workspace / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    run([str(venv / "bin" / "kiosk"), "--simulate", "--screenshot", "out.png"],
        cwd=elsewhere, timeout=RUN_TIMEOUT_S, env=clean_env(workspace))
    png = (elsewhere / "out.png").read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    assert png[12:16] == b"IHDR"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1080, 1920)
    assert len(png) > 10_000
    data_home = workspace / "xdg" / "gov-kiosk"
    assert (data_home / "platform-sim" / "terminal.secret").is_file()
