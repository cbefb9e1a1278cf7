"""Clearing the UI between citizens: QML fields and images, the camera frame, the clipboard.

:func:`wipe_window` runs on every session wipe (the flow's ``WipeSession`` effect); the flow
wipes its session itself. :func:`residue` lists what would survive, for tests and self-checks.
"""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ui.bridge.automation import is_text_input, walk

SESSION_IMAGE_PREFIXES = ("image://camera",)
"""Image sources that can carry a citizen's picture."""


def _is_image(item: QQuickItem) -> bool:
    return bool(item.inherits("QQuickImage"))


def _session_image(item: QQuickItem) -> bool:
    if not _is_image(item):
        return False
    source = item.property("source")
    text = source.toString() if hasattr(source, "toString") else str(source or "")
    return text.startswith(SESSION_IMAGE_PREFIXES)


def wipe_window(window: QQuickWindow) -> None:
    """Empty every text field and session image in the window and clear the clipboard."""
    for item in walk(window.contentItem()):
        if is_text_input(item) and item.property("text"):
            item.setProperty("text", "")
        elif _session_image(item):
            item.setProperty("source", "")
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


def residue(window: QQuickWindow) -> list[str]:
    """Descriptions of anything a citizen could have left: text in a field, a session image,
    or text on the clipboard. Empty after :func:`wipe_window`."""
    found = []
    for item in walk(window.contentItem()):
        if is_text_input(item) and item.property("text"):
            found.append(f"text in {item.objectName() or item.metaObject().className()}")
        elif _session_image(item):
            found.append(f"image {item.objectName() or '?'}")
    if QGuiApplication.clipboard().text():
        found.append("clipboard")
    return found
