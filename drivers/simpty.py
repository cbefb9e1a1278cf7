"""The pty an emulated serial device sits on, and the stable symlink a driver can open.

An emulator serves :attr:`RawPty.master` and gives the driver :attr:`RawPty.name` (the slave),
which the driver opens through the same termios path as hardware. :func:`publish` and
:func:`withdraw` put a pty under a fixed name and take it away again, like a udev
``/dev/serial/by-id`` link, so a driver can re-open a "replugged" device by the same path.
"""

from __future__ import annotations

import contextlib
import os
import tty
from pathlib import Path

__all__ = ["RawPty", "publish", "withdraw"]


class RawPty:
    """A pty pair in raw mode (set through the master, which sets the slave's line too)."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.master)
        self.name = os.ttyname(self.slave)
        """The slave's path: what the driver opens."""

    def close(self) -> None:
        """Close both ends."""
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def publish(link: Path, target: str) -> None:
    """Make ``link`` a symlink to ``target``, replacing a link already there."""
    withdraw(link)
    os.symlink(target, link)


def withdraw(link: Path) -> None:
    """Remove the symlink ``link`` if there is one."""
    if link.is_symlink():
        link.unlink()
