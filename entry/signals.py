"""SIGTERM and SIGINT end the kiosk in order: the Qt event loop exits, then ``main``'s
``finally`` blocks stop the devices, the simulators and the platform, and remove the temporary
directories (a service stop otherwise skips all of that).

Python runs signal handlers only between bytecodes, and the Qt event loop is C++: the
signal's wake-up byte goes to a socket (``signal.set_wakeup_fd``) that a ``QSocketNotifier``
watches, so the handler runs at once, even with no Python timer ticking.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QCoreApplication, QSocketNotifier

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignals:
    """The handlers' state: whether a stop was asked for, and the undo."""

    def __init__(self) -> None:
        self.requested = False
        self.restore: Callable[[], None] = lambda: None


def quit_on_stop_signals(app: QCoreApplication) -> StopSignals:
    """Make SIGTERM/SIGINT quit ``app``'s event loop. Qt ignores ``exit()`` while no loop
    runs, so a stop during start-up is only remembered: check ``requested`` before
    ``exec()``. Call ``restore()`` after."""
    stops = StopSignals()
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        try:
            while reader.recv(64):
                pass
        except BlockingIOError:
            pass

    notifier.activated.connect(drain)

    def on_signal(number: int, _: FrameType | None) -> None:
        log.info("%s: stopping in order", signal.Signals(number).name)
        stops.requested = True
        # exit(), not quit(): QGuiApplication.quit() first asks the windows to close, and a
        # full-screen kiosk's window refuses (no way out), which would cancel the stop.
        app.exit(0)

    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {number: signal.signal(number, on_signal) for number in STOP_SIGNALS}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()

    stops.restore = restore
    return stops
