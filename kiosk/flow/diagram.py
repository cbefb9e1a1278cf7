"""The flow table drawn as a Mermaid state diagram (``python -m kiosk.flow --diagram``).

Phases are composite states; an edge is ``Event [guard] / steps``; a self-loop is a row that
stays; an edge into a phase's ``return`` node goes back to the state the phase was entered
from. ``docs/flow.md`` holds the output, and a test fails when it is stale.
"""

from __future__ import annotations

from kiosk.flow.chart import STAY, Chart, Node, Return, Row, Step
from kiosk.flow.states import Phase, State
from kiosk.flow.table import CHART

_INDENT = "    "


def _names(steps: tuple[Step, ...]) -> str:
    return ", ".join(step.__name__ for step in steps)


def _describe(node: Node) -> str:
    parts = []
    if node.entry_steps:
        parts.append(f"entry {_names(node.entry_steps)}")
    if node.exit_steps:
        parts.append(f"exit {_names(node.exit_steps)}")
    if node.runs is not None:
        parts.append(f"runs {type(node.runs.start).__name__}")
    return " · ".join(parts)


def _returned_from(chart: Chart) -> set[Phase]:
    return {
        row.to.phase for n in chart.root.walk() for row in n.rows if isinstance(row.to, Return)
    }


def _declare(node: Node, depth: int, returns: set[Phase]) -> list[str]:
    pad = _INDENT * depth
    described = _describe(node)
    if isinstance(node.id, State):
        return [f"{pad}{node.id.value} : {described}" if described else f"{pad}{node.id.value}"]
    lines = [f"{pad}state {node.id.value} {{"]
    for child in node.children:
        lines.extend(_declare(child, depth + 1, returns))
    if node.id in returns:
        lines.append(f'{pad}{_INDENT}state "return to caller" as {node.id.value}_return')
    lines.append(f"{pad}}}")
    if described:
        lines.append(f"{pad}note right of {node.id.value} : {described}")
    return lines


def _edges(row: Row) -> list[str]:
    source = row.state.value
    if row.to is STAY:
        target = source
    elif isinstance(row.to, Return):
        target = f"{row.to.phase.value}_return"
    else:
        target = row.to.value
    guard = f" [{row.when.label}]" if row.when is not None else ""
    steps = [s.__name__ for s in row.steps]
    if row.because is not None:
        steps.append(f"because {row.because.value}")
    did = f" / {', '.join(steps)}" if steps else ""
    return [f"{_INDENT}{source} --> {target} : {e.__name__}{guard}{did}" for e in row.events]


def mermaid(chart: Chart = CHART) -> str:
    """The chart as a ``stateDiagram-v2``; the root's children are drawn at the top level."""
    returns = _returned_from(chart)
    lines = ["stateDiagram-v2", f"{_INDENT}[*] --> {State.HOME.value}"]
    for child in chart.root.children:
        lines.extend(_declare(child, 1, returns))
    for node in chart.root.walk():
        for row in node.rows:
            lines.extend(_edges(row))
    return "\n".join(lines) + "\n"
