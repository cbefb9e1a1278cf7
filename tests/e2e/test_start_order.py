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
