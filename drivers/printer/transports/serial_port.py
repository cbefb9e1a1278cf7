"""Serial transport through pyserial's ``serial_for_url``, so pty paths and URLs work too."""

from __future__ import annotations

from typing import Any

import serial

from drivers.printer.transports.base import PrinterConnection, TransportError


class SerialTransport(PrinterConnection):
    """A printer on a serial port, a pty (the emulator) or a ``socket://host:port`` URL."""

    def __init__(self, url: str, baudrate: int = 115200, write_timeout_s: float = 10.0) -> None:
        self._url = url
        self._baudrate = baudrate
        self._write_timeout_s = write_timeout_s
        self._port: Any = None

    @property
    def description(self) -> str:
        """The port and its speed."""
        return f"{self._url} @{self._baudrate}"

    @property
    def is_open(self) -> bool:
        """True while the port is open."""
        return self._port is not None

    def open(self) -> None:
        """Open the port; a missing device becomes :class:`TransportError`."""
        try:
            self._port = serial.serial_for_url(
                self._url, baudrate=self._baudrate, timeout=0, write_timeout=self._write_timeout_s
            )
        except (serial.SerialException, OSError, ValueError) as error:
            raise TransportError(f"cannot open printer port {self.description}: {error}") from error

    def close(self) -> None:
        """Close the port if open."""
        port, self._port = self._port, None
        if port is not None:
            port.close()

    def _require(self) -> Any:
        if self._port is None:
            raise TransportError(f"printer port {self.description} is not open")
        return self._port

    def write(self, data: bytes) -> None:
        """Write and drain; a write timeout or I/O error becomes :class:`TransportError`."""
        port = self._require()
        try:
            port.write(data)
            port.flush()
        except (serial.SerialException, OSError) as error:
            raise TransportError(f"write to {self.description} failed: {error}") from error

    def read(self, size: int, timeout_s: float) -> bytes:
        """Up to ``size`` bytes within ``timeout_s``."""
        port = self._require()
        try:
            port.timeout = timeout_s
            data: bytes = port.read(size)
        except (serial.SerialException, OSError) as error:
            raise TransportError(f"read from {self.description} failed: {error}") from error
        return data

    def discard_input(self) -> None:
        """Drop unread input."""
        port = self._require()
        try:
            port.reset_input_buffer()
        except (serial.SerialException, OSError) as error:
            raise TransportError(f"{self.description}: {error}") from error
