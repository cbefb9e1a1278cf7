"""The kiosk's temporary files in the system temp directory, and cleaning up after a crash.

Every temporary directory or link the kiosk makes is named ``kiosk-<kind>-<pid>-<suffix>``,
so a later start can tell whose it was: :func:`remove_stale` deletes those whose process is
gone (killed with ``kill -9``, power cut), leaving a running kiosk's own alone. An orderly
stop removes them itself (SIGTERM is handled, see ``entry/signals.py``).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from itertools import count
from pathlib import Path

log = logging.getLogger(__name__)

PREFIX = "kiosk-"
_NAME = re.compile(r"^kiosk-[a-z0-9-]+?-(\d+)-")
_numbers = count(1)


def private_dir(kind: str) -> Path:
    """A new 0700 directory ``kiosk-<kind>-<pid>-XXXX`` in the system temp directory."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-"))


def link_path(kind: str) -> Path:
    """A fresh path ``kiosk-<kind>-<pid>-<n>`` for a symlink, unique within this process."""
    return Path(tempfile.gettempdir()) / f"{PREFIX}{kind}-{os.getpid()}-{next(_numbers)}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(directory: Path | None = None) -> list[Path]:
    """Delete the kiosk's temporary files left by processes that no longer run; returns them."""
    folder = Path(tempfile.gettempdir()) if directory is None else directory
    removed = []
    for entry in folder.glob(f"{PREFIX}*"):
        match = _NAME.match(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    if removed:
        log.info("removed %d temporary files left by stopped kiosks", len(removed))
    return removed
