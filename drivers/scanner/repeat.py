"""Suppresses the same code read again and again while it is held in front of the scanner."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RepeatFilter:
    """Passes a text unless it equals the last one seen less than ``window_s`` ago.

    The window restarts at every sighting, so a code held under a continuous-mode scanner (or
    in front of the camera, decoded every frame) yields one event, and a new one only after
    it has been out of view for ``window_s``. The clock is injectable for tests.
    """

    def __init__(self, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._window = window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._last: str | None = None
        self._seen_at = 0.0

    def accept(self, text: str) -> bool:
        """Record a sighting of ``text``; True if it should be published."""
        now = self._clock()
        with self._lock:
            repeat = text == self._last and now - self._seen_at < self._window
            self._last = text
            self._seen_at = now
        return not repeat

    def clear(self) -> None:
        """Forget the last code, so the next read is always published."""
        with self._lock:
            self._last = None
