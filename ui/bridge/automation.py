"""UI automation over the simulation control API (simulated devices only, loopback).

``GET /ui/state`` lists every actionable item on screen; ``POST /ui/tap`` and ``POST /ui/type``
act on one by its ``objectName``. Handlers run on the control server's threads and marshal
to the GUI thread through :meth:`kiosk.workers.Workers.call` (queued, waited with a timeout).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

from PySide6.QtCore import QMetaObject, QObject
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.workers import Workers

GUI_TIMEOUT_S = 5.0


class RouteTable(Protocol):
    """The part of ``simulation.server.ControlServer`` used here."""

    def route(
        self, method: str, path: str, handler: Callable[[Any], tuple[int, Any]]
    ) -> None:
        """Register ``handler`` for ``method path``."""
        ...


def is_button(item: QObject) -> bool:
    """True for Qt Quick Controls buttons (anything with ``click()`` and ``clicked()``)."""
    meta = item.metaObject()
    return meta.indexOfMethod("click()") >= 0 and meta.indexOfSignal("clicked()") >= 0


def is_text_input(item: QObject) -> bool:
    """True for single- and multi-line text inputs (TextInput, TextField, TextEdit, TextArea)."""
    return bool(item.inherits("QQuickTextInput") or item.inherits("QQuickTextEdit"))


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    """``item`` and every item below it, depth first, in visual child order."""
    yield item
    for child in item.childItems():
        yield from walk(child)


def actionable(window: QQuickWindow) -> list[QQuickItem]:
    """Every visible, named button or text input in the window, in visual order."""
    return [
        item
        for item in walk(window.contentItem())
        if item.objectName() and item.isVisible() and (is_button(item) or is_text_input(item))
    ]


FIELD_PROPERTIES = ("fieldId", "fieldKind", "fieldLabel", "fieldRequired", "fieldError")
"""What a form field's input (or a select's chip) declares for automation (FormField.qml)."""


def describe(item: QQuickItem) -> dict[str, Any]:
    """The JSON view of an actionable item; a form field's also carries its ``kind`` (text,
    select, checkbox, date…), ``label``, ``required``, ``value`` and ``error``, and a select's
    chip its ``field``, ``option`` and ``selected``."""
    described: dict[str, Any] = {
        "object_name": item.objectName(),
        "text": str(item.property("text") or ""),
        "enabled": bool(item.isEnabled()),
        "visible": bool(item.isVisible()),
        "kind": "text_input" if is_text_input(item) else "button",
        "primary": bool(item.property("primary")) if is_button(item) else False,
    }
    field_id = item.property("fieldId")
    if isinstance(field_id, str) and field_id:
        described |= {
            "field": field_id,
            "kind": str(item.property("fieldKind")),
            "label": str(item.property("fieldLabel")),
            "required": bool(item.property("fieldRequired")),
            "error": str(item.property("fieldError") or ""),
        }
        if is_text_input(item):
            described["value"] = described["text"]
        else:
            described["option"] = str(item.property("optionValue") or "")
            described["selected"] = bool(item.property("selected"))
    return described


def visible_texts(window: QQuickWindow) -> list[dict[str, Any]]:
    """Every visible, non-empty text on screen (titles, messages, numbers), kind ``text``."""
    return [
        {"object_name": item.objectName(), "text": str(item.property("text")), "kind": "text"}
        for item in walk(window.contentItem())
        if item.inherits("QQuickText") and item.isVisible() and item.property("text")
    ]


class UiAutomation:
    """Finds items by ``objectName`` and taps or types into them (GUI thread only)."""

    def __init__(self, window: QQuickWindow, screen: Callable[[], str]) -> None:
        self._window = window
        self._screen = screen

    def state(self) -> dict[str, Any]:
        """The current screen id, its actionable items, then its visible texts."""
        items = [describe(i) for i in actionable(self._window)]
        return {"screen": self._screen(), "items": items + visible_texts(self._window)}

    def find(self, object_name: str) -> QQuickItem | None:
        """The visible actionable item with that name (the topmost when several match)."""
        matches = [i for i in actionable(self._window) if i.objectName() == object_name]
        return matches[-1] if matches else None

    def tap(self, object_name: str) -> tuple[int, Any]:
        """Click the named button; 404 when absent, 409 when disabled."""
        item = self.find(object_name)
        if item is None or not is_button(item):
            return 404, {"error": f"no button '{object_name}' on screen {self._screen()}"}
        if not item.isEnabled():
            return 409, {"error": f"'{object_name}' is disabled"}
        QMetaObject.invokeMethod(item, "click")
        return 200, {"screen": self._screen()}

    def type_text(self, object_name: str, text: str) -> tuple[int, Any]:
        """Focus the named text input and replace its text; 404 when absent."""
        item = self.find(object_name)
        if item is None or not is_text_input(item):
            return 404, {"error": f"no text input '{object_name}' on screen {self._screen()}"}
        item.forceActiveFocus()
        item.setProperty("text", text)
        return 200, {"screen": self._screen(), "text": str(item.property("text"))}


def _name(body: Any) -> str:
    value = (body or {}).get("object_name")
    if not isinstance(value, str) or not value:
        raise ValueError("'object_name' must be a non-empty string")
    return value


def register_routes(
    server: RouteTable, automation: UiAutomation, workers: Workers, touch: Callable[[], None]
) -> None:
    """Mount ``/ui/state``, ``/ui/tap`` and ``/ui/type``; taps and typing count as touches
    (after the action, so a tap on the idle dialog reaches its button)."""

    def state(_: Any) -> tuple[int, Any]:
        return 200, workers.call(automation.state, GUI_TIMEOUT_S)

    def act(action: Callable[[], tuple[int, Any]]) -> tuple[int, Any]:
        def run() -> tuple[int, Any]:
            result = action()
            touch()
            return result

        return workers.call(run, GUI_TIMEOUT_S)

    def tap(body: Any) -> tuple[int, Any]:
        try:
            name = _name(body)
        except ValueError as error:
            return 400, {"error": str(error)}
        return act(lambda: automation.tap(name))

    def type_(body: Any) -> tuple[int, Any]:
        try:
            name = _name(body)
        except ValueError as error:
            return 400, {"error": str(error)}
        text = (body or {}).get("text")
        if not isinstance(text, str):
            return 400, {"error": "'text' must be a string"}
        return act(lambda: automation.type_text(name, text))

    server.route("GET", "/ui/state", state)
    server.route("POST", "/ui/tap", tap)
    server.route("POST", "/ui/type", type_)
