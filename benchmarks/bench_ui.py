"""UI figures: cold start to the first frame of home against a bare Qt Quick window, touch to
the next screen's first frame, and memory after 1,000 simulated sessions.

Each cold start runs in a fresh process; the child reports ``time.monotonic()`` (one clock
for all processes on Linux) when its window swaps its first frame. Run offscreen:
``QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_ui``. Writes ``results/ui.json``.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import write_results

RESULTS = Path(__file__).parent / "results" / "ui.json"
BARE_QML = (
    b"import QtQuick\nWindow { width: 1080; height: 1920; visible: true\n"
    b'  Text { text: "\\u529e\\u4e8b"; font.pixelSize: 48 } }\n'
)
STARTS = 3
TOUCHES = 40
SESSIONS = 1000


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _first_frame(window: object) -> None:
    from PySide6.QtGui import QGuiApplication

    def swapped() -> None:
        print(f"FIRST_FRAME {time.monotonic():.6f}", flush=True)
        QGuiApplication.exit(0)

    window.frameSwapped.connect(swapped)  # type: ignore[attr-defined]


def child_bare() -> None:
    """A bare Qt Quick window: the floor for start-up."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(BARE_QML)
    _first_frame(engine.rootObjects()[0])
    app.exec()


def _kiosk(data_dir: Path) -> object:
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    config = dataclasses.replace(
        config, terminal=dataclasses.replace(config.terminal, data_dir=data_dir)
    )
    return KioskApp(config, RunOptions(control_port=0)).start()


def child_kiosk() -> None:
    """The whole kiosk (simulated devices and platform) up to home's first frame."""
    from ui.keyboard import prepare_environment

    prepare_environment()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        kiosk = _kiosk(Path(data))
        _first_frame(kiosk.ui.window)  # type: ignore[attr-defined]
        app.exec()
        kiosk.stop()  # type: ignore[attr-defined]


def _cold_start(mode: str) -> float:
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ui", mode],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ},
    ).stdout
    stamp = next(line for line in out.splitlines() if line.startswith("FIRST_FRAME"))
    return (float(stamp.split()[1]) - started) * 1000


def _reached(machine: Any, target: str, swapped: list[float]) -> Callable[[], bool]:
    return lambda: machine.state.value == target and bool(swapped)


def in_process() -> dict[str, float]:
    """Touch → next screen's first frame, and RSS growth over many sessions."""
    from ui.keyboard import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
    from PySide6.QtGui import QGuiApplication

    from entry.screenshots import wait_until

    app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        kiosk = _kiosk(Path(data))
        ui = kiosk.ui  # type: ignore[attr-defined]
        machine = kiosk.machine  # type: ignore[attr-defined]
        swapped: list[float] = []
        ui.window.frameSwapped.connect(lambda: swapped.append(time.perf_counter()))
        wait_until(lambda: bool(swapped), 20, "first frame")
        catalogue = kiosk.catalogue  # type: ignore[attr-defined]
        wait_until(lambda: bool(catalogue.snapshot.catalogue.matters), 20, "catalogue")
        code = catalogue.snapshot.catalogue.matters[0].code
        latencies = []
        for i in range(TOUCHES):
            target = "catalogue" if i % 2 == 0 else "home"
            swapped.clear()
            touched = time.perf_counter()
            ui.kiosk.intent("home.services" if target == "catalogue" else "home")
            wait_until(_reached(machine, target, swapped), 10, target)
            latencies.append((swapped[0] - touched) * 1000)

        def session() -> None:
            ui.kiosk.intent("home.services")
            ui.catalogue.search("shebao")
            ui.catalogue.open(code)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            ui.kiosk.intent("home")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        for _ in range(50):
            session()
        baseline = _rss_kib()
        for _ in range(SESSIONS):
            session()
        after = _rss_kib()
        kiosk.stop()  # type: ignore[attr-defined]
    del app
    return {
        "touch_to_frame_median_ms": statistics.median(latencies),
        "touch_to_frame_p90_ms": sorted(latencies)[int(len(latencies) * 0.9)],
        "rss_after_warmup_kib": baseline,
        "rss_after_sessions_kib": after,
        "rss_growth_percent": 100 * (after - baseline) / baseline,
    }


def main() -> int:
    """Measure, print a table, write the JSON."""
    if len(sys.argv) > 1 and sys.argv[1] == "bare":
        child_bare()
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "kiosk":
        child_kiosk()
        return 0
    bare = min(_cold_start("bare") for _ in range(STARTS))
    full = min(_cold_start("kiosk") for _ in range(STARTS))
    figures = {
        "cold_start_bare_ms": bare,
        "cold_start_kiosk_ms": full,
        "cold_start_ratio": full / bare,
        **in_process(),
    }
    for name, value in figures.items():
        print(f"{name:28} {value:10.1f}")
    write_results(RESULTS, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
