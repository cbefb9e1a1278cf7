"""Start-up as a citizen meets it: from the program's start to the first matters listed after
a tap on 办事, against a bare Qt Quick window's first frame, side by side in the same run.

Each start is a fresh process (``python -m benchmarks.bench_startup bare|kiosk DATA_DIR``);
the child prints ``time.monotonic()`` stamps (one clock for every process on Linux), the
parent subtracts the moment it launched the child. The kiosk child taps 办事 (a real touch
event at the tile's centre) as soon as home's first frame is out, and stamps the first frame
whose catalogue list shows matter rows. Two cases, interleaved with the bare window so they
share the machine's load: a warm cache (the data directory of an earlier run: catalogue on
disk, as every start after the first) and a cold cache (the same directory without the
catalogue file, as after a wipe: the list waits for the platform). Target: first matters
≤ 3× the bare window's first frame. Figures are medians with the maximum. Writes
``benchmarks/results/startup.json``.

Every child (the bare window too) runs from compiled bytecode, as the installed kiosk does
(dh-virtualenv's pip compiles it at install; a development shell often sets
``PYTHONDONTWRITEBYTECODE``, which would make every start compile the kiosk's ~400 modules):
the bytecode goes to a cache in the benchmark's temporary directory, written by the first,
unmeasured run. ``BENCH_STARTUP_BYTECODE=0`` measures without it (the figures say which).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import write_results
from benchmarks.kiosk_process import choose_kiosk_renderer

RESULTS = Path(__file__).parent / "results" / "startup.json"
BARE_QML = (
    b"import QtQuick\nWindow { width: 1080; height: 1920; visible: true\n"
    b'  Text { text: "\\u529e\\u4e8b"; font.pixelSize: 48 } }\n'
)
STARTS = 5
TARGET_RATIO = 3.0
CHILD_TIMEOUT_S = 120
SERVICES_TILE = "home_services"
CATALOGUE_FILE = "catalogue.json"
BYTECODE = os.environ.get("BENCH_STARTUP_BYTECODE", "1") != "0"


def _stamp(name: str) -> None:
    print(f"STAMP {name} {time.monotonic():.6f} {time.process_time():.6f}", flush=True)


def child_bare() -> None:
    """A bare Qt Quick window: the floor for start-up."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(BARE_QML)

    def swapped() -> None:
        _stamp("first_frame")
        QGuiApplication.exit(0)

    engine.rootObjects()[0].frameSwapped.connect(swapped)  # type: ignore[attr-defined]
    app.exec()


def child_kiosk(data_dir: Path) -> None:
    """The whole kiosk: home's first frame, a tap on 办事, the first frame listing matters."""
    from ui.keyboard import prepare_environment

    prepare_environment()
    from PySide6.QtGui import QGuiApplication

    from entry.pyside_feature import read_sources_without_keeping

    read_sources_without_keeping()  # as ``python -m kiosk`` does after PySide6's import
    from benchmarks.kiosk_process import Finger, start_kiosk

    app = QGuiApplication(sys.argv[:1])
    kiosk = start_kiosk(data_dir)
    window = kiosk.ui.window
    finger: list[Finger] = []

    def listed() -> bool:
        from ui.bridge.automation import actionable

        if kiosk.machine.state.value != "catalogue" or not kiosk.ui.catalogue.results:
            return False
        return any(i.objectName().startswith("item_") for i in actionable(window))

    def swapped() -> None:
        if not finger:
            _stamp("home")
            finger.append(Finger(window))
        if kiosk.machine.state.value == "home":
            finger[0].tap_named(SERVICES_TILE)
        elif listed():
            _stamp("matters")
            QGuiApplication.exit(0)

    window.frameSwapped.connect(swapped)
    app.exec()
    kiosk.stop()


def _child_environment(pycache: Path) -> dict[str, str]:
    """The children's environment: with a bytecode cache at ``pycache`` (as installed), or
    without bytecode when ``BENCH_STARTUP_BYTECODE=0``; both children draw with the renderer
    the kiosk's config chooses (as ``python -m kiosk`` does), so the floor is comparable."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    choose_kiosk_renderer(env)
    if not BYTECODE:
        return {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    return {**env, "PYTHONPYCACHEPREFIX": str(pycache)}


def _run(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """The child's stamps: ms from its launch (``name``) and its CPU ms so far (``name_cpu``,
    all its threads: the work done, whatever the machine's load)."""
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_startup", *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=CHILD_TIMEOUT_S,
    ).stdout
    stamps = {}
    for line in out.splitlines():
        if line.startswith("STAMP "):
            _, name, at, cpu = line.split()
            stamps[name] = (float(at) - started) * 1000
            stamps[f"{name}_cpu"] = float(cpu) * 1000
    return stamps


