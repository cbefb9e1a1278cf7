"""The Pinyin keyboard does not offer one citizen's name to the next (devices.md §6)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine

from ui.bridge.automation import is_text_input, walk
from ui.keyboard import SENSITIVE_HINT

SEARCH_FIELD = "catalogue_search"
HELPER = b"""
import QtQuick
import QtQuick.VirtualKeyboard
QtObject {
    function typeKeys(s) {
        for (var i = 0; i < s.length; i++)
            InputContext.inputEngine.virtualKeyClick(
                Qt.Key_A + s.charCodeAt(i) - 97, s.charAt(i), 0)
    }
    function candidates() {
        var m = InputContext.inputEngine.wordCandidateListModel, r = []
        for (var i = 0; i < m.count; i++) r.push(m.dataAt(i, 0))
        return r
    }
    function choose(i) { InputContext.inputEngine.wordCandidateListModel.selectItem(i) }
}
"""


@pytest.fixture
def app(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    config = dataclasses.replace(
        config, terminal=dataclasses.replace(config.terminal, data_dir=tmp_path)
    )
    kiosk = KioskApp(config, RunOptions(control_port=0)).start()
    try:
        yield kiosk
    finally:
        kiosk.stop()


def _helper(app: Any) -> QObject:
    component = QQmlComponent(app.ui.engine)
    component.setData(HELPER, "file:///keyboard_helper.qml")
    helper = component.create()
    assert helper is not None, component.errorString()
    QQmlEngine.setObjectOwnership(helper, QQmlEngine.ObjectOwnership.CppOwnership)
    helper.setParent(app.ui.engine)
    return helper


def _search_field(app: Any, qtbot: Any) -> Any:
    app.ui.kiosk.intent("home.services")
    qtbot.waitUntil(lambda: app.machine.state.value == "catalogue", timeout=5000)
    field = next(i for i in walk(app.ui.window.contentItem()) if i.objectName() == SEARCH_FIELD)
    field.forceActiveFocus()
    qtbot.waitUntil(lambda: bool(field.hasActiveFocus()), timeout=5000)
    return field


def _candidates(helper: QObject) -> list[str]:
    value = QMetaObject.invokeMethod(helper, "candidates", Q_RETURN_ARG("QVariant"))
    return [str(c) for c in (value.toVariant() if hasattr(value, "toVariant") else value)]


def _type(helper: QObject, qtbot: Any, keys: str) -> None:
    QMetaObject.invokeMethod(helper, "typeKeys", Q_ARG("QVariant", keys))
    qtbot.waitUntil(lambda: len(_candidates(helper)) > 0, timeout=5000)


def test_a_name_typed_in_pinyin_is_not_learned_for_the_next_session(app: Any, qtbot: Any) -> None:
    helper = _helper(app)
    field = _search_field(app, qtbot)
    _type(helper, qtbot, "zhaohong")
    first_offer = _candidates(helper)[0]
    QMetaObject.invokeMethod(helper, "choose", Q_ARG("QVariant", 3))
    qtbot.wait(50)
    QMetaObject.invokeMethod(helper, "choose", Q_ARG("QVariant", 4))
    qtbot.waitUntil(lambda: len(str(field.property("text"))) == 2, timeout=5000)
    typed = str(field.property("text"))
    assert typed != first_offer

    app.ui.kiosk.intent("home")
    qtbot.waitUntil(lambda: app.machine.state.value == "home", timeout=5000)
    field = _search_field(app, qtbot)
    assert field.property("text") == ""
    _type(helper, qtbot, "zhaohong")
    offered = _candidates(helper)
    assert offered[0] == first_offer
    assert offered[0] != typed


def test_every_text_field_switches_keyboard_learning_off(app: Any, qtbot: Any) -> None:
    _search_field(app, qtbot)
    fields = [i for i in walk(app.ui.window.contentItem()) if is_text_input(i)]
    assert fields
    for field in fields:
        assert field.property("inputMethodHints").value & SENSITIVE_HINT, field.objectName()
