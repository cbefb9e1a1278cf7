"""The outbox's SQLite store: queued requests, dead letters and delivery results.

Durability: WAL journal with ``synchronous=FULL``, and every change in one transaction, so an
``enqueue`` that has returned survives a power cut and a kill at any point leaves either the
old or the new state. A change the disk cannot take (full, failing, read-only) is rolled back
whole and raised as :class:`OutboxUnavailable`; what was stored before stays as it was. A
request is stored as the exact bytes that will be sent with its ``Idempotency-Key``;
redelivering it after a crash is therefore safe (the platform replays its first answer).
Payloads and results are sealed (:mod:`kiosk.outbox.sealing`); only what the worker needs to
route a request (operation, path parameters, times) is stored in clear.

Tables:

- ``outbox``: pending requests, delivered oldest first (``seq``). Records enqueued together
  (uploads, then the application that refers to them) share a ``local_ref``.
- ``dead_letters``: requests the platform refused for good, with its problem.
- ``results``: per ``local_ref``, ``queued`` → ``delivered`` (with the platform's answer) or
  ``rejected`` (with the problem), for the kiosk to read by local reference.

Records enqueued ``claimed`` are being sent online by the caller: the worker leaves their
local reference alone until the caller calls :meth:`~OutboxStore.release` (a claim lives in
memory only, so after a crash the worker delivers them like any other record).
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


STORAGE_FULL = "storage_full"
STORAGE_UNAVAILABLE = "storage_unavailable"
_CALLERS_ERRORS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.DataError)


class OutboxUnavailable(Exception):
    """The outbox could not store a change; nothing of it was kept, nothing before it lost.

    ``code`` is :data:`STORAGE_FULL` (the disk or the database is full) or
    :data:`STORAGE_UNAVAILABLE` (I/O error, read-only or damaged file, locked too long).
    """

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def _unavailable(exc: sqlite3.DatabaseError) -> OutboxUnavailable:
    full = getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL"
    return OutboxUnavailable(STORAGE_FULL if full else STORAGE_UNAVAILABLE, str(exc))


def open_database(path: Path, schema: str) -> sqlite3.Connection:
    """The outbox database at ``path`` (its folder created), as every user of it opens it:
    WAL, ``synchronous=FULL``, a 10 s busy timeout, usable from any thread, ``schema`` applied."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=10000")
    db.executescript(schema)
    return db


@contextmanager
def locked_transaction(
    db: sqlite3.Connection,
    lock: threading.Lock,
    passthrough: tuple[type[sqlite3.DatabaseError], ...] = (),
) -> Iterator[sqlite3.Connection]:
    """One transaction on ``db`` under ``lock``; a storage failure becomes
    :class:`OutboxUnavailable` after the whole transaction is rolled back (``passthrough``:
    errors that are the caller's own, raised as they are)."""
    with lock:
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # SQLite may have rolled back already
                    db.execute("ROLLBACK")
                raise
        except passthrough:
            raise
        except sqlite3.DatabaseError as exc:
            raise _unavailable(exc) from None


