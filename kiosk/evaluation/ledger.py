"""The terminal's durable record of what was rated: "一次一评", never asked twice.

Keys are application numbers or ``visit:<id>`` (:func:`kiosk.evaluation.service.visit_key`).
A key is recorded once its evaluation is safe in the outbox (sent or queued) or the platform
said it was rated already (409 ``already_evaluated``). The platform refuses a second rating of
an application anyway; the ledger lets the terminal say so before asking, and covers visits,
which the platform cannot tell apart. It holds no personal data: numbers and times only.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

LEDGER_FILE = "evaluations.sqlite3"
"""The ledger's file in the terminal's data directory."""


class EvaluationLedger:
    """Evaluated keys in SQLite (WAL, ``synchronous=FULL``: a recorded key survives a power
    cut); safe to use from any thread."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS evaluated (key TEXT PRIMARY KEY, at TEXT NOT NULL)"
        )

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> EvaluationLedger:
        """The ledger of the terminal whose data directory is ``data_dir``."""
        return cls(data_dir / LEDGER_FILE)

    def rated(self, keys: Iterable[str]) -> bool:
        """Whether any of ``keys`` was rated already."""
        wanted = list(keys)
        if not wanted:
            return False
        marks = ",".join("?" * len(wanted))
        with self._lock:
            row = self._db.execute(
                f"SELECT 1 FROM evaluated WHERE key IN ({marks}) LIMIT 1", wanted  # noqa: S608
            ).fetchone()
        return row is not None

    def record(self, keys: Iterable[str], at: datetime | None = None) -> None:
        """Note ``keys`` as rated (again is harmless)."""
        stamp = (at or datetime.now(UTC)).isoformat()
        with self._lock:
            self._db.executemany(
                "INSERT OR IGNORE INTO evaluated (key, at) VALUES (?, ?)",
                [(key, stamp) for key in keys],
            )

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
