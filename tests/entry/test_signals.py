"""A stop signal before the event loop runs is remembered (Qt drops exit() with no loop)."""

from __future__ import annotations

import os
import signal
from typing import Any

from entry.signals import quit_on_stop_signals


class RecordingApp:
    """Stands in for the application: the test's own QApplication must not be told to exit
    (a stray exit() ends the event loops of the tests after it)."""

    def __init__(self) -> None:
        self.exits: list[int] = []

    def exit(self, code: int) -> None:
        self.exits.append(code)


def test_a_stop_before_the_event_loop_is_remembered_and_the_handlers_restored(
    qapp: Any,
) -> None:
    before = signal.getsignal(signal.SIGTERM)
    app = RecordingApp()
    stops = quit_on_stop_signals(app)  # type: ignore[arg-type]
    try:
        assert not stops.requested
        os.kill(os.getpid(), signal.SIGTERM)
        assert stops.requested
        assert app.exits == [0]
    finally:
        stops.restore()
    assert signal.getsignal(signal.SIGTERM) == before
