"""The outbox's SQLite store: queued requests, dead letters and delivery results.

Durability: WAL journal with ``synchronous=FULL``, and every change in one transaction, so an
``enqueue`` that has returned survives a power cut and a kill at any point leaves either the
old or the new state. A request is stored as the exact bytes that will be sent with its
``Idempotency-Key``; redelivering it after a crash is therefore safe (the platform replays
its first answer). Payloads and results are sealed (:mod:`kiosk.outbox.sealing`); only what
the worker needs to route a request (operation, path parameters, times) is stored in clear.

Tables:

- ``outbox``: pending requests, delivered oldest first (``seq``). Records enqueued together
  (uploads, then the application that refers to them) share a ``local_ref``.
- ``dead_letters``: requests the platform refused for good, with its problem.
- ``results``: per ``local_ref``, ``queued`` → ``delivered`` (with the platform's answer) or
  ``rejected`` (with the problem), for the kiosk to read by local reference.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from kiosk.outbox.sealing import Sealer, load_or_create_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL UNIQUE,
    local_ref TEXT NOT NULL,
    final INTEGER NOT NULL,
    operation TEXT NOT NULL,
    path_params TEXT NOT NULL,
    content_type TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    sealed BLOB NOT NULL,
    enqueued_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS dead_letters (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    local_ref TEXT NOT NULL,
    operation TEXT NOT NULL,
    path_params TEXT NOT NULL,
    content_type TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    sealed BLOB NOT NULL,
    enqueued_at REAL NOT NULL,
    failed_at REAL NOT NULL,
    problem TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
    local_ref TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    sealed BLOB,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS local_refs (
    day TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
"""


@dataclass(frozen=True)
class NewRecord:
    """A request to queue: the operation, its path parameters, the exact body, its key."""

    operation: str
    body: bytes = field(repr=False)
    idempotency_key: str
    content_type: str = "application/json"
    path_params: Mapping[str, str] = field(default_factory=dict)
    verification_id: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Record:
    """A queued request as the worker delivers it (payload opened)."""

    seq: int
    record_id: str
    local_ref: str
    final: bool
    operation: str
    path_params: Mapping[str, str]
    content_type: str
    idempotency_key: str
    body: bytes = field(repr=False)
    verification_id: str | None = field(repr=False)
    enqueued_at: float
    attempts: int


@dataclass(frozen=True)
class OutboxStatus:
    """For the heartbeat and the maintenance screen."""

    depth: int
    oldest_age_s: int | None
    dead_letters: int
    last_error: str


@dataclass(frozen=True)
class OutboxResult:
    """What became of the requests queued under one local reference.

    ``state`` is ``queued``, ``delivered`` (``answer`` is the platform's JSON answer to the
    final request, e.g. a ``SubmitResult``, or None when it has no body) or ``rejected``
    (``answer`` is the problem).
    """

    local_ref: str
    state: str
    answer: Any = field(default=None, repr=False)


@dataclass(frozen=True)
class DeadLetter:
    """A request the platform refused for good."""

    local_ref: str
    operation: str
    idempotency_key: str
    failed_at: float
    problem: Mapping[str, Any]


