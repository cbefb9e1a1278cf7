"""A stop signal before the event loop runs is remembered (Qt drops exit() with no loop)."""

from __future__ import annotations

import os
import signal
from typing import Any

from entry.signals import quit_on_stop_signals


def test_a_stop_before_the_event_loop_is_remembered_and_the_handlers_restored(
    qapp: Any,
) -> None:
    before = signal.getsignal(signal.SIGTERM)
    stops = quit_on_stop_signals(qapp)
    try:
        assert not stops.requested
        os.kill(os.getpid(), signal.SIGTERM)
        assert stops.requested
    finally:
        stops.restore()
    assert signal.getsignal(signal.SIGTERM) == before
