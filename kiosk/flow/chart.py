"""The words the flow table is written in: nodes (phases and states), rows, guards.

* A :class:`Node` is a state (a screen) or a phase (a group of nodes). Nodes nest; each may
  have ``entry`` and ``exit`` steps, a device activity it ``runs`` while the flow is inside
  it, and ``rows``. Leaving a node runs its exit steps and stops its activity, innermost
  first; entering runs entry steps and starts the activity, outermost first.
* A :class:`Row` says: in ``state`` (a state, or any state of a phase), on event ``on``,
  when the guard ``when`` holds, run the steps ``do`` and go ``to`` a state, :data:`STAY`
  (no exit or entry) or :class:`Return` (back to the state the phase was entered from).
  ``because`` is the reason the new screen shows; a state change without one clears it.
* A guard is a :class:`When`: a named :class:`Decision` about the context and the event, and
  the answers for which the row applies. Rows for the same state and event must be told
  apart by answers of the same decision (or :data:`OTHERWISE`), so no row depends on the
  order of the table; :func:`overlaps` finds rows that could both match.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import KW_ONLY, dataclass, field
from enum import Enum
from typing import Any, Generic, TypeVar

from kiosk.flow import events as ev
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import Effect
from kiosk.flow.states import Phase, Reason, State

Step = Callable[[FlowContext, ev.Event], Effect | None]
"""Updates the context or session and may ask for one effect."""

Answer = TypeVar("Answer", bound=Hashable)


class Decision(Generic[Answer]):
    """A named question about the context and the event, e.g. "what does this card allow?"."""

    def __init__(self, ask: Callable[[FlowContext, ev.Event], Answer]) -> None:
        self.ask = ask
        self.name = ask.__name__
        self.__doc__ = ask.__doc__

    def __call__(self, ctx: FlowContext, event: ev.Event) -> Answer:
        return self.ask(ctx, event)

    def is_(self, *answers: Answer) -> When:
        """The guard "this decision answers one of ``answers``"."""
        return When(self, frozenset(answers))


@dataclass(frozen=True)
class When:
    """A guard: ``decision`` answers one of ``answers``. :data:`OTHERWISE` has no decision."""

    decision: Decision[Any] | None
    answers: frozenset[Hashable]

    def holds(self, ctx: FlowContext, event: ev.Event) -> bool:
        """Whether the row applies (never true for :data:`OTHERWISE`)."""
        return self.decision is not None and self.decision(ctx, event) in self.answers

    def __invert__(self) -> When:
        """The opposite of a yes/no guard."""
        if self.answers not in ({True}, {False}):
            raise ValueError("only a yes/no guard has an opposite")
        return When(self.decision, frozenset({True, False}) - self.answers)

    @property
    def label(self) -> str:
        """How the diagram writes the guard."""
        if self.decision is None:
            return "otherwise"
        if self.answers == {True}:
            return self.decision.name
        if self.answers == {False}:
            return f"not {self.decision.name}"
        shown = sorted(str(a.value if isinstance(a, Enum) else a) for a in self.answers)
        return f"{self.decision.name} = {' | '.join(shown)}"


OTHERWISE = When(None, frozenset())
"""The guard of the row taken when no other row for the same state and event applies."""


def decision(ask: Callable[[FlowContext, ev.Event], Answer]) -> Decision[Answer]:
    """Make ``ask`` a decision; rows name its answers with ``.is_(...)``."""
    return Decision(ask)


def predicate(ask: Callable[[FlowContext, ev.Event], bool]) -> When:
    """Make a yes/no question a guard (``when=p``, or ``when=~p`` for its opposite)."""
    return When(Decision(ask), frozenset({True}))


class Target(Enum):
    """Where a row goes besides a state."""

    STAY = "stay"


STAY = Target.STAY
"""Stay in the state: run the steps, no exit or entry, the reason is kept."""


@dataclass(frozen=True)
class Return:
    """Back to the state from which ``phase`` was entered (a phase called like a subroutine)."""

    phase: Phase


@dataclass(frozen=True)
class Activity:
    """Device work that runs exactly while the flow is inside a node."""

    start: Effect
    stop: Effect


def _steps(value: Step | tuple[Step, ...]) -> tuple[Step, ...]:
    return value if isinstance(value, tuple) else (value,)


@dataclass(frozen=True)
class Row:
    """One transition: in ``state`` on ``on`` when ``when``: do ``do``, go ``to``."""

    state: State | Phase
    _: KW_ONLY
    on: type[ev.Event] | tuple[type[ev.Event], ...]
    when: When | None = None
    do: Step | tuple[Step, ...] = ()
    to: State | Target | Return
    because: Reason | None = None

    @property
    def events(self) -> tuple[type[ev.Event], ...]:
        """The event types the row reacts to."""
        return self.on if isinstance(self.on, tuple) else (self.on,)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps, in order."""
        return _steps(self.do)


