"""A whole kiosk per test: simulated devices, the embedded simulated platform, real QML."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from simulation.client import request_json
from ui.keyboard import prepare_environment

_USER_DATA = prepare_environment()


class FakeClock:
    """Monotonic time that a test can move forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@dataclasses.dataclass
class Harness:
    """The running kiosk and helpers to drive it."""

    app: Any
    clock: FakeClock
    qtbot: Any

    @property
    def screen(self) -> str:
        return str(self.app.machine.state.value)

    def wait_screen(self, screen: str, timeout_ms: int = 15000) -> None:
        self.qtbot.waitUntil(lambda: self.screen == screen, timeout=timeout_ms)

    def intent(self, name: str) -> None:
        self.app.ui.kiosk.intent(name)

    def control(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        return request_json(self.app.control.base_url, method, path, body, timeout_s=10)

    def call_off_gui(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on a plain thread while the GUI thread keeps processing events."""
        import threading

        box: dict[str, Any] = {}
        thread = threading.Thread(target=lambda: box.setdefault("r", fn()))
        thread.start()
        self.qtbot.waitUntil(lambda: not thread.is_alive(), timeout=15000)
        return box["r"]

    def open_face_matter(self) -> str:
        self.intent("home.services")
        self.wait_screen("catalogue")
        catalogue = self.app.ui.catalogue
        matters = lambda: self.app.catalogue.snapshot.catalogue.matters  # noqa: E731
        self.qtbot.waitUntil(lambda: bool(matters()), timeout=15000)
        code = next(
            m.code for m in matters()
            if m.identity == "id_card_and_face" and m.self_service == "full"
        )
        catalogue.open(code)
        self.wait_screen("guide")
        self.qtbot.waitUntil(lambda: bool(catalogue.guideAvailable), timeout=5000)
        return code


@pytest.fixture
def kiosk(request: pytest.FixtureRequest, qtbot: Any, tmp_path: Path) -> Iterator[Harness]:
    """The kiosk; ``request.param`` (indirect parametrisation) may give device options, e.g.
    ``{"qr_scanner": {"manual_trigger": True}}``, and the window ``size`` (width, height)."""
    from drivers.base import DeviceClass
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    devices = dict(config.devices)
    params = dict(getattr(request, "param", {}))
    size = params.pop("size", (1080, 1920))
    for device, options in params.items():
        table = devices[DeviceClass(device)]
        devices[DeviceClass(device)] = dataclasses.replace(
            table, options={**table.options, **options}
        )
    config = dataclasses.replace(
        config,
        terminal=dataclasses.replace(config.terminal, data_dir=tmp_path),
        devices=devices,
    )
    clock = FakeClock()
    app = KioskApp(config, RunOptions(size=size, control_port=0), clock=clock).start()
    harness = Harness(app, clock, qtbot)
    try:
        qtbot.waitUntil(lambda: app.started, timeout=20000)
        yield harness
    finally:
        app.stop()
