"""Names of the files a terminal exports for a technician (log bundles, outbox exports).

``<prefix><UTC stamp to the millisecond>Z<suffix>``: names sort in the order they were
written, and a second export in the same millisecond (two taps, a command and a tap) takes
the next free millisecond instead of replacing the first file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path


def stamped_path(directory: Path, prefix: str, suffix: str, moment: datetime) -> Path:
    """A new file in ``directory`` for ``moment``, never one that exists already."""
    at = moment.astimezone(UTC)
    while True:
        stamp = at.strftime("%Y%m%dT%H%M%S") + f".{at.microsecond // 1000:03d}Z"
        path = directory / f"{prefix}{stamp}{suffix}"
        if not path.exists():
            return path
        at += timedelta(milliseconds=1)
