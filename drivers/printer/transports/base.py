"""The transport interface every connection implements: open, write, timed read, close."""

from __future__ import annotations

from abc import ABC, abstractmethod

from drivers.base import DeviceError


class TransportError(DeviceError):
    """The channel to the printer failed (missing port, refused connection, write timeout)."""


class PrinterConnection(ABC):
    """A bidirectional byte channel; reads are bounded by a timeout and may return less.

    Implementations raise :class:`TransportError` (never library exceptions) so the driver can
    turn every failure into a status.
    """

    @property
    @abstractmethod
    def description(self) -> str:
        """Where the channel goes, for messages (``/dev/ttyS1 @115200``, ``10.0.0.5:9100``)."""

    @property
    @abstractmethod
    def is_open(self) -> bool:
        """True between a successful ``open()`` and ``close()``."""

    @abstractmethod
    def open(self) -> None:
        """Connect; raises :class:`TransportError` when the device is not there."""

    @abstractmethod
    def close(self) -> None:
        """Disconnect; safe to call when not open."""

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Send all of ``data`` or raise :class:`TransportError`."""

    @abstractmethod
    def read(self, size: int, timeout_s: float) -> bytes:
        """Up to ``size`` bytes received within ``timeout_s``; ``b""`` when nothing came."""

    @abstractmethod
    def discard_input(self) -> None:
        """Drop bytes already received (late replies) before a new query."""
