"""Runs the flow table (:mod:`kiosk.flow.table`) with an injectable clock.

On each event: an :class:`~kiosk.flow.events.Intent` restarts the idle clock; a
:class:`~kiosk.flow.events.Reply` to a request no longer pending is dropped; the table's
facts are taken; then the one row that matches (the table guarantees there is at most one,
see :func:`~kiosk.flow.chart.overlaps`) is taken: exit steps innermost first, the row's
steps, entry steps outermost first.

The machine is pure: it changes its state and session and emits :class:`Effect` values; the
app layer executes them and answers with events. It lives on one thread (the GUI thread);
events from workers must be marshalled there before :meth:`FlowMachine.dispatch`.

Time: the app calls :meth:`FlowMachine.tick` periodically (e.g. every 250 ms) and
:meth:`FlowMachine.touch` on any user activity; the machine reads the clock it was given,
so tests drive it with a fake clock and no sleeps.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime

from drivers.base import DeviceClass, DeviceStatus
from kiosk.flow import events as ev
from kiosk.flow.chart import OTHERWISE, STAY, Chart, Node, Return, Row
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import Effect
from kiosk.flow.states import Phase, State
from kiosk.flow.table import CHART
from kiosk.flow.timeouts import IDLE_COUNTDOWN_S, for_state, paced
from kiosk.flow.view import FlowView, build_view
from kiosk.session import Session

log = logging.getLogger(__name__)

Clock = Callable[[], float]
ViewObserver = Callable[[FlowView], None]
EffectObserver = Callable[[Effect], None]

class FlowMachine:
    """The citizen flow: current state, session, timers, and observers of views and effects."""

    def __init__(
        self,
        *,
        clock: Clock = time.monotonic,
        today: Callable[[], date] = date.today,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC),
        devices: Mapping[DeviceClass, DeviceStatus] | None = None,
        session: Session | None = None,
        chart: Chart = CHART,
    ) -> None:
        self._chart = chart
        self._clock = clock
        self._today = today
        self._wall = wall
        self._ctx = FlowContext(session=session or Session(), devices=dict(devices or {}))
        self._ctx.now = clock()
        self._state = State.HOME if self._ctx.in_service() else State.OUT_OF_SERVICE
        self._entered_at = self._ctx.now
        self._last_activity = self._ctx.now
        self._countdown_deadline: float | None = None
        self._entered_from: dict[Phase, State] = {}
        self._queue: deque[ev.Event] = deque()
        self._running = False
        self._emitted: list[Effect] = []
        self._view_observers: list[ViewObserver] = []
        self._effect_observers: list[EffectObserver] = []
        self._view = self._build_view()

    # --- reading --------------------------------------------------------------------------

    @property
    def state(self) -> State:
        """The current state (screen id)."""
        return self._state

    @property
    def view(self) -> FlowView:
        """What the screens show now."""
        return self._view

    @property
    def session(self) -> Session:
        """The current citizen's session (read it; only the machine changes it)."""
        return self._ctx.session

    @property
    def pending_request(self) -> int | None:
        """The request id whose answer the flow is waiting for, if any."""
        return self._ctx.pending_request

    # --- observers ------------------------------------------------------------------------

    def on_view(self, observer: ViewObserver) -> Callable[[], None]:
        """Call ``observer(view)`` on every change of the view; returns an unsubscribe."""
        self._view_observers.append(observer)
        return lambda: self._view_observers.remove(observer)

    def on_effect(self, observer: EffectObserver) -> Callable[[], None]:
        """Call ``observer(effect)`` for every effect, in order; returns an unsubscribe."""
        self._effect_observers.append(observer)
        return lambda: self._effect_observers.remove(observer)

    # --- driving --------------------------------------------------------------------------

    def dispatch(self, event: ev.Event) -> list[Effect]:
        """Handle ``event`` (and any event an observer dispatches meanwhile, in order).

        Returns the effects emitted while handling it; observers get them as well. A nested
        call from an observer queues its event and returns an empty list.
        """
        self._queue.append(event)
        if self._running:
            return []
        self._running = True
        self._emitted = []
        try:
            while self._queue:
                self._handle(self._queue.popleft())
        finally:
            self._running = False
        return self._emitted

    def touch(self) -> list[Effect]:
        """The citizen touched the screen: restart the idle clock, close the countdown, and
        wake the attract loop."""
        if self._state is State.ATTRACT:
            return self.dispatch(ev.Wake())
        return self.dispatch(ev.ContinueSession())

    def tick(self) -> list[Effect]:
        """Check the clocks of the current state and fire whatever timed out."""
        now = self._clock()
        elderly = self._ctx.session.elderly
        timeouts = for_state(self._state, elderly)
        grace = self._ctx.card_grace_deadline
        if timeouts.limit_s is not None and now - self._entered_at >= timeouts.limit_s:
            return self.dispatch(ev.StateTimedOut())
        if grace is not None and now >= grace:
            return self.dispatch(ev.CardGraceExpired())
        if self._countdown_deadline is not None:
            if now >= self._countdown_deadline:
                return self.dispatch(ev.IdleExpired())
        elif timeouts.idle_s is not None and now - self._last_activity >= timeouts.idle_s:
            if not timeouts.countdown:
                return self.dispatch(ev.IdleExpired())
            countdown_s = paced(IDLE_COUNTDOWN_S, elderly)
            self._countdown_deadline = self._last_activity + timeouts.idle_s + countdown_s
        self._publish_view()
        return []

    # --- internals ------------------------------------------------------------------------

    def _handle(self, event: ev.Event) -> None:
        ctx = self._ctx
        ctx.now = self._clock()
        ctx.today = self._today()
        ctx.wall = self._wall()
        if isinstance(event, ev.Intent):
            self._last_activity = ctx.now
            self._countdown_deadline = None
        if isinstance(event, ev.Reply) and event.request_id != ctx.pending_request:
            log.info("dropping stale %s", type(event).__name__)
            event.wipe()
            self._publish_view()
            return
        fact = self._chart.facts.get(type(event))
        if fact is not None:
            fact(ctx, event)
        row = self._match(event)
        if row is not None:
            self._take(row, event)
        else:
            event.wipe()
        self._publish_view()

    def _match(self, event: ev.Event) -> Row | None:
        fallback = None
        for row in self._chart.rows_for(self._state):
            if type(event) not in row.events:
                continue
            if row.when is OTHERWISE:
                fallback = row
            elif row.when is None or row.when.holds(self._ctx, event):
                return row
        return fallback

    def _take(self, row: Row, event: ev.Event) -> None:
        ctx = self._ctx
        if row.to is STAY:
            for step in row.steps:
                self._emit(step(ctx, event))
            return
        old = self._state
        new = self._entered_from.get(row.to.phase) if isinstance(row.to, Return) else row.to
        if not isinstance(new, State):
            log.warning("no state to return to from %s; staying", row.to)
            return
        leaving, entering = self._crossing(old, new)
        for node in leaving:
            self._exit(node, event)
        ctx.reason = row.because
        for step in row.steps:
            self._emit(step(ctx, event))
        self._state = new
        self._entered_at = self._last_activity = ctx.now
        self._countdown_deadline = None
        for node in entering:
            self._enter(node, old, event)
        log.info("flow %s -> %s on %s", old.value, new.value, type(event).__name__)

    def _crossing(self, old: State, new: State) -> tuple[list[Node], list[Node]]:
        """The nodes left (innermost first) and entered (outermost first) going old → new."""
        old_path, new_path = self._chart.paths[old], self._chart.paths[new]
        shared = 0
        while (
            shared < min(len(old_path), len(new_path)) - 1
            and old_path[shared] is new_path[shared]
        ):
            shared += 1
        return list(reversed(old_path[shared:])), list(new_path[shared:])

    def _exit(self, node: Node, event: ev.Event) -> None:
        if node.runs is not None:
            self._emit(node.runs.stop)
        for step in node.exit_steps:
            self._emit(step(self._ctx, event))
        if isinstance(node.id, Phase):
            self._entered_from.pop(node.id, None)

    def _enter(self, node: Node, old: State, event: ev.Event) -> None:
        if isinstance(node.id, Phase):
            self._entered_from[node.id] = old
        for step in node.entry_steps:
            self._emit(step(self._ctx, event))
        if node.runs is not None:
            self._emit(node.runs.start)

    def _emit(self, effect: Effect | None) -> None:
        if effect is None:
            return
        self._emitted.append(effect)
        for observer in list(self._effect_observers):
            try:
                observer(effect)
            except Exception:
                log.exception("effect observer failed on %s", type(effect).__name__)

    def _countdown_remaining(self) -> int | None:
        if self._countdown_deadline is None:
            return None
        return max(0, math.ceil(self._countdown_deadline - self._clock()))

    def _grace_remaining(self) -> int | None:
        grace = self._ctx.card_grace_deadline
        return None if grace is None else max(0, math.ceil(grace - self._clock()))

    def _build_view(self) -> FlowView:
        return build_view(
            self._state, self._ctx, self._countdown_remaining(), self._grace_remaining()
        )

    def _publish_view(self) -> None:
        view = self._build_view()
        if view == self._view:
            return
        self._view = view
        for observer in list(self._view_observers):
            try:
                observer(view)
            except Exception:
                log.exception("view observer failed")
