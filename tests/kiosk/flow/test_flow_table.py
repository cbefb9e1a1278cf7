"""Static checks of the flow table: every state reachable, none a dead end, no row that
depends on the order of the table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import OTHERWISE, STAY, Chart, Node, Return, Row, overlaps
from kiosk.flow.states import Phase, State
from kiosk.flow.table import CHART


def callers(phase: Phase) -> set[State]:
    """The states outside ``phase`` with a row into it: where a return can lead."""
    inside = CHART.states_in(phase)
    return {
        s
        for s in set(State) - inside
        for row in CHART.rows_for(s)
        if isinstance(row.to, State) and row.to in inside
    }


def targets(state: State) -> set[State]:
    found: set[State] = set()
    for row in CHART.rows_for(state):
        if isinstance(row.to, State):
            found.add(row.to)
        elif isinstance(row.to, Return):
            found |= callers(row.to.phase)
    return found


def reachable(start: State) -> set[State]:
    seen, todo = {start}, [start]
    while todo:
        for target in targets(todo.pop()) - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_every_state_is_reachable_from_home() -> None:
    assert reachable(State.HOME) == set(State)


def test_every_state_can_get_back_home() -> None:
    for state in State:
        assert State.HOME in reachable(state), state


def test_every_citizen_screen_can_be_left_by_go_home() -> None:
    for state in set(State) - {State.HOME, State.ATTRACT, State.OUT_OF_SERVICE}:
        assert any(ev.GoHome in r.events for r in CHART.rows_for(state)), state


def test_no_two_rows_for_a_state_and_event_can_both_match() -> None:
    assert overlaps(CHART) == []


def with_row(row: Row) -> Chart:
    """The table with ``row`` added to the root."""
    root = replace(CHART.root, rows=(*CHART.root.rows, row))
    return Chart(root, CHART.facts)


@pytest.mark.parametrize(
    "row",
    [
        Row(State.GUIDE, on=ev.Back, to=State.HOME),
        Row(Phase.SESSION, on=ev.Back, when=a.has_matter, to=State.HOME),
        Row(State.QR_LOGIN, on=ev.QrScanned, when=OTHERWISE, to=State.HOME),
        Row(State.FACE_VERIFYING, on=ev.VerifyFailed, when=a.face_failure.is_(
            a.FaceFailure.NO_FACE), to=State.HOME),
        Row(State.HOME, on=ev.StartQrLogin, when=~a.has_matter, to=State.CATALOGUE),
    ],
)
def test_an_overlapping_row_is_found(row: Row) -> None:
    assert overlaps(with_row(row)) != []


def test_rows_told_apart_by_one_decision_do_not_overlap() -> None:
    extra = Row(State.HOME, on=ev.Back, when=a.has_matter, to=State.CATALOGUE)
    otherwise = Row(State.HOME, on=ev.Back, when=OTHERWISE, to=STAY)
    root = replace(CHART.root, rows=(*CHART.root.rows, extra, otherwise))
    assert overlaps(Chart(root, CHART.facts)) == []


def test_a_row_declared_outside_its_state_is_refused() -> None:
    stray = Node(State.OUT_OF_SERVICE, rows=(Row(State.HOME, on=ev.Wake, to=State.HOME),))
    with pytest.raises(ValueError, match="outside"):
        Chart(Node(Phase.KIOSK, contains=(stray, *CHART.root.children[1:])))
