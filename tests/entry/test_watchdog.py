"""The sd_notify side of ``Type=notify`` + ``WatchdogSec=``: the message format, the ping
interval, and the real kiosk telling a listener READY, WATCHDOG (which stops while its GUI
thread is blocked) and STOPPING."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entry.watchdog import Notifier, Watchdog, watchdog_interval_ms

ROOT = Path(__file__).resolve().parents[2]
WATCHDOG_USEC = 1_000_000
"""The test's watchdog period: the kiosk pings every 0.5 s."""
SILENCE_S = 3.0
"""How long a blocked GUI thread must stay silent: six ping intervals."""
BLOCKED = "X_TEST_BLOCKED=1"

# The real kiosk, with one addition for the test: SIGUSR1 blocks the GUI thread (Python runs
# signal handlers on the main thread, which is Qt's) until the release file exists.
BLOCKABLE_KIOSK = textwrap.dedent("""
    import os, signal, socket, sys, time
    from pathlib import Path

    def block(number, frame):
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.sendto(b"X_TEST_BLOCKED=1", os.environ["NOTIFY_SOCKET"])
        while not Path(sys.argv[1]).exists():
            time.sleep(0.05)

    signal.signal(signal.SIGUSR1, block)
    from entry.__main__ import main
    raise SystemExit(main(sys.argv[2:]))
""")


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A datagram socket where systemd's ``$NOTIFY_SOCKET`` would be (short path: AF_UNIX)."""
    with tempfile.TemporaryDirectory(prefix="notify-") as directory:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(str(Path(directory) / "notify"))
        try:
            yield sock
        finally:
            sock.close()


def receive(sock: socket.socket, timeout: float) -> str | None:
    sock.settimeout(timeout)
    try:
        return sock.recv(4096).decode()
    except TimeoutError:
        return None


def wait_for(sock: socket.socket, message: str, timeout: float) -> list[str]:
    """Messages up to and including ``message``; fails when it does not come."""
    seen: list[str] = []
    while message not in seen:
        got = receive(sock, timeout)
        assert got is not None, f"no {message} within {timeout} s; got {seen}"
        seen.append(got)
    return seen


def test_a_message_reaches_the_socket(listener: socket.socket) -> None:
    notifier = Notifier(listener.getsockname())
    assert notifier.send("READY=1")
    assert receive(listener, 5) == "READY=1"
    notifier.close()


def test_an_at_sign_means_the_abstract_namespace() -> None:
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        notifier = Notifier("@" + name)
        assert notifier.send("WATCHDOG=1")
        assert receive(sock, 5) == "WATCHDOG=1"
        notifier.close()


def test_without_systemd_nothing_is_sent() -> None:
    notifier = Notifier(None)
    assert not notifier.enabled
    assert not notifier.send("READY=1")


def test_a_vanished_socket_is_a_false_not_an_exception(tmp_path: Path) -> None:
    notifier = Notifier(str(tmp_path / "gone"))
    assert not notifier.send("WATCHDOG=1")
    notifier.close()


def test_the_kiosk_pings_twice_per_watchdog_period() -> None:
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15_000


NOT_A_NUMBER = st.text(st.characters(categories=["L", "P", "Z"]), max_size=12)


@given(st.one_of(st.none(), NOT_A_NUMBER, st.integers(max_value=0).map(str)))
def test_no_or_a_malformed_watchdog_period_means_no_pings(value: str | None) -> None:
    environ = {} if value is None else {"WATCHDOG_USEC": value}
    assert watchdog_interval_ms(environ) is None


def test_stopping_is_told_and_pings_end(qapp: object, listener: socket.socket) -> None:
    watchdog = Watchdog({"NOTIFY_SOCKET": listener.getsockname(), "WATCHDOG_USEC": "2000"})
    watchdog.ready()
    assert receive(listener, 5) == "READY=1"
    watchdog.ping()
    assert receive(listener, 5) == "WATCHDOG=1"
    watchdog.stopping()
    assert receive(listener, 5) == "STOPPING=1"


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_the_running_kiosk_is_ready_alive_and_caught_when_frozen(
    tmp_path: Path, listener: socket.socket
) -> None:
    site = tmp_path / "site.toml"
    site.write_text(
        f'[simulation]\ncontrol_port = 0\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8"
    )
    release = tmp_path / "release"
    environ = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": listener.getsockname(), "WATCHDOG_USEC": str(WATCHDOG_USEC),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", BLOCKABLE_KIOSK, str(release), "--simulate", "--config", str(site)],
        cwd=ROOT, env=environ, stderr=subprocess.PIPE, text=True,
    )
    lines: list[str] = []
    drain = threading.Thread(target=lambda: lines.extend(child.stderr or ()), daemon=True)
    drain.start()
    try:
        assert wait_for(listener, "READY=1", 90) == ["READY=1"], "READY must come first"
        for _ in range(3):
            assert receive(listener, 30) == "WATCHDOG=1"

        child.send_signal(signal.SIGUSR1)
        wait_for(listener, BLOCKED, 30)
        assert receive(listener, SILENCE_S) is None, "a blocked GUI thread must not ping"

        release.touch()
        assert receive(listener, 30) == "WATCHDOG=1"

        child.send_signal(signal.SIGTERM)
        wait_for(listener, "STOPPING=1", 30)
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        drain.join(5)
    assert "Traceback" not in "".join(lines), "".join(lines[-30:])
