"""UI figures of the running kiosk: touch → next screen's first frame with real touch events,
and memory over many full citizen sessions.

Both run in a child process (``python -m benchmarks.bench_ui child SESSIONS [PLATFORM]``)
holding the real :class:`entry.app.KioskApp` with simulated devices, set up as
``python -m kiosk`` does (malloc tuning first, :mod:`entry.memory`), twice: with the simulated
platform in the parent process (as the real platform is remote, so the child's RSS is the
kiosk's own) and with the embedded simulated platform (as ``./dev run``). The child drives
the Qt event loop itself, never only ``processEvents()``. Start-up is ``bench_startup``.

* Touch: a touch press and release at the centre of home's 办事 tile, then of the catalogue's
  back button, alternately (:class:`benchmarks.kiosk_process.Finger`, through Qt's
  window-system interface as a touch screen delivers them); the figure is the time from the
  touch to the first frame swapped on the next screen.
* Memory: a full session each time — 办事, open a matter that needs card and face, start,
  the ID-card emulator gets the resident card, face consent, the camera emulator shows the
  face fixture, face capture and quality checks, verification with the simulated platform,
  back home, card taken away. RSS is read at start (home shown, catalogue loaded), every 50
  sessions and at the end; growth is from 100 to the end (the first 100 warm caches up).
  The session count is ``BENCH_UI_SESSIONS`` (default 1,000; the figures say what ran).

The Qt platform is the environment's: ``QT_QPA_PLATFORM=offscreen`` (as ``./dev bench``), or a
real X server (``xvfb-run -a python -m benchmarks.bench_ui``, Mesa's software OpenGL); the
figures name it (``qt_platform``). Writes ``benchmarks/results/ui.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from benchmarks.common import spread, write_results
from benchmarks.kiosk_process import RemotePlatform, choose_kiosk_renderer

if TYPE_CHECKING:
    from PySide6.QtCore import QEventLoop

    from drivers.base import DeviceClass
    from entry.app import KioskApp

T = TypeVar("T")

RESULTS = Path(__file__).parent / "results" / "ui.json"
TOUCHES = 60
SESSIONS = int(os.environ.get("BENCH_UI_SESSIONS", "1000"))
WARM_SESSIONS = 100
CHECKPOINT = 50
"""RSS is also read every this many sessions (the figures' ``rss_mib_by_session``)."""
TARGET_TOUCH_MS = 50.0
TARGET_RSS_MIB = 250.0
TARGET_GROWTH_PERCENT = 2.0
STEP_TIMEOUT_S = 30.0
POLL_MS = 2
CHILD_TIMEOUT_S = 6 * 3600
CARD = "resident"
FACE = "face"
TOUCH_STEPS = (("home", "home_services", "catalogue"), ("catalogue", "nav_back", "home"))
"""(screen, button touched, next screen) in turn."""


def _wait(predicate: Callable[[], bool], what: str) -> None:
    """Run the Qt event loop until ``predicate()`` holds (checked every few ms).

    A real ``QEventLoop``, not ``processEvents()``, and at least one turn of it: only a
    running loop deletes the objects Qt Quick hands to ``deleteLater()`` (a screen the Loader
    replaced), so a benchmark that only processed events would see them pile up (about
    1.7 MiB a session) as a false leak."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()  # run even when it already holds: a citizen's touches are never
    # back to back, the loop always turns (and deletes) between them
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: _quit_when(predicate, loop))
    QTimer.singleShot(round(STEP_TIMEOUT_S * 1000), loop, loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not predicate():
        raise TimeoutError(f"timed out waiting {STEP_TIMEOUT_S:g} s for {what}")


def _quit_when(predicate: Callable[[], bool], loop: QEventLoop) -> None:
    if predicate():
        loop.quit()


def _screen(kiosk: KioskApp) -> str:
    return str(kiosk.machine.state.value)


def _face_matter(kiosk: KioskApp) -> str:
    return next(
        m.code
        for m in kiosk.catalogue.snapshot.catalogue.matters
        if m.identity == "id_card_and_face" and m.self_service == "full"
    )


def touch_latencies(kiosk: KioskApp) -> list[float]:
    """Touch → first frame of the next screen, alternately home → catalogue → home, in ms."""
    from benchmarks.kiosk_process import Finger

    finger = Finger(kiosk.ui.window)
    target: list[str] = ["catalogue"]
    frames: list[float] = []

    def swapped() -> None:
        if _screen(kiosk) == target[0]:
            frames.append(time.perf_counter())

    kiosk.ui.window.frameSwapped.connect(swapped)
    latencies = []
    for i in range(TOUCHES):
        source, button, target[0] = TOUCH_STEPS[i % 2]
        _wait(_showing(kiosk, source, button), f"{button} on {source}")
        frames.clear()
        touched = time.perf_counter()
        if not finger.tap_named(button):
            raise RuntimeError(f"no {button} on screen {_screen(kiosk)}")
        _wait(lambda: bool(frames), f"first frame of {target[0]}")
        latencies.append((frames[0] - touched) * 1000)
    kiosk.ui.window.frameSwapped.disconnect(swapped)
    return latencies


def _showing(kiosk: KioskApp, screen: str, button: str) -> Callable[[], bool]:
    from benchmarks.kiosk_process import find_item

    return lambda: _screen(kiosk) == screen and find_item(kiosk.ui.window, button) is not None


def _emulator(kiosk: KioskApp, device: DeviceClass, kind: type[T]) -> T:
    emulator = kiosk.devices.simulator_as(device, kind)
    if emulator is None:
        raise RuntimeError(f"{device} is not simulated by a {kind.__name__}")
    return emulator


def full_session(kiosk: KioskApp, code: str) -> None:
    """One citizen: find a matter, card, consent, face, verified, home, card taken away."""
    from drivers.base import DeviceClass
    from drivers.id_card.emulator import IdCardEmulator

    intent = kiosk.ui.kiosk.intent
    from drivers.id_card.types import IdCardReader

    card = _emulator(kiosk, DeviceClass.ID_CARD_READER, IdCardEmulator)
    reader = kiosk.devices.device_as(DeviceClass.ID_CARD_READER, IdCardReader)
    if reader is None:
        raise RuntimeError("no ID-card reader")
    intent("home.services")
    _wait(lambda: _screen(kiosk) == "catalogue", "catalogue")
    kiosk.ui.catalogue.open(code)
    _wait(lambda: _screen(kiosk) == "guide" and bool(kiosk.ui.catalogue.guideAvailable), "guide")
    kiosk.ui.catalogue.start()
    _wait(lambda: _screen(kiosk) == "identity_card", "identity_card")
    card.place(CARD)
    _wait(lambda: _screen(kiosk) == "face_consent", "face_consent")
    intent("consent")
    _wait(lambda: _screen(kiosk) == "verified", "verified")
    intent("home")
    card.remove()
    _wait(lambda: _screen(kiosk) == "home" and reader.current_card is None, "card taken away")


def child(sessions: int, platform: RemotePlatform | None) -> None:
    """Run the kiosk, measure touches and sessions, print the figures as one JSON line."""
    from entry.memory import limit_malloc_retention
    from ui.keyboard import prepare_environment

    limit_malloc_retention()  # as ``python -m kiosk`` does first
    prepare_environment()
    choose_kiosk_renderer(os.environ)
    from PySide6.QtGui import QGuiApplication

    from entry.pyside_feature import read_sources_without_keeping

    read_sources_without_keeping()  # as ``python -m kiosk`` does after PySide6's import
    from benchmarks.kiosk_process import rss_kib, start_kiosk
    from drivers.base import DeviceClass
    from drivers.camera.emulator import CameraEmulator

    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        kiosk = start_kiosk(Path(data), platform)
        _wait(lambda: kiosk.started and kiosk.catalogue.snapshot.loaded, "start-up")
        _emulator(kiosk, DeviceClass.CAMERA, CameraEmulator).show(FACE)
        rss_start = rss_kib()
        latencies = touch_latencies(kiosk)
        code = _face_matter(kiosk)
        rss_at: dict[int, int] = {}
        durations = []
        for n in range(1, sessions + 1):
            started = time.perf_counter()
            full_session(kiosk, code)
            durations.append(time.perf_counter() - started)
            if n % CHECKPOINT == 0 or n == sessions:
                rss_at[n] = rss_kib()
        kiosk.stop()
    figures = _figures(sessions, latencies, rss_start, rss_at, durations)
    figures["qt_platform"] = app.platformName()  # offscreen, or xcb under a real X server
    del app
    print("RESULT " + json.dumps(figures))


def _figures(
    sessions: int,
    latencies: list[float],
    rss_start: int,
    rss_at: dict[int, int],
    durations: list[float],
) -> dict[str, Any]:
    warm = rss_at.get(WARM_SESSIONS, rss_start)
    end = rss_at[sessions]
    return {
        "touches": len(latencies),
        "touch_to_frame_ms": spread(latencies, 1),
        "sessions": sessions,
        "session_s": spread(durations, 2),
        "rss_mib_at_start": round(rss_start / 1024, 1),
        f"rss_mib_after_{WARM_SESSIONS}": round(warm / 1024, 1),
        f"rss_mib_after_{sessions}": round(end / 1024, 1),
        "rss_growth_percent_from_100": round(100 * (end - warm) / warm, 2),
        "rss_growth_percent_from_start": round(100 * (end - rss_start) / rss_start, 2),
        "rss_mib_by_session": {n: round(kib / 1024, 1) for n, kib in sorted(rss_at.items())},
        "targets": {
            "touch_ms": TARGET_TOUCH_MS,
            "rss_mib": TARGET_RSS_MIB,
            "growth_percent": TARGET_GROWTH_PERCENT,
        },
    }


def _run_child(platform: RemotePlatform | None) -> dict[str, Any]:
    extra = platform.as_args() if platform is not None else []
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ui", "child", str(SESSIONS), *extra],
        check=True,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    figures: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    return figures


def _remote_run() -> dict[str, Any]:
    """The kiosk with the simulated platform in this (parent) process, as a real one is
    remote: the child's RSS is the kiosk's own."""
    from kiosk import config as kiosk_config
    from platform_sim import start_simulator

    terminal = kiosk_config.load(simulate=True).terminal.terminal_id
    with tempfile.TemporaryDirectory() as tmp:
        sim = start_simulator(Path(tmp), terminal_ids=(terminal,))
        try:
            platform = RemotePlatform(sim.base_url, sim.ca_file, sim.material.secret_file)
            return _run_child(platform)
        finally:
            sim.stop()


def _print(label: str, figures: dict[str, Any]) -> None:
    touch = figures["touch_to_frame_ms"]
    sessions = figures["sessions"]
    print(f"### {label}")
    print(
        f"touch → next screen's first frame ({figures['touches']} real touches): median "
        f"{touch['median']} ms, p95 {touch['p95']} ms, max {touch['max']} ms "
        f"(target < {TARGET_TOUCH_MS:g} ms)"
    )
    print(
        f"RSS over {sessions} full sessions (median {figures['session_s']['median']:g} s each): "
        f"start {figures['rss_mib_at_start']} MiB, after {WARM_SESSIONS} "
        f"{figures[f'rss_mib_after_{WARM_SESSIONS}']} MiB, after {sessions} "
        f"{figures[f'rss_mib_after_{sessions}']} MiB, growth from {WARM_SESSIONS} "
        f"{figures['rss_growth_percent_from_100']} % (targets <= {TARGET_RSS_MIB:g} MiB, "
        f"< {TARGET_GROWTH_PERCENT:g} %)"
    )


def main() -> int:
    """Run both children, print a table, write the JSON (or be the child when told)."""
    if sys.argv[1:2] == ["child"]:
        remote = RemotePlatform.from_args(sys.argv[3:]) if len(sys.argv) > 3 else None
        child(int(sys.argv[2]), remote)
        return 0
    runs = {
        "platform in another process (the kiosk's own memory)": _remote_run(),
        "embedded simulated platform (as ./dev run)": _run_child(None),
    }
    for label, figures in runs.items():
        _print(label, figures)
    write_results(
        RESULTS,
        {
            "platform_separate": runs["platform in another process (the kiosk's own memory)"],
            "platform_embedded": runs["embedded simulated platform (as ./dev run)"],
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
