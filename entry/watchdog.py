"""Tell systemd the kiosk is up, alive and stopping: the ``sd_notify`` protocol.

The unit (``debian/gov-kiosk.service``) is ``Type=notify`` with ``WatchdogSec=``.
systemd passes ``$NOTIFY_SOCKET``, a Unix datagram socket (a path, or ``@name`` in the
abstract namespace); each datagram is newline-separated ``KEY=VALUE`` lines. The kiosk sends

* ``READY=1`` once home's first frame is on the screen,
* ``WATCHDOG=1`` every half ``$WATCHDOG_USEC`` from a ``QTimer`` on the GUI thread, so a
  frozen event loop stops the pings and systemd restarts the kiosk,
* ``STOPPING=1`` when it stops in order.

Written here rather than taken from ``sdnotify``/``python3-systemd``: the protocol is one
``sendto``, and those libraries' watchdog check (``sd_watchdog_enabled``) answers "not for
you" to the kiosk, because systemd's ``$WATCHDOG_PID`` names the unit's main process, which
is ``cage``, the compositor the kiosk runs in (the unit has ``NotifyAccess=all`` for that).
Without ``$NOTIFY_SOCKET`` (not under systemd) everything here does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
PINGS_PER_PERIOD = 2
"""Ping twice per watchdog period, as sd_watchdog_enabled(3) advises."""


class Notifier:
    """Sends ``sd_notify`` messages to ``$NOTIFY_SOCKET``; does nothing without one."""

    def __init__(self, address: str | None) -> None:
        self._address = None if not address else (
            "\0" + address[1:] if address.startswith("@") else address
        )
        self._socket: socket.socket | None = None
        if self._address is not None:
            self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)

    @property
    def enabled(self) -> bool:
        """True when systemd listens (``$NOTIFY_SOCKET`` was set)."""
        return self._socket is not None

    def send(self, message: str) -> bool:
        """Send one message (``READY=1``…); False when it could not be sent (logged, never
        raised: the kiosk keeps serving, and systemd acts on the missing pings)."""
        if self._socket is None or self._address is None:
            return False
        try:
            self._socket.sendto(message.encode("utf-8"), self._address)
        except OSError as error:
            log.warning("sd_notify %s not sent: %s", message.split("=", 1)[0], error)
            return False
        return True

    def close(self) -> None:
        """Close the socket."""
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def watchdog_interval_ms(environ: Mapping[str, str]) -> int | None:
    """How often to ping: half of ``$WATCHDOG_USEC``; None when there is no watchdog (unset,
    empty, malformed or zero)."""
    try:
        usec = int(environ.get(WATCHDOG_USEC, ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    return max(1, usec // 1000 // PINGS_PER_PERIOD)


class Watchdog(QObject):
    """The kiosk's side of ``Type=notify`` + ``WatchdogSec=``: ready, pings, stopping.

    Build and use on the GUI thread (the ping timer must run there to prove it is alive).
    """

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        super().__init__()
        self._window: QQuickWindow | None = None
        self.notifier = Notifier(environ.get(NOTIFY_SOCKET))
        self._timer = QTimer()
        interval = watchdog_interval_ms(environ)
        if interval is not None and self.notifier.enabled:
            self._timer.setInterval(interval)
            self._timer.timeout.connect(self.ping)

    def ready_after_first_frame(self, window: QQuickWindow) -> None:
        """Call :meth:`ready` once ``window`` has swapped its first frame (queued: Qt's
        threaded render loop emits ``frameSwapped`` on the render thread)."""
        self._window = window
        window.frameSwapped.connect(self.ready, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def ready(self) -> None:
        """Home is on the screen: tell systemd, and start the pings."""
        if self._window is not None:
            self._window.frameSwapped.disconnect(self.ready)
            self._window = None
        if self.notifier.send("READY=1") and self._timer.interval() > 0:
            log.info("systemd told READY=1; watchdog ping every %d ms", self._timer.interval())
            self._timer.start()

    def ping(self) -> None:
        """The GUI thread is alive."""
        self.notifier.send("WATCHDOG=1")

    def stopping(self) -> None:
        """An orderly stop has begun: no more pings, tell systemd."""
        self._timer.stop()
        self.notifier.send("STOPPING=1")
        self.notifier.close()
