"""Static checks of the flow table: every state reachable, none a dead end."""

from __future__ import annotations

from kiosk.flow import events as ev
from kiosk.flow.states import State
from kiosk.flow.table import TRANSITIONS


def targets(state: State) -> set[State]:
    return {t.target for t in TRANSITIONS if state in t.source and t.target is not None}


def test_every_state_is_reachable_from_home() -> None:
    seen, todo = {State.HOME}, [State.HOME]
    while todo:
        for target in targets(todo.pop()) - seen:
            seen.add(target)
            todo.append(target)
    assert seen == set(State)


def test_every_state_can_get_back_home() -> None:
    for state in State:
        seen, todo = {state}, [state]
        while todo:
            for target in targets(todo.pop()) - seen:
                seen.add(target)
                todo.append(target)
        assert State.HOME in seen, state


def test_every_citizen_screen_can_be_left_by_go_home() -> None:
    for state in set(State) - {State.HOME, State.ATTRACT, State.OUT_OF_SERVICE}:
        assert any(state in t.source and t.event is ev.GoHome for t in TRANSITIONS), state
