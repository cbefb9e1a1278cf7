"""The kiosk under the compositor terminals run, cage, headless: it reaches home full screen,
tells systemd's socket READY through cage, grim captures home, and a stop signal ends kiosk
and compositor in order.

cage refuses to run as root, so as root the test runs it as ``nobody`` with a venv made from
Debian's ``/usr/bin/python3`` that sees the checkout and the dev venv's packages through a
``.pth`` file (a venv of a Python under ``/root`` cannot be run by another user).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")
NOBODY = 65534
OUTPUT_SIZE = (720, 1280)
"""cage's headless output (1280×720) turned by ``-r``."""
STARTED_LINE = "/catalogue"
"""Logged when the catalogue is fetched: devices and the embedded platform are up."""
SCALE = "0.6667"
"""Lays the screens out at their 1080×1920 design size on the 720×1280 output."""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("cage") and shutil.which("grim")), reason="cage/grim not installed"
    ),
    pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="no Debian python3"),
]


def system_python_version() -> str:
    return subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()


@pytest.fixture
def session_dir() -> Iterator[Path]:
    """A directory the compositor's user can reach (pytest's tmp_path is root's 0700)."""
    directory = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))
    directory.chmod(0o755)
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def as_user(path: Path, mode: int) -> Path:
    path.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    path.chmod(mode)
    return path


def kiosk_venv(directory: Path) -> Path:
    """A Debian-python venv seeing the checkout and the dev venv's site-packages."""
    venv = directory / "venv"
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", venv], check=True)
    site = next((venv / "lib").glob("python3.*/site-packages"))
    site.joinpath("kiosk-dev.pth").write_text(
        f"{ROOT}\n{sysconfig.get_paths()['purelib']}\n", encoding="utf-8"
    )
    return venv / "bin" / "python"


def children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    return [int(child) for child in text.split()]


def received(sock: socket.socket, message: str, timeout: float) -> bool:
    """True once ``message`` arrives, False when nothing more comes within ``timeout``."""
    sock.settimeout(timeout)
    try:
        while sock.recv(4096) != message.encode():
            pass
    except TimeoutError:
        return False
    return True


def wait_for_log(directory: Path, text: str, timeout: float) -> bool:
    """True once the kiosk's log holds ``text`` (polled), False after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log_tail(directory):
            return True
        time.sleep(0.2)
    return False


def log_tail(directory: Path) -> str:
    return (directory / "cage.log").read_text(encoding="utf-8", errors="replace")[-3000:]


def test_the_kiosk_reaches_home_full_screen_under_cage(session_dir: Path) -> None:
    if system_python_version() != str(sys.version_info[:2]):
        pytest.skip("Debian's python3 is another version than the dev venv's")
    python = kiosk_venv(session_dir)
    runtime = as_user(session_dir / "runtime", 0o700)
    home = as_user(session_dir / "home", 0o700)
    data = as_user(session_dir / "data", 0o700)
    site = session_dir / "site.toml"
    site.write_text(f'[simulation]\ncontrol_port = 0\ndata_dir = "{data}"\n', encoding="utf-8")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify_path = session_dir / "notify"
    notify.bind(str(notify_path))
    notify_path.chmod(0o777)
    environ = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(home),
        "XDG_RUNTIME_DIR": str(runtime), "NOTIFY_SOCKET": str(notify_path),
        "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1",
        "QT_QPA_PLATFORM": "wayland", "QT_WAYLAND_DISABLE_WINDOWDECORATION": "1",
        "QT_SCALE_FACTOR": SCALE,
    }
    user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    prefix = user if os.geteuid() == 0 else []
    log = (session_dir / "cage.log").open("w")
    cage = subprocess.Popen(
        [*prefix, "env", "-i", *(f"{k}={v}" for k, v in environ.items()), "cage", "-r", "--",
         str(python), "-m", "kiosk", "--simulate", "--fullscreen", "--config", str(site)],
        cwd=session_dir, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        assert received(notify, "READY=1", 120), log_tail(session_dir)
        shot = home / "home.png"
        subprocess.run(
            [*prefix, "env", f"XDG_RUNTIME_DIR={runtime}", "WAYLAND_DISPLAY=wayland-0",
             "grim", str(shot)], check=True, timeout=30,
        )
        image = QImage(str(shot))
        assert (image.width(), image.height()) == OUTPUT_SIZE
        header, page = QColor(image.pixel(440, 100)), QColor(image.pixel(360, 1260))
        assert header.blue() > 120 and header.red() < 60, "the blue header fills the top"
        assert page.lightness() > 200, "the page below is light"

        # Stop once started: a stop signal before Qt's event loop runs is lost (see report).
        assert wait_for_log(session_dir, STARTED_LINE, 60), log_tail(session_dir)
        kiosk = [pid for pid in children(cage.pid)
                 if b"kiosk" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(kiosk) == 1
        os.kill(kiosk[0], signal.SIGTERM)
        assert received(notify, "STOPPING=1", 30), log_tail(session_dir)
        assert cage.wait(timeout=60) == 0
    finally:
        if cage.poll() is None:
            cage.kill()
            cage.wait()
        notify.close()
        log.close()
    assert "Traceback" not in log_tail(session_dir), log_tail(session_dir)
