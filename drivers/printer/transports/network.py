"""Raw TCP transport: the printer's port 9100 ("JetDirect"), status replies on the same socket."""

from __future__ import annotations

import socket

from drivers.printer.transports.base import PrinterConnection, TransportError

RAW_PRINT_PORT = 9100


class NetworkTransport(PrinterConnection):
    """A network printer reached at ``host:port``."""

    def __init__(
        self,
        host: str,
        port: int = RAW_PRINT_PORT,
        connect_timeout_s: float = 3.0,
        write_timeout_s: float = 10.0,
    ) -> None:
        self._host = host
        self._port = port
        self._connect_timeout_s = connect_timeout_s
        self._write_timeout_s = write_timeout_s
        self._socket: socket.socket | None = None

    @property
    def description(self) -> str:
        """``host:port``."""
        return f"{self._host}:{self._port}"

    @property
    def is_open(self) -> bool:
        """True while connected."""
        return self._socket is not None

    def open(self) -> None:
        """Connect; refusal or timeout becomes :class:`TransportError`."""
        try:
            self._socket = socket.create_connection(
                (self._host, self._port), timeout=self._connect_timeout_s
            )
        except OSError as error:
            raise TransportError(
                f"cannot connect to printer {self.description}: {error}"
            ) from error

    def close(self) -> None:
        """Close the socket if open."""
        sock, self._socket = self._socket, None
        if sock is not None:
            sock.close()

    def _require(self) -> socket.socket:
        if self._socket is None:
            raise TransportError(f"printer {self.description} is not connected")
        return self._socket

    def write(self, data: bytes) -> None:
        """Send everything within the write timeout."""
        sock = self._require()
        try:
            sock.settimeout(self._write_timeout_s)
            sock.sendall(data)
        except OSError as error:
            raise TransportError(f"send to {self.description} failed: {error}") from error

    def read(self, size: int, timeout_s: float) -> bytes:
        """Up to ``size`` bytes within ``timeout_s``; a closed peer is a :class:`TransportError`."""
        sock = self._require()
        try:
            sock.settimeout(timeout_s)
            data = sock.recv(size)
        except TimeoutError:
            return b""
        except OSError as error:
            raise TransportError(f"receive from {self.description} failed: {error}") from error
        if not data:
            raise TransportError(f"printer {self.description} closed the connection")
        return data

    def discard_input(self) -> None:
        """Drop whatever already arrived, without waiting."""
        sock = self._require()
        sock.setblocking(False)
        try:
            while sock.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as error:
            raise TransportError(f"{self.description}: {error}") from error
        finally:
            sock.setblocking(True)