def _figures(samples: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(samples), 1), "max": round(max(samples), 1)}


def main() -> int:
    """Measure, print a table, write the JSON (or run a child when given its mode)."""
    if sys.argv[1:2] == ["bare"]:
        child_bare()
        return 0
    if sys.argv[1:2] == ["kiosk"]:
        child_kiosk(Path(sys.argv[2]))
        return 0
    bare: list[float] = []
    home: list[float] = []
    warm: list[float] = []
    cold: list[float] = []
    cpu: dict[str, list[float]] = {"bare": [], "home": [], "warm": [], "cold": []}
    with tempfile.TemporaryDirectory() as tmp:
        env = _child_environment(Path(tmp) / "pycache")
        warm_dir = Path(tmp) / "warm"
        _run(["bare"], env)  # first runs write the bytecode, and leave the catalogue and
        _run(["kiosk", str(warm_dir)], env)  # the platform on disk
        for i in range(STARTS):
            cold_dir = Path(tmp) / f"cold-{i}"
            shutil.copytree(warm_dir, cold_dir)
            (cold_dir / CATALOGUE_FILE).unlink()
            stamps = _run(["bare"], env)
            bare.append(stamps["first_frame"])
            cpu["bare"].append(stamps["first_frame_cpu"])
            stamps = _run(["kiosk", str(warm_dir)], env)
            home.append(stamps["home"])
            warm.append(stamps["matters"])
            cpu["home"].append(stamps["home_cpu"])
            cpu["warm"].append(stamps["matters_cpu"])
            stamps = _run(["kiosk", str(cold_dir)], env)
            cold.append(stamps["matters"])
            cpu["cold"].append(stamps["matters_cpu"])
    floor = statistics.median(bare)
    figures = {
        "starts": STARTS,
        "bytecode": "compiled, as installed" if BYTECODE else "none (compiled at every start)",
        "bare_window_first_frame_ms": _figures(bare),
        "kiosk_home_first_frame_ms": _figures(home),
        "first_matters_warm_cache_ms": _figures(warm),
        "first_matters_cold_cache_ms": _figures(cold),
        "ratio_home": round(statistics.median(home) / floor, 2),
        "ratio_warm": round(statistics.median(warm) / floor, 2),
        "ratio_cold": round(statistics.median(cold) / floor, 2),
        "target_ratio": TARGET_RATIO,
        "cpu_ms": {name: _figures(samples) for name, samples in cpu.items()},
        "cpu_ratios": {
            name: round(statistics.median(samples) / statistics.median(cpu["bare"]), 2)
            for name, samples in cpu.items()
        },
        "statistics": "median and max over the starts; ratios of medians to the bare window; "
        "CPU is the child's process time (all threads) at the stamp",
        "samples_ms": {"bare": bare, "home": home, "warm": warm, "cold": cold},
    }
    print("| start | median ms | max ms | × bare window | CPU ms (median) | CPU × bare |")
    print("|---|---|---|---|---|---|")
    rows = {
        "bare Qt Quick window, first frame": ("bare_window_first_frame_ms", 1.0, "bare"),
        "kiosk, home's first frame": ("kiosk_home_first_frame_ms", figures["ratio_home"], "home"),
        "kiosk, tap 办事 → first matters (warm cache)": (
            "first_matters_warm_cache_ms",
            figures["ratio_warm"],
            "warm",
        ),
        "kiosk, tap 办事 → first matters (cold cache)": (
            "first_matters_cold_cache_ms",
            figures["ratio_cold"],
            "cold",
        ),
    }
    for label, (key, ratio, name) in rows.items():
        row = figures[key]
        assert isinstance(row, dict)
        work = statistics.median(cpu[name])
        work_ratio = round(work / statistics.median(cpu["bare"]), 2)
        print(f"| {label} | {row['median']} | {row['max']} | {ratio} | {work:.0f} | {work_ratio} |")
    print(f"target: first matters <= {TARGET_RATIO}x the bare window's first frame")
    write_results(RESULTS, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
