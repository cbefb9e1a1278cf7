"""End the run for a restart when :mod:`kiosk.uptime` says the kiosk is due and idle.

A timer on the GUI thread asks the policy with the flow's current screen and session; when a
restart is due the Qt event loop exits with :data:`IDLE_RESTART_EXIT`, ``main`` stops
everything in order, and systemd (``Restart=always``) starts a fresh kiosk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.flow.machine import FlowMachine
from kiosk.uptime import SECONDS_PER_HOUR, IdleRestart

log = logging.getLogger(__name__)

IDLE_RESTART_EXIT = 75
"""The exit code of an idle restart (EX_TEMPFAIL: run me again), told apart in the journal."""
CHECK_INTERVAL_MS = 10_000


class IdleRestartTimer:
    """Checks ``restart`` against ``machine`` every :data:`CHECK_INTERVAL_MS` on the GUI
    thread, from :meth:`start` until :meth:`stop`."""

    def __init__(self, restart: IdleRestart, machine: FlowMachine) -> None:
        self._restart = restart
        self._machine = machine
        self._timer = QTimer()
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Start checking (when the policy can ever restart)."""
        if self._restart.policy.after_h > 0:
            self._timer.start()

    def stop(self) -> None:
        """Stop checking."""
        self._timer.stop()

    def check(self) -> bool:
        """Exit the event loop for a restart when one is due; True when it did."""
        machine = self._machine
        if not self._restart.due(machine.state, machine.session.is_empty()):
            return False
        log.info(
            "idle restart after %.1f h up (exit %d; systemd starts the kiosk again)",
            self._restart.uptime_s / SECONDS_PER_HOUR, IDLE_RESTART_EXIT,
        )
        self._timer.stop()
        QCoreApplication.exit(IDLE_RESTART_EXIT)
        return True
