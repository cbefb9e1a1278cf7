"""A thread that reads one camera until it is stopped: the shape shared by face capture, the
document capture's live view and maintenance's preview.

A run is started once, stopped at any time from any thread (idempotent: nothing more is
handed on after the frame in hand) and joined with a bound, so the GUI thread never waits
for a camera. Subclasses read frames in :meth:`CameraRun._run` and check ``_stopping``.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod


class CameraRun(ABC):
    """One run of a camera-reading thread named ``name``."""

    def __init__(self, name: str) -> None:
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        """Start reading frames."""
        self._thread.start()

    def stop(self) -> None:
        """Stop; nothing more is handed on after the current frame (idempotent)."""
        self._stopping.set()

    def join(self, timeout_s: float) -> bool:
        """Wait for the thread to end; True when it has."""
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    @abstractmethod
    def _run(self) -> None:
        """Read frames until ``_stopping`` is set (the thread's body)."""
