"""The newest lines of the kiosk's JSON log for the maintenance screen, filtered by a word.

The log is masked when written (:func:`kiosk.telemetry.logs.json_log_handler`); this reads
the current file and its first rotation, newest line last, and shows each record as
``HH:MM:SS LEVEL logger message``. A line that is not a record is shown as it is.
"""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path

DEFAULT_LIMIT = 200


def _shown(line: str) -> str:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return line
    if not isinstance(record, dict):
        return line
    at = str(record.get("at", ""))
    clock = at[11:19] if len(at) >= 19 else at
    parts = (clock, record.get("level", ""), record.get("logger", ""), record.get("message", ""))
    return " ".join(str(part) for part in parts)


def tail_log(path: Path, contains: str = "", limit: int = DEFAULT_LIMIT) -> list[str]:
    """Up to ``limit`` newest lines of ``path`` (and ``path.1``) containing ``contains``
    (case-insensitive), oldest first; empty when there is no log."""
    wanted = contains.strip().lower()
    lines: deque[str] = deque(maxlen=limit)
    for file in (path.with_name(path.name + ".1"), path):
        if not file.is_file():
            continue
        with file.open(encoding="utf-8", errors="replace") as f:
            for raw in f:
                shown = _shown(raw.rstrip("\n"))
                if not wanted or wanted in shown.lower():
                    lines.append(shown)
    return list(lines)