class OutboxStore:
    """The outbox database at ``path`` with its key at ``key_path``. Thread-safe."""

    def __init__(
        self,
        path: Path,
        key_path: Path | None = None,
        now: Callable[[], datetime] = datetime.now,
        clock: Callable[[], float] = time.time,
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._sealer = Sealer(load_or_create_key(key_path or path.with_suffix(".key")))
        self._now = now
        self._clock = clock
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(SCHEMA)

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> OutboxStore:
        """The kiosk's outbox: ``<data_dir>/outbox/outbox.sqlite3`` and its key beside it."""
        return cls(data_dir / "outbox" / "outbox.sqlite3")

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def enqueue(self, records: Sequence[NewRecord]) -> str:
        """Queue ``records`` together, in order; the last is the one whose answer is the
        result. Returns the new local reference (``L-YYYYMMDD-NNNN``) once it is on disk."""
        if not records:
            raise ValueError("nothing to enqueue")
        day = self._now().strftime("%Y%m%d")
        stamp = self._clock()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO local_refs(day, last) VALUES (?, 1) "
                "ON CONFLICT(day) DO UPDATE SET last = last + 1",
                (day,),
            )
            (number,) = db.execute("SELECT last FROM local_refs WHERE day = ?", (day,)).fetchone()
            local_ref = f"L-{day}-{number:04d}"
            for index, record in enumerate(records):
                record_id = str(uuid.uuid4())
                payload = json.dumps(
                    {
                        "body": base64.b64encode(record.body).decode(),
                        "verification_id": record.verification_id,
                    }
                ).encode()
                db.execute(
                    "INSERT INTO outbox(record_id, local_ref, final, operation, path_params, "
                    "content_type, idempotency_key, sealed, enqueued_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record_id,
                        local_ref,
                        index == len(records) - 1,
                        record.operation,
                        json.dumps(dict(record.path_params)),
                        record.content_type,
                        record.idempotency_key,
                        self._sealer.seal(record_id, payload),
                        stamp,
                    ),
                )
            db.execute(
                "INSERT INTO results(local_ref, state, sealed, updated_at) "
                "VALUES (?, 'queued', NULL, ?)",
                (local_ref, stamp),
            )
        return local_ref

    def head(self) -> Record | None:
        """The oldest queued request, or None when the outbox is empty.

        A record that cannot be opened (key replaced, file damaged) is dead-lettered with the
        problem ``unreadable`` rather than blocking the queue for ever.
        """
        while True:
            with self._lock:
                row = self._db.execute(
                    "SELECT seq, record_id, local_ref, final, operation, path_params, "
                    "content_type, idempotency_key, sealed, enqueued_at, attempts "
                    "FROM outbox ORDER BY seq LIMIT 1"
                ).fetchone()
            if row is None:
                return None
            seq, record_id, local_ref, final, op, params, ctype, key, sealed, enqueued, tries = row
            record = Record(
                seq,
                record_id,
                local_ref,
                bool(final),
                op,
                json.loads(params),
                ctype,
                key,
                b"",
                None,
                enqueued,
                tries,
            )
            try:
                payload = json.loads(self._sealer.open(record_id, sealed))
            except InvalidTag:
                self.reject(record, {"code": "unreadable", "detail": "sealed payload"})
                continue
            return replace(
                record,
                body=base64.b64decode(payload["body"]),
                verification_id=payload["verification_id"],
            )

    def confirm(self, record: Record, answer: Any) -> None:
        """The platform confirmed ``record``: remove it; when it is the final request of its
        local reference, keep ``answer`` as the result. Idempotent."""
        with self._transaction() as db:
            db.execute("DELETE FROM outbox WHERE record_id = ?", (record.record_id,))
            if record.final:
                self._set_result(db, record.local_ref, "delivered", answer)

    def reject(self, record: Record, problem: Mapping[str, Any]) -> None:
        """The platform refused ``record`` for good: move it, and the rest of its local
        reference (which depends on it), to the dead letters."""
        failed_at = self._clock()
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO dead_letters(seq, record_id, local_ref, operation, "
                "path_params, content_type, idempotency_key, sealed, enqueued_at, failed_at, "
                "problem) SELECT seq, record_id, local_ref, operation, path_params, "
                "content_type, idempotency_key, sealed, enqueued_at, ?, ? FROM outbox "
                "WHERE local_ref = ?",
                (failed_at, json.dumps(dict(problem), ensure_ascii=False), record.local_ref),
            )
            db.execute("DELETE FROM outbox WHERE local_ref = ?", (record.local_ref,))
            self._set_result(db, record.local_ref, "rejected", dict(problem))

    def note_failure(self, record: Record, error: str) -> None:
        """A delivery attempt of ``record`` failed for now; count it and keep the reason."""
        with self._transaction() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE record_id = ?",
                (error[:500], record.record_id),
            )

    def _set_result(self, db: sqlite3.Connection, local_ref: str, state: str, answer: Any) -> None:
        sealed = self._sealer.seal(local_ref, json.dumps(answer).encode())
        db.execute(
            "INSERT INTO results(local_ref, state, sealed, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(local_ref) DO UPDATE SET state = excluded.state, "
            "sealed = excluded.sealed, updated_at = excluded.updated_at",
            (local_ref, state, sealed, self._clock()),
        )

    def result(self, local_ref: str) -> OutboxResult | None:
        """What became of ``local_ref``; None for a reference this outbox never issued."""
        with self._lock:
            row = self._db.execute(
                "SELECT state, sealed FROM results WHERE local_ref = ?", (local_ref,)
            ).fetchone()
        if row is None:
            return None
        state, sealed = row
        answer = json.loads(self._sealer.open(local_ref, sealed)) if sealed else None
        return OutboxResult(local_ref, state, answer)

    def status(self) -> OutboxStatus:
        """Depth, age of the oldest queued request, dead letters, and the last error."""
        with self._lock:
            depth, oldest = self._db.execute(
                "SELECT COUNT(*), MIN(enqueued_at) FROM outbox"
            ).fetchone()
            (dead,) = self._db.execute("SELECT COUNT(*) FROM dead_letters").fetchone()
            row = self._db.execute("SELECT last_error FROM outbox ORDER BY seq LIMIT 1").fetchone()
        age = None if oldest is None else max(0, int(self._clock() - oldest))
        return OutboxStatus(depth, age, dead, row[0] if row else "")

    def dead_letters(self) -> list[DeadLetter]:
        """The requests refused for good, oldest first (payloads stay sealed)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT local_ref, operation, idempotency_key, failed_at, problem "
                "FROM dead_letters ORDER BY seq"
            ).fetchall()
        return [DeadLetter(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]
