"""Stop PySide6 from reading and keeping the source of every module the kiosk imports.

After ``import PySide6``, every import calls ``shibokensupport.feature.feature_imported``,
which asks whether the new module uses PySide (for PySide's optional ``from __feature__
import snake_case``) by ``inspect.getsource(module)`` and a search for "PySide6". That reads
each module through :mod:`linecache`, which keeps every source it read for the life of the
process: about 400 modules, 0.1–0.2 s of the kiosk's start and about 20 MiB held all day
(measured with ``benchmarks/bench_startup.py`` and ``benchmarks/bench_ui.py``). The kiosk
uses no ``__feature__``; :func:`read_sources_without_keeping` gives PySide the same answer
(the word in the module's source file) from a plain read that keeps nothing. Call it right
after the first PySide6 import, before the bulk of the kiosk's modules.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
PROBE = "_mod_uses_pyside"


def module_uses_pyside(module: ModuleType) -> bool:
    """PySide's own test (the word "PySide6" in the module's source file; False for modules
    without a ``.py`` source), read without :mod:`linecache`."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def read_sources_without_keeping() -> bool:
    """Give PySide's import hook :func:`module_uses_pyside`; False when PySide6 is not
    imported yet or its hook is not the one this replaces (a PySide version without it)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, PROBE, None)):
        return False
    setattr(feature, PROBE, module_uses_pyside)
    return True
