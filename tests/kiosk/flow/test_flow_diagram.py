"""The diagram in docs/flow.md is the one the table draws now."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.flow.__main__ import main
from kiosk.flow.diagram import mermaid
from kiosk.flow.states import Phase, State

DOC = Path(__file__).resolve().parents[3] / "docs" / "flow.md"


def test_docs_flow_md_holds_the_current_diagram() -> None:
    blocks = re.findall(r"```mermaid\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks == [mermaid()], "regenerate with: python -m kiosk.flow --diagram"


def test_the_diagram_draws_every_state_and_phase() -> None:
    drawn = mermaid()
    assert all(re.search(rf"\b{s.value}\b", drawn) for s in State)
    assert all(f"state {p.value} {{" in drawn for p in Phase if p is not Phase.KIOSK)
    assert "identity_card --> identity_return : Back" in drawn


def test_the_command_prints_the_diagram(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--diagram"]) == 0
    assert capsys.readouterr().out == mermaid()
