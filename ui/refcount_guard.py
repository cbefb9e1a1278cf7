"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here (``sys.getrefcount``): every call from Python of a C++ method returning
``void`` (``QObject.setObjectName``, ``QSize.setWidth``, ``QClipboard.clear``…) and every
call from QML into a Python ``QQuickImageProvider.requestImage`` drops one reference to
``None``; methods returning ``bool`` do the same to ``True``/``False``. Python 3.11's
singletons are not immortal, so a long-running kiosk would eventually deallocate ``None``
and abort ("none_dealloc"). :class:`RefcountGuard` tops the three singletons back up to their
start-up counts once a second; each lost reference costs one list slot (8 bytes). Remove it
when PySide6 is fixed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 1000
SINGLETONS: tuple[object, ...] = (None, True, False)
_PINS: list[object] = []
"""Process-wide and never released: releasing would hand the lost references back."""
_BASELINE: dict[int, int] = {}


class RefcountGuard(QObject):
    """Keeps ``None``, ``True`` and ``False`` from being freed by PySide6's lost references."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not _BASELINE:
            _BASELINE.update({id(o): sys.getrefcount(o) for o in SINGLETONS})
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.top_up)
        self._timer.start()

    def top_up(self) -> int:
        """Add references for what was lost since start-up; returns how many were added."""
        added = 0
        for singleton in SINGLETONS:
            deficit = _BASELINE[id(singleton)] - sys.getrefcount(singleton)
            if deficit > 0:
                _PINS.extend([singleton] * deficit)
                added += deficit
        return added