@dataclass(frozen=True)
class Node:
    """A state or a phase of the flow, with what happens on entering and leaving it."""

    id: State | Phase
    _: KW_ONLY
    contains: tuple[Node | State, ...] = ()
    entry: Step | tuple[Step, ...] = ()
    exit: Step | tuple[Step, ...] = ()
    runs: Activity | None = None
    rows: tuple[Row, ...] = ()

    @property
    def children(self) -> tuple[Node, ...]:
        """The nested nodes (a bare state is a node without steps)."""
        return tuple(c if isinstance(c, Node) else Node(c) for c in self.contains)

    @property
    def entry_steps(self) -> tuple[Step, ...]:
        """Steps run on entering."""
        return _steps(self.entry)

    @property
    def exit_steps(self) -> tuple[Step, ...]:
        """Steps run on leaving."""
        return _steps(self.exit)

    def walk(self) -> Iterator[Node]:
        """This node and every node inside it, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Chart:
    """The whole flow: the root node and the facts taken from events before any row."""

    root: Node
    facts: Mapping[type[ev.Event], Step] = field(default_factory=dict)
    paths: Mapping[State, tuple[Node, ...]] = field(init=False, repr=False)
    lineage: Mapping[State | Phase, tuple[State | Phase, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        paths: dict[State, tuple[Node, ...]] = {}
        lineage: dict[State | Phase, tuple[State | Phase, ...]] = {}
        self._index(self.root, (), paths, lineage)
        missing = set(State) - set(paths)
        if missing:
            raise ValueError(f"states in no node: {sorted(missing)}")
        object.__setattr__(self, "paths", paths)
        object.__setattr__(self, "lineage", lineage)
        for node in self.root.walk():
            for row in node.rows:
                self._check_row(node, row)

    def _index(
        self,
        node: Node,
        above: tuple[Node, ...],
        paths: dict[State, tuple[Node, ...]],
        lineage: dict[State | Phase, tuple[State | Phase, ...]],
    ) -> None:
        path = (*above, node)
        if node.id in lineage:
            raise ValueError(f"{node.id} is declared twice")
        lineage[node.id] = tuple(n.id for n in path)
        if isinstance(node.id, State):
            if node.contains:
                raise ValueError(f"state {node.id} contains nodes; only a phase may")
            paths[node.id] = path
        for child in node.children:
            self._index(child, path, paths, lineage)

    def _check_row(self, node: Node, row: Row) -> None:
        if node.id not in self.lineage[row.state]:
            raise ValueError(f"row from {row.state} is declared outside it, in {node.id}")
        if isinstance(row.to, Return) and row.to.phase not in self.lineage[node.id]:
            raise ValueError(f"row in {node.id} returns from {row.to.phase}, not around it")

    def states_in(self, id_: State | Phase) -> frozenset[State]:
        """The states of a phase, or the state itself."""
        return frozenset(s for s in self.paths if id_ in self.lineage[s])

    def rows_for(self, state: State) -> Iterator[Row]:
        """Every row that applies in ``state`` (its own and those of its phases)."""
        for node in self.paths[state]:
            for row in node.rows:
                if state in self.states_in(row.state):
                    yield row

    def activities(self) -> tuple[tuple[frozenset[State], Activity], ...]:
        """Each device activity with the states in which it runs."""
        return tuple(
            (self.states_in(n.id), n.runs) for n in self.root.walk() if n.runs is not None
        )


def overlaps(chart: Chart) -> list[str]:
    """Rows for the same state and event that could both match; empty when none can.

    Rows of one group must all be guarded by answers of one decision, pairwise disjoint, with
    at most one :data:`OTHERWISE`; an unguarded row must be alone.
    """
    problems = []
    for state in State:
        groups: dict[type[ev.Event], list[Row]] = {}
        for row in chart.rows_for(state):
            for event in row.events:
                groups.setdefault(event, []).append(row)
        for event, rows in groups.items():
            if len(rows) > 1 and not _exclusive(rows):
                problems.append(f"{state.value} on {event.__name__}: {len(rows)} rows may match")
    return problems


def _exclusive(rows: list[Row]) -> bool:
    guards = [r.when for r in rows]
    if any(g is None for g in guards) or guards.count(OTHERWISE) > 1:
        return False
    asked = [g for g in guards if g is not None and g is not OTHERWISE]
    if len({id(g.decision) for g in asked}) > 1:
        return False
    seen: set[Hashable] = set()
    for guard in asked:
        if seen & guard.answers:
            return False
        seen |= guard.answers
    return True
