"""Small durable JSON state files (lockout counters, handled command ids, daily counts).

Written whole and atomically (temporary file, fsync, rename, fsync of the directory), so a
power cut leaves the old state or the new one, never half of each. A file that exists but
cannot be read as a JSON object is reported as :class:`DamagedState`, for the owner to decide
whether to fail closed (the PIN lockout does) or start afresh.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.catalogue.cache_file import atomic_write


@dataclass(frozen=True)
class DamagedState:
    """The state file exists but is not a JSON object; ``reason`` says why."""

    path: Path
    reason: str


def read_state(path: Path) -> dict[str, Any] | DamagedState | None:
    """The JSON object stored at ``path``, None when there is no file, or DamagedState."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        return DamagedState(path, str(error))
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return DamagedState(path, f"not JSON: {error}")
    if not isinstance(document, dict):
        return DamagedState(path, "not a JSON object")
    return document


def write_state(path: Path, document: dict[str, Any]) -> None:
    """Replace the state at ``path`` with ``document`` atomically and durably."""
    atomic_write(path, json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8"))
