"""PySide's import hook answers from a plain read of the source, and keeps no source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from entry.pyside_feature import module_uses_pyside, read_sources_without_keeping


def _module(tmp_path: Path, name: str, source: str) -> ModuleType:
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    module = ModuleType(name)
    module.__file__ = str(path)
    return module


def test_a_module_naming_pyside6_uses_it_and_others_do_not(tmp_path: Path) -> None:
    assert module_uses_pyside(_module(tmp_path, "qt", "from PySide6.QtCore import QObject\n"))
    assert not module_uses_pyside(_module(tmp_path, "plain", "import json\n"))
    assert not module_uses_pyside(ModuleType("builtin_like"))
    missing = ModuleType("gone")
    missing.__file__ = str(tmp_path / "gone.py")
    assert not module_uses_pyside(missing)


def test_the_answer_is_pysides_own_for_the_kiosks_modules() -> None:
    pytest.importorskip("PySide6.QtCore")
    feature = sys.modules["shibokensupport.feature"]
    import entry.app
    import kiosk.catalogue.search

    for module in (entry.app, kiosk.catalogue.search):
        assert module_uses_pyside(module) is feature._mod_uses_pyside(module)  # type: ignore[attr-defined]


def test_after_it_is_installed_imports_keep_no_source(tmp_path: Path) -> None:
    (tmp_path / "kiosk_probe_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    probe = (
        "import linecache, sys\n"
        "import PySide6.QtCore\n"
        "from entry.pyside_feature import read_sources_without_keeping\n"
        "print(read_sources_without_keeping())\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import kiosk_probe_module\n"
        "print(any('kiosk_probe_module' in f for f in linecache.cache))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["True", "False"]


def test_without_pyside_loaded_there_is_nothing_to_replace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature", raising=False)
    assert read_sources_without_keeping() is False
