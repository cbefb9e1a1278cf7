"""End to end: start-up order. With the catalogue on disk (every start after the first) the
list is shown from it at once and the devices and the platform open only once the screen has
settled; without one they open at once, as the list waits for the platform."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from tests.e2e.conftest import FakeClock

if TYPE_CHECKING:
    from entry.app import KioskApp


def _start(data_dir: Path) -> KioskApp:
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    config = dataclasses.replace(
        config, terminal=dataclasses.replace(config.terminal, data_dir=data_dir)
    )
    return KioskApp(config, RunOptions(control_port=0), clock=FakeClock()).start()


def _first_start(qtbot: Any, data_dir: Path) -> None:
    """Start once until the platform's catalogue is on disk, then stop."""
    app = _start(data_dir)
    try:
        qtbot.waitUntil(lambda: app.started, timeout=20000)
        qtbot.waitUntil((data_dir / "catalogue.json").exists, timeout=20000)
    finally:
        app.stop()


def test_with_the_catalogue_on_disk_the_list_comes_before_the_devices(
    qtbot: Any, tmp_path: Path
) -> None:
    _first_start(qtbot, tmp_path)
    app = _start(tmp_path)
    frames = QTimer(interval=30)  # a citizen's first taps being drawn
    frames.timeout.connect(app.ui.window.frameSwapped.emit)
    try:
        qtbot.waitUntil(lambda: app.catalogue.snapshot.loaded, timeout=20000)
        frames.start()
        qtbot.wait(2_000)
        assert not app.started  # shown from disk; devices and platform wait for the screen
        frames.stop()
        qtbot.waitUntil(lambda: app.started, timeout=20000)
    finally:
        frames.stop()
        app.stop()


def test_without_a_catalogue_on_disk_the_devices_open_at_once(
    qtbot: Any, tmp_path: Path
) -> None:
    app = _start(tmp_path)
    try:
        qtbot.waitUntil(lambda: app.started, timeout=20000)
        assert app._settle is None
    finally:
        app.stop()


def test_stopping_while_start_up_waits_for_the_screen_opens_nothing(
    qtbot: Any, tmp_path: Path
) -> None:
    _first_start(qtbot, tmp_path)
    app = _start(tmp_path)
    qtbot.waitUntil(lambda: app.catalogue.snapshot.loaded, timeout=20000)
    app.stop()
    qtbot.wait(4_000)  # past the settle watch's latest start
    assert not app.started


def test_stop_waits_for_the_opening_even_when_the_reading_answered_inside_submit(
    qtbot: Any, tmp_path: Path
) -> None:
    """A worker's result can arrive inside ``submit`` (the work was done before its callback
    was attached); the opening is then submitted before the reading's ``submit`` returns, and
    ``stop`` must still wait for it and stop what it started."""
    from concurrent.futures import Future

    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    config = dataclasses.replace(
        config, terminal=dataclasses.replace(config.terminal, data_dir=tmp_path)
    )
    app = KioskApp(config, RunOptions(control_port=0), clock=FakeClock())
    submit = app.workers.submit
    opening: list[Future[Any]] = []

    def reading_answers_at_once(work: Any, done: Any, failed: Any = None) -> Future[Any]:
        if work != app._read_disk_catalogue:
            opening.append(submit(work, done, failed))
            return opening[-1]
        future: Future[Any] = Future()
        future.set_result(work())
        done(future.result())
        return future

    app.workers.submit = reading_answers_at_once  # type: ignore[method-assign]
    app.start()
    qtbot.waitUntil(lambda: bool(opening), timeout=20000)
    app.stop()  # while the devices and the platform are still being opened
    backend = app._backend.result(timeout=20)
    assert backend.outbox is not None and backend.outbox._thread is None  # stopped with the app
