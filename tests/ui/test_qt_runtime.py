"""Guards on the Qt binding itself: PySide6 6.12.0 on Python 3.11 dropped a reference to
``None`` on every call of a void Qt method, so a kiosk aborted ("none_dealloc") after some
tens of thousands of calls — within an hour of live camera preview. The project pins a
release without the bug; this test fails if an upgrade brings it back. A leak shows as
tens of thousands of references; the bound only absorbs the interpreter's own noise."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSize


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    target = QObject()
    size = QSize(1, 1)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        target.setObjectName("probe")
        size.setWidth(2)
    assert abs(sys.getrefcount(None) - before) < 100, "40,000 void calls leaked references"


def test_bool_qt_calls_do_not_leak_references_to_booleans() -> None:
    target = QObject()
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(20_000):
        target.blockSignals(False)
        target.signalsBlocked()
    assert abs(sys.getrefcount(True) - before_true) < 100
    assert abs(sys.getrefcount(False) - before_false) < 100
