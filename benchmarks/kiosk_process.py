"""The real kiosk in a benchmark's child process, and a citizen's finger on its window.

The start-up and UI benchmarks run :class:`entry.app.KioskApp` with simulated devices and the
embedded simulated platform, exactly as ``python -m kiosk --simulate`` builds it (only the
data directory is the benchmark's), and touch its buttons with real touch events delivered
through Qt's window-system interface (``QTest.touchEvent``) at the button's centre, so the
whole path from the touch screen to the next frame is measured, not an intent call.
Qt modules are imported inside the functions: a child measures start-up from its first line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPointingDevice
    from PySide6.QtQuick import QQuickItem, QQuickWindow

    from entry.app import KioskApp


@dataclasses.dataclass(frozen=True)
class RemotePlatform:
    """A simulated platform running in another process (as the real one is remote)."""

    base_url: str
    ca_file: Path
    secret_file: Path

    def as_args(self) -> list[str]:
        """The command-line form, read back by :meth:`from_args`."""
        return [self.base_url, str(self.ca_file), str(self.secret_file)]

    @classmethod
    def from_args(cls, args: list[str]) -> RemotePlatform:
        """The platform given by :meth:`as_args`."""
        base_url, ca_file, secret_file = args
        return cls(base_url, Path(ca_file), Path(secret_file))


def start_kiosk(data_dir: Path, platform: RemotePlatform | None = None) -> KioskApp:
    """The kiosk with simulated devices, data in ``data_dir``, started (after the
    ``QGuiApplication`` exists); its platform is the embedded simulator (as ``./dev run``),
    or ``platform`` when given."""
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    config = dataclasses.replace(
        config, terminal=dataclasses.replace(config.terminal, data_dir=data_dir)
    )
    if platform is not None:
        settings = dataclasses.replace(
            config.platform,
            base_url=platform.base_url,
            ca_file=platform.ca_file,
            secret_file=platform.secret_file,
            embedded_simulator=False,
        )
        config = dataclasses.replace(config, platform=settings)
    return KioskApp(config, RunOptions(control_port=0)).start()


def choose_kiosk_renderer(environ: MutableMapping[str, str]) -> None:
    """Qt Quick's renderer in ``environ`` from the kiosk's config, as ``python -m kiosk``
    chooses it (before the ``QGuiApplication`` exists)."""
    from entry.display import choose_renderer
    from kiosk import config as kiosk_config

    choose_renderer(environ, kiosk_config.load(simulate=True).terminal.renderer)


def rss_kib() -> int:
    """This process's resident set size in KiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def find_item(window: QQuickWindow, object_name: str) -> QQuickItem | None:
    """The visible button or text input with that ``objectName`` (topmost), or None."""
    from ui.bridge.automation import actionable

    matches = [i for i in actionable(window) if i.objectName() == object_name]
    return matches[-1] if matches else None


class Finger:
    """Taps the window like a citizen: a touch press and release at an item's centre."""

    def __init__(self, window: QQuickWindow) -> None:
        from PySide6.QtTest import QTest

        self._window = window
        self._device: QPointingDevice = QTest.createTouchDevice()

    def tap(self, item: QQuickItem) -> None:
        """Touch ``item``'s centre and lift the finger (delivered at once)."""
        from PySide6.QtCore import QPointF
        from PySide6.QtTest import QTest

        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.touchEvent(self._window, self._device).press(0, centre, self._window).commit()
        QTest.touchEvent(self._window, self._device).release(0, centre, self._window).commit()

    def tap_named(self, object_name: str) -> bool:
        """Tap the visible item called ``object_name``; False when it is not on screen."""
        item = find_item(self._window, object_name)
        if item is None:
            return False
        self.tap(item)
        return True