_SELECT_RECORDS = (
    "SELECT seq, record_id, local_ref, final, operation, path_params, content_type, "
    "idempotency_key, sealed, enqueued_at, attempts FROM outbox ORDER BY seq"
)
_SELECT_RECORDS_OF = (
    "SELECT seq, record_id, local_ref, final, operation, path_params, content_type, "
    "idempotency_key, sealed, enqueued_at, attempts FROM outbox WHERE local_ref = ? ORDER BY seq"
)


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
        path.parent.mkdir(parents=True, exist_ok=True)  # the key lives beside the database
        self.path = path
        self._sealer = Sealer(load_or_create_key(key_path or path.with_suffix(".key")))
        self._now = now
        self._clock = clock
        self._lock = threading.Lock()
        self._claimed: set[str] = set()
        self._db = open_database(path, SCHEMA)

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
        """One transaction under the lock; a storage failure becomes :class:`OutboxUnavailable`
        after the whole transaction is rolled back."""
        with locked_transaction(self._db, self._lock, _CALLERS_ERRORS) as db:
            yield db

    def enqueue(self, records: Sequence[NewRecord], *, claimed: bool = False) -> str:
        """Queue ``records`` together, in order; the last is the one whose answer is the
        result. Returns the new local reference (``L-YYYYMMDD-NNNN``) once it is on disk.

        ``claimed``: the caller sends them itself now; the worker skips them until
        :meth:`release`. Raises :class:`OutboxUnavailable` when they cannot be stored."""
        if not records:
            raise ValueError("nothing to enqueue")
        day = self._now().strftime("%Y%m%d")
        stamp = self._clock()
        local_ref = ""
        try:
            with self._transaction() as db:
                db.execute(
                    "INSERT INTO local_refs(day, last) VALUES (?, 1) "
                    "ON CONFLICT(day) DO UPDATE SET last = last + 1",
                    (day,),
                )
                (number,) = db.execute(
                    "SELECT last FROM local_refs WHERE day = ?", (day,)
                ).fetchone()
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
                if claimed:  # before COMMIT, under the lock: the worker never sees it unclaimed
                    self._claimed.add(local_ref)
        except BaseException:
            with self._lock:  # rolled back: the number goes to the next enqueue, unclaimed
                self._claimed.discard(local_ref)
            raise
        return local_ref

    def release(self, local_ref: str) -> None:
        """The caller is done sending ``local_ref`` online; what is left is the worker's."""
        with self._lock:
            self._claimed.discard(local_ref)

    def sending(self) -> bool:
        """True while a caller's online send holds a claim (maintenance waits for it)."""
        with self._lock:
            return bool(self._claimed)

    def retry_dead_letter(self, local_ref: str) -> bool:
        """Put the dead letters of ``local_ref`` back in the queue, in their old place, each
        with a fresh ``Idempotency-Key`` (the platform would replay its refusal for the old
        one); the result is ``queued`` again. False when there is no such dead letter."""
        with self._transaction() as db:
            moved = db.execute(
                "INSERT INTO outbox(seq, record_id, local_ref, final, operation, path_params, "
                "content_type, idempotency_key, sealed, enqueued_at) "
                "SELECT seq, record_id, local_ref, "
                "seq = (SELECT MAX(seq) FROM dead_letters WHERE local_ref = ?1), operation, "
                "path_params, content_type, idempotency_key, sealed, enqueued_at "
                "FROM dead_letters WHERE local_ref = ?1",
                (local_ref,),
            ).rowcount
            if not moved:
                return False
            for (record_id,) in db.execute(
                "SELECT record_id FROM outbox WHERE local_ref = ?", (local_ref,)
            ).fetchall():
                db.execute(
                    "UPDATE outbox SET idempotency_key = ? WHERE record_id = ?",
                    (str(uuid.uuid4()), record_id),
                )
            db.execute("DELETE FROM dead_letters WHERE local_ref = ?", (local_ref,))
            db.execute(
                "UPDATE results SET state = 'queued', sealed = NULL, updated_at = ? "
                "WHERE local_ref = ?",
                (self._clock(), local_ref),
            )
        return True

    def records(self, local_ref: str) -> list[Record]:
        """The queued requests of ``local_ref``, in order (payloads opened)."""
        with self._lock:
            rows = self._db.execute(_SELECT_RECORDS_OF, (local_ref,)).fetchall()
        return [self._open(row) for row in rows]

    def head(self) -> Record | None:
        """The oldest queued request not claimed by an online send, or None when there is
        none.

        A record that cannot be opened (key replaced, file damaged) is dead-lettered with the
        problem ``unreadable`` rather than blocking the queue for ever.
        """
        from cryptography.exceptions import InvalidTag  # loaded by the sealer's first open

        while True:
            with self._lock:
                rows = self._db.execute(_SELECT_RECORDS)
                row = next((r for r in rows if r[2] not in self._claimed), None)
                rows.close()
            if row is None:
                return None
            try:
                return self._open(row)
            except InvalidTag:
                self.reject(
                    self._open(row, sealed=False),
                    {"code": "unreadable", "detail": "sealed payload"},
                )

    def _open(self, row: tuple[Any, ...], sealed: bool = True) -> Record:
        """The record of an outbox row; its payload opened unless ``sealed`` is False
        (``InvalidTag`` when it cannot be)."""
        seq, record_id, local_ref, final, op, params, ctype, key, payload, enqueued, tries = row
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
        if not sealed:
            return record
        opened = json.loads(self._sealer.open(record_id, payload))
        return replace(
            record, body=base64.b64decode(opened["body"]), verification_id=opened["verification_id"]
        )

    def withdraw(self, local_ref: str) -> None:
        """Forget ``local_ref`` as if it had never been queued: the platform refused it online
        and the caller has the refusal to show (the citizen corrects the form on the spot)."""
        with self._transaction() as db:
            db.execute("DELETE FROM outbox WHERE local_ref = ?", (local_ref,))
            db.execute("DELETE FROM results WHERE local_ref = ?", (local_ref,))

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

    def results(self) -> list[OutboxResult]:
        """What became of every local reference, oldest first: after a crash, the receipt of
        a submission whose caller never heard back can still be produced from here."""
        with self._lock:
            rows = self._db.execute(
                "SELECT local_ref, state, sealed FROM results ORDER BY updated_at, local_ref"
            ).fetchall()
        return [
            OutboxResult(ref, state, json.loads(self._sealer.open(ref, sealed)) if sealed else None)
            for ref, state, sealed in rows
        ]

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

    def sealed_rows(self) -> dict[str, list[dict[str, Any]]]:
        """The pending records (``outbox``) and the dead letters as stored: payloads still
        sealed (base64), for an export that only the terminal's key can open."""
        found: dict[str, list[dict[str, Any]]] = {}
        with self._lock:
            for table in ("outbox", "dead_letters"):
                cursor = self._db.execute(f"SELECT * FROM {table} ORDER BY seq")  # noqa: S608
                names = [column[0] for column in cursor.description]
                found[table] = [
                    {
                        name: base64.b64encode(value).decode("ascii")
                        if isinstance(value, bytes)
                        else value
                        for name, value in zip(names, row, strict=True)
                    }
                    for row in cursor.fetchall()
                ]
        return found

    def dead_letters(self) -> list[DeadLetter]:
        """The requests refused for good, oldest first (payloads stay sealed)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT local_ref, operation, idempotency_key, failed_at, problem "
                "FROM dead_letters ORDER BY seq"
            ).fetchall()
        return [DeadLetter(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]
