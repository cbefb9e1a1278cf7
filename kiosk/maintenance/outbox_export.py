"""Export of the outbox for a technician: the pending records and the dead letters, still
sealed as stored, to ``<data_dir>/exports/outbox-<UTC timestamp>.json``.

The payloads stay AES-GCM sealed with the terminal's outbox key, so the file can be carried
off the terminal for analysis without exposing ID numbers or answers; only what the outbox
keeps in clear (operation, references, times, the platform's problem) is readable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.catalogue.cache_file import atomic_write
from kiosk.export_names import stamped_path
from kiosk.outbox.store import OutboxStore

EXPORTS_DIR_NAME = "exports"
FORMAT = "gov-kiosk.outbox-export/1"


@dataclass(frozen=True)
class Exported:
    """Where the export was written and how many records it holds."""

    path: Path
    pending: int
    dead_letters: int


def export_path(data_dir: Path, moment: datetime) -> Path:
    """A new export file for ``moment`` (never one written before)."""
    return stamped_path(data_dir / EXPORTS_DIR_NAME, "outbox-", ".json", moment)


def export_outbox(
    store: OutboxStore,
    data_dir: Path,
    terminal_id: str,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Exported:
    """Write the outbox's pending records and dead letters, sealed, to a new export file
    (atomically; :class:`OSError` when the disk refuses)."""
    moment = now()
    rows = store.sealed_rows()
    document = {
        "format": FORMAT,
        "terminal_id": terminal_id,
        "exported_at": moment.astimezone(UTC).isoformat(),
        "pending": rows["outbox"],
        "dead_letters": rows["dead_letters"],
    }
    path = export_path(data_dir, moment)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
    return Exported(path, len(rows["outbox"]), len(rows["dead_letters"]))
