"""Run start-up's heavy work once the screen has settled, not while a citizen's first taps
are being drawn.

Opening the devices and starting the platform imports numpy, OpenCV, requests and
cryptography and builds the drivers: about 300 ms of CPU on a worker thread that shares the
interpreter lock with the GUI thread. Right after start, a citizen who taps 办事 waited for
that work in the middle of the catalogue's first frame (``benchmarks/bench_startup.py``).
When the catalogue is already on disk nothing on screen needs the devices or the platform
yet, so that work waits until no frame has been drawn for :data:`QUIET_MS` (the screen is
still), or :data:`LATEST_MS` after home's first frame whatever happens on screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtQuick import QQuickWindow

QUIET_MS = 400
"""The screen counts as settled after this long without a new frame."""
LATEST_MS = 3_000
"""The work starts this long after the watch began even if frames never stop (an animation)."""


class SettledScreen(QObject):
    """Calls ``then`` once: after :data:`QUIET_MS` without a frame of ``window``, or at the
    latest :data:`LATEST_MS` after :meth:`watch`. GUI thread only."""

    def __init__(
        self,
        window: QQuickWindow,
        then: Callable[[], None],
        quiet_ms: int = QUIET_MS,
        latest_ms: int = LATEST_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        self._quiet = QTimer(self, singleShot=True, interval=quiet_ms)
        self._latest = QTimer(self, singleShot=True, interval=latest_ms)
        self._quiet.timeout.connect(self._fire)
        self._latest.timeout.connect(self._fire)

    def watch(self) -> None:
        """Start watching the window's frames."""
        self._window.frameSwapped.connect(self._quiet.start, Qt.ConnectionType.QueuedConnection)
        self._quiet.start()
        self._latest.start()

    @property
    def done(self) -> bool:
        """True once ``then`` has been called or the watch cancelled."""
        return self._then is None

    def cancel(self) -> None:
        """Never call ``then`` (the app is stopping)."""
        if self._then is not None:
            self._then = None
            self._stop_watching()

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._stop_watching()
            then()

    def _stop_watching(self) -> None:
        self._quiet.stop()
        self._latest.stop()
        with contextlib.suppress(RuntimeError):  # cancelled before watch()
            self._window.frameSwapped.disconnect(self._quiet.start)
