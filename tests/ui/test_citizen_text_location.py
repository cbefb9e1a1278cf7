"""Citizen-facing text lives in the UI's text modules only: ``ui/text.py`` and
``ui/<area>_text.py``; every other UI module (view-models, bridges) passes codes and values to
them. The scan is the kiosk layer's (:func:`tests.kiosk.test_codes_only.cjk_literals`)."""

from __future__ import annotations

from pathlib import Path

from tests.kiosk.test_codes_only import cjk_literals

UI = Path(__file__).resolve().parents[2] / "ui"


def is_text_module(path: Path) -> bool:
    """``ui/text.py`` or a ``ui/<area>_text.py`` beside it."""
    return path.parent == UI and (path.name == "text.py" or path.name.endswith("_text.py"))


def test_no_ui_module_but_the_text_modules_holds_citizen_text() -> None:
    found = {}
    for path in sorted(UI.rglob("*.py")):
        literals = [] if is_text_module(path) else cjk_literals(path.read_text(encoding="utf-8"))
        if literals:
            found[path.relative_to(UI).as_posix()] = literals
    assert found == {}


def test_the_text_modules_are_the_top_level_text_files_only() -> None:
    assert is_text_module(UI / "text.py")
    assert is_text_module(UI / "guide_text.py")
    assert not is_text_module(UI / "bridge" / "guide.py")
    assert not is_text_module(UI / "bridge" / "guide_text.py")
    assert not is_text_module(UI / "context.py")
