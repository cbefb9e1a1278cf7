"""Start-up's heavy work waits for the screen to settle: no frame for a while, or a cap."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from entry.settle import SettledScreen

LONG_MS = 60_000


def test_a_still_screen_runs_the_work_once(qtbot: QtBot) -> None:
    window = QQuickWindow()
    calls: list[str] = []
    settle = SettledScreen(window, lambda: calls.append("open"), quiet_ms=50, latest_ms=LONG_MS)
    settle.watch()
    qtbot.waitUntil(lambda: calls == ["open"])
    qtbot.wait(150)
    assert calls == ["open"] and settle.done


def test_frames_keep_the_work_waiting_until_they_stop(qtbot: QtBot) -> None:
    window = QQuickWindow()
    calls: list[int] = []
    frames = QTimer(interval=20)
    frames.timeout.connect(window.frameSwapped.emit)
    settle = SettledScreen(window, lambda: calls.append(1), quiet_ms=1_000, latest_ms=LONG_MS)
    frames.start()
    settle.watch()
    qtbot.wait(1_500)
    assert calls == []
    frames.stop()
    qtbot.waitUntil(lambda: calls == [1], timeout=10_000)


def test_frames_that_never_stop_still_start_the_work_at_the_latest(qtbot: QtBot) -> None:
    window = QQuickWindow()
    calls: list[int] = []
    frames = QTimer(interval=20)
    frames.timeout.connect(window.frameSwapped.emit)
    settle = SettledScreen(window, lambda: calls.append(1), quiet_ms=LONG_MS, latest_ms=300)
    frames.start()
    settle.watch()
    qtbot.waitUntil(lambda: calls == [1], timeout=10_000)
    frames.stop()


def test_a_cancelled_watch_never_runs_the_work(qtbot: QtBot) -> None:
    window = QQuickWindow()
    calls: list[int] = []
    settle = SettledScreen(window, lambda: calls.append(1), quiet_ms=50, latest_ms=100)
    settle.watch()
    settle.cancel()
    qtbot.wait(400)
    assert calls == [] and settle.done
