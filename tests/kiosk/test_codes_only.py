"""The kiosk layer speaks in codes: no citizen-facing (CJK) text in its string literals.

Docstrings and comments may quote the words they are about. There are no exceptions: the
simulated platform, whose catalogue and records are Chinese data, lives in ``platform_sim/``,
and the command line's help in ``entry/``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of string statements: module, class, function and attribute docstrings."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        for statement in body if isinstance(body, list) else []:
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                found.add(id(statement.value))
    return found


def cjk_literals(source: str) -> list[str]:
    """The string literals of ``source`` (docstrings aside) holding CJK characters."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and CJK.search(node.value)
    ]


def test_no_kiosk_module_holds_citizen_text() -> None:
    found = {}
    for path in sorted(KIOSK.rglob("*.py")):
        relative = path.relative_to(KIOSK).as_posix()
        literals = cjk_literals(path.read_text(encoding="utf-8"))
        if literals:
            found[relative] = literals
    assert found == {}


def test_the_scan_finds_text_but_not_docstrings() -> None:
    source = (
        '"""模块。"""\n'
        'X = "请稍候"\n'
        '"""属性说明。"""\n'
        "def f() -> str:\n"
        '    """函数。"""\n'
        '    return "ok"\n'
    )
    assert cjk_literals(source) == ["请稍候"]
