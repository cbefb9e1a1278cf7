"""The kiosk view-model: which screen, its words and actions, the clock, the idle countdown.

It reads the flow's :class:`~kiosk.flow.view.FlowView` (pushed by the machine's view
observer) and turns QML intents into flow events. It holds nothing of a citizen besides what
the view carries (masked names only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.config import HOME_TILES
from kiosk.flow import events as ev
from kiosk.flow.matter import SelfService
from kiosk.flow.states import State
from kiosk.flow.view import FlowView
from ui import text
from ui.bridge.intents import event_for
from ui.bridge.screens import READER_DOWN_ACTIONS, Action, ScreenSpec, spec_for

Dispatch = Callable[[ev.Event], object]



class KioskViewModel(QObject):
    """What ``Main.qml`` and the screens bind to as ``kiosk``."""

    view_changed = Signal()
    clock_changed = Signal()
    window_changed = Signal()

    def __init__(
        self,
        view: FlowView,
        dispatch: Dispatch,
        hall_name: str,
        hall_phone: str,
        parent: QObject | None = None,
        *,
        help_window: str = "",
        home_tiles: Sequence[str] = HOME_TILES,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._dispatch = dispatch
        self._hall_name = hall_name
        self._hall_phone = hall_phone
        self._help_window = help_window
        self._home_tiles = tuple(home_tiles)
        self._now = datetime.now()
        self._width, self._height = 1080, 1920
        self._frameless = False
        self._dev_dock_open = False
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick_clock)
        self._clock.start()

    # --- fed by the app ---------------------------------------------------------------------

    def set_view(self, view: FlowView) -> None:
        """The flow's new view (GUI thread)."""
        if view != self._view:
            self._view = view
            self.view_changed.emit()

    def set_window(self, width: int, height: int, frameless: bool) -> None:
        """Window size and decoration (before the QML loads)."""
        self._width, self._height, self._frameless = width, height, frameless
        self.window_changed.emit()

    def toggle_dev_dock(self) -> None:
        """Open or close the dev dock (F12)."""
        self._dev_dock_open = not self._dev_dock_open
        self.window_changed.emit()

    def _tick_clock(self) -> None:
        now = datetime.now()
        if now.minute != self._now.minute or now.day != self._now.day:
            self._now = now
            self.clock_changed.emit()

    @property
    def view(self) -> FlowView:
        """The flow view on screen."""
        return self._view

    @property
    def spec(self) -> ScreenSpec:
        """The screen table's row for the current state."""
        return spec_for(self._view.state)

    # --- screen -----------------------------------------------------------------------------

    @Property(str, notify=view_changed)
    def screen(self) -> str:
        """The current screen id (the flow state)."""
        return str(self._view.state.value)

    @Property(str, notify=view_changed)
    def screenFile(self) -> str:  # noqa: N802
        """The QML file that shows it."""
        return self.spec.file

    def _reader_down(self) -> bool:
        """The card screen is up but the reader is not working: it offers what still works."""
        return self._view.state is State.IDENTITY_CARD and not self._view.card_reader_usable

    @Property(str, notify=view_changed)
    def title(self) -> str:
        """The screen's heading: what went wrong, where the flow's reason says."""
        view = self._view
        if self._reader_down():
            return text.reader_down_title()
        qr = view.qr_login_available
        return text.reason_title(view.reason) or text.screen_title(view.state, qr)

    @Property(str, notify=view_changed)
    def body(self) -> str:
        """The screen's explanation: the flow's reason when it gives one; only ways that work
        now are offered, and screens that send the citizen away say where help is."""
        view = self._view
        qr = view.qr_login_available
        if view.state is State.OUT_OF_SERVICE:
            return text.out_of_service_body(text.reason(view.reason), self._hall_phone)
        if self._reader_down():
            return text.reader_down_body(qr)
        if view.state is State.VERIFIED:
            return self._verified_body()
        body = text.reason(view.reason, qr) or text.screen_body(view.state, qr)
        if view.state is State.FACE_RETRY:
            return f"{body}\n{text.attempts_left(view.face_attempts_left)}"
        if view.state in (State.REFER_TO_WINDOW, State.VERIFICATION_UNAVAILABLE):
            return f"{body}\n{text.window_help(self._help_window, self._hall_phone)}"
        return body

    def _verified_body(self) -> str:
        view = self._view
        lines = [text.reason(view.reason, view.qr_login_available),
                 text.verified_body(view.identity_method)]
        blocked = view.continue_disabled_reason
        if not view.continue_enabled and blocked is not None and not self._query_print():
            lines.append(text.continue_blocked_sentence(blocked))
        return "\n".join(line for line in lines if line)

    @Property(str, notify=view_changed)
    def warning(self) -> str:
        """An urgent line (the card left the reader on ``verified``: the session will end)."""
        seconds = self._view.card_grace_remaining_s
        if self._view.state is State.VERIFIED and seconds is not None:
            return text.card_grace_warning(seconds)
        return ""

    @Property(str, notify=view_changed)
    def symbol(self) -> str:
        """The big symbol of a message screen (``verified``: a tick, or ``!`` while the flow
        says something is still needed, such as the face)."""
        if self._view.state is State.VERIFIED:
            return "!" if self._view.reason is not None else "✓"
        return self.spec.symbol

    @Property(str, notify=view_changed)
    def tone(self) -> str:
        """``info``, ``error``, ``warning`` or ``success``."""
        if self._view.state is State.VERIFIED:
            return "warning" if self._view.reason is not None else "success"
        return "error" if self._reader_down() else self.spec.tone

    @Property(list, notify=view_changed)
    def actions(self) -> list[dict[str, Any]]:
        """The screen's buttons, each with the intent it sends."""
        actions = READER_DOWN_ACTIONS if self._reader_down() else self.spec.actions
        return [self._enabled(a).to_qml() for a in actions if self._offered(a)]

    def _offered(self, action: Action) -> bool:
        if action.id in ("continue", "query_print"):
            return (action.id == "query_print") == self._query_print()
        return action.id != "qr_login" or self._view.qr_login_available

    def _query_print(self) -> bool:
        matter = self._view.matter
        return matter is not None and matter.self_service is SelfService.QUERY_PRINT

    def _enabled(self, action: Action) -> Action:
        if action.id == "continue":
            return replace(action, enabled=self._view.continue_enabled)
        if action.id == "appointment_next":
            return replace(action, enabled=self._view.appointment_slot_chosen)
        if action.id == "apply_reprint":
            status = self._view.application
            return replace(action, enabled=status is not None and status.printer_ready)
        return action

    @Property(bool, notify=view_changed)
    def showNav(self) -> bool:  # noqa: N802
        """Whether the bottom bar (返回 / 退出) shows."""
        return self.spec.nav

    @Property(bool, notify=view_changed)
    def backVisible(self) -> bool:  # noqa: N802
        """Whether 返回 shows (the flow accepts Back here)."""
        return self.spec.back

    @Property(str, notify=view_changed)
    def navHint(self) -> str:  # noqa: N802
        """A short line in the bottom bar."""
        return text.screen_hint(self._view.state)

    @Property(list, notify=view_changed)
    def consentLines(self) -> list[str]:  # noqa: N802
        """The face-consent text, as the flow words it, and what the citizen can do."""
        return text.consent_lines(self._view.consent_purpose, self._view.qr_login_available)

    # --- idle countdown ---------------------------------------------------------------------

    @Property(bool, notify=view_changed)
    def idleWarning(self) -> bool:  # noqa: N802
        """The "还需要更多时间吗？" dialog is up."""
        return self._view.idle_countdown

    @Property(int, notify=view_changed)
    def idleSeconds(self) -> int:  # noqa: N802
        """Seconds before the session ends."""
        return self._view.countdown_remaining_s

    # --- hall, clock, window ---------------------------------------------------------------

    @Property(str, constant=True)
    def hallName(self) -> str:  # noqa: N802
        """The hall's name for the header."""
        return self._hall_name

    @Property(str, constant=True)
    def hallPhone(self) -> str:  # noqa: N802
        """The hall's phone number."""
        return self._hall_phone

    @Property(str, notify=clock_changed)
    def timeText(self) -> str:  # noqa: N802
        """HH:MM."""
        return self._now.strftime("%H:%M")

    @Property(str, notify=clock_changed)
    def dateText(self) -> str:  # noqa: N802
        """2025年6月1日 星期日."""
        return text.date_text(self._now.date())

    @Property(list, notify=view_changed)
    def homeEntries(self) -> list[dict[str, str]]:  # noqa: N802
        """The home screen's entries (the elderly-mode tile says whether the mode is on)."""
        return text.home_entries(self._home_tiles, self._view.elderly)

    # --- elderly mode (适老模式) -------------------------------------------------------------

    @Property(bool, notify=view_changed)
    def elderly(self) -> bool:
        """The session's elderly mode is on: Theme grows every size (Main.qml binds it)."""
        return self._view.elderly

    @Property(str, notify=view_changed)
    def helpLine(self) -> str:  # noqa: N802
        """In elderly mode, the header's line saying where a person helps; else empty."""
        if not self._view.elderly:
            return ""
        return text.elderly_help(self._help_window, self._hall_phone)

    @Property(list, constant=True)
    def attractSlides(self) -> list[dict[str, str]]:  # noqa: N802
        """The attract loop's slides."""
        return text.attract_slides()

    @Property(int, notify=window_changed)
    def windowWidth(self) -> int:  # noqa: N802
        """Window width in pixels."""
        return self._width

    @Property(int, notify=window_changed)
    def windowHeight(self) -> int:  # noqa: N802
        """Window height in pixels."""
        return self._height

    @Property(bool, notify=window_changed)
    def frameless(self) -> bool:
        """Production: no window decoration."""
        return self._frameless

    @Property(bool, notify=window_changed)
    def devDockOpen(self) -> bool:  # noqa: N802
        """The dev dock is shown."""
        return self._dev_dock_open

    # --- intents ----------------------------------------------------------------------------

    @Slot(str)
    def intent(self, name: str) -> None:
        """A button was pressed: send its flow event."""
        event = event_for(name)
        if event is not None:
            self._dispatch(event)

    @Slot()
    def back(self) -> None:
        """返回."""
        self._dispatch(ev.Back())

    @Slot()
    def quit(self) -> None:
        """退出: end the session from anywhere."""
        self._dispatch(ev.GoHome())

    @Slot()
    def keepSession(self) -> None:  # noqa: N802
        """还需要更多时间: keep the session."""
        self._dispatch(ev.ContinueSession())
