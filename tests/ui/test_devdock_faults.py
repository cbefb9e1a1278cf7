"""The dev dock offers every fault of the ID-card emulator, and its buttons send them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMetaObject, QObject, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

import ui.bridge.devdock as devdock
from drivers.id_card.emulator import IdCardFault
from ui.bridge.automation import walk
from ui.bridge.devdock import CARD_FAULTS, DevDockViewModel

DOCK_QML = Path(devdock.__file__).resolve().parents[1] / "qml" / "DevDock.qml"
BASE_URL = "http://127.0.0.1:1"


class InlineWorkers:
    """Runs the dock's work at once on the calling thread."""

    def submit(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            result = work()
        except Exception as error:
            if failed is not None:
                failed(error)
            return
        done(result)


def test_dock_faults_are_the_emulators() -> None:
    assert list(CARD_FAULTS) == [fault.value for fault in IdCardFault]


@pytest.fixture
def dock(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[QQuickItem, list[Any]]]:
    sent: list[Any] = []

    def fake_request(base_url: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        sent.append((method, path, body))
        return (200, ["resident"]) if path == "/sim/id-card/fixtures" else (204, None)

    monkeypatch.setattr(devdock, "request_json", fake_request)
    engine = QQmlEngine()
    view_model = DevDockViewModel(BASE_URL, InlineWorkers(), engine)  # type: ignore[arg-type]
    engine.rootContext().setContextProperty("devDock", view_model)
    component = QQmlComponent(engine, QUrl.fromLocalFile(str(DOCK_QML)))
    root = component.create()
    assert isinstance(root, QQuickItem), component.errorString()
    try:
        yield root, sent
    finally:
        root.deleteLater()
        engine.deleteLater()


def _find(root: QQuickItem, name: str) -> QObject:
    found = [item for item in walk(root) if item.objectName() == name]
    assert len(found) == 1, f"{len(found)} items named {name} in the dock"
    return found[0]


def test_every_fault_has_a_button_that_sends_it(dock: tuple[QQuickItem, list[Any]]) -> None:
    root, sent = dock
    for fault in CARD_FAULTS:
        sent.clear()
        QMetaObject.invokeMethod(_find(root, f"dock_card_fault_{fault}"), "click")
        assert sent == [("POST", "/sim/id-card/fault", {"fault": fault})]


def test_clear_faults_button(dock: tuple[QQuickItem, list[Any]]) -> None:
    root, sent = dock
    sent.clear()
    QMetaObject.invokeMethod(_find(root, "dock_card_fault_clear"), "click")
    assert sent == [("DELETE", "/sim/id-card/fault", None)]
