"""A wall-clock limit on one whole HTTP exchange, which socket timeouts cannot give.

A socket timeout bounds each read, so a server that trickles a byte every few seconds holds
an exchange open for ever. A :class:`Deadline` is armed around one exchange; every socket
the exchange opens or reuses registers itself with it (the connections of
:class:`DeadlineAdapter` do), and when the time is up a timer shuts those sockets down. That
ends at once any read or write blocked on them (TLS handshake, request, headers, body); the
exchange then fails as a broken connection, and :attr:`Deadline.expired` tells the caller
that it was the deadline.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_armed = threading.local()


class Deadline:
    """The moment (``time.monotonic()``) by which one exchange must have ended."""

    def __init__(self, at: float) -> None:
        self.at = at
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._ended = False

    def remaining(self) -> float:
        """Seconds left (negative once passed)."""
        return self.at - time.monotonic()

    @property
    def expired(self) -> bool:
        """True once the timer has cut the exchange's connections."""
        with self._lock:
            return self._expired

    @contextmanager
    def armed(self) -> Iterator[Deadline]:
        """Watch the sockets this thread uses until the block ends; cut them at :attr:`at`."""
        timer = threading.Timer(max(0.0, self.remaining()), self._expire)
        timer.daemon = True
        _armed.deadline = self
        timer.start()
        try:
            yield self
        finally:
            _armed.deadline = None
            timer.cancel()
            with self._lock:
                self._ended = True
                watched, self._sockets = self._sockets, []
            for handle in watched:
                handle.close()

    def watch(self, sock: socket.socket) -> None:
        """Cut ``sock``'s connection when the deadline passes (at once if it has)."""
        with self._lock:
            if self._ended:
                return
            # A handle of our own on the same connection: closing it later never closes the
            # exchange's socket, and it stays valid when TLS takes the original one over.
            handle = socket.socket(fileno=os.dup(sock.fileno()))
            self._sockets.append(handle)
            if self._expired:
                _cut(handle)

    def _expire(self) -> None:
        with self._lock:
            if self._ended:
                return
            self._expired = True
            for handle in self._sockets:
                _cut(handle)


def _cut(handle: socket.socket) -> None:
    with contextlib.suppress(OSError):  # the peer may have closed it already
        handle.shutdown(socket.SHUT_RDWR)


def _watch(sock: socket.socket | None) -> None:
    """Register ``sock`` with the deadline armed in this thread, if any."""
    deadline: Deadline | None = getattr(_armed, "deadline", None)
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch(self.sock)  # a connection reused from the pool
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch(sock)  # before the TLS handshake, which a server can trickle too
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """A ``requests`` adapter whose connections register with the :class:`Deadline` armed
    in the calling thread; without one armed they behave as usual."""

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        """The usual pool manager, building pools of watched connections."""
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _WatchedHTTPPool,
            "https": _WatchedHTTPSPool,
        }
