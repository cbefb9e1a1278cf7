"""The dev dock's 占满所选时段 asks the kiosk to fill the slot chosen on screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMetaObject
from PySide6.QtQuick import QQuickItem

from tests.ui.test_devdock_faults import _find, dock

__all__ = ["dock"]


def test_fill_chosen_slot_button_sends_its_route(dock: tuple[QQuickItem, list[Any]]) -> None:
    root, sent = dock
    sent.clear()
    button = _find(root, "dock_fill_chosen_slot")
    assert button.property("text") == "占满所选时段"
    QMetaObject.invokeMethod(button, "click")
    assert sent == [("POST", "/sim/appointments/fill-chosen", None)]
