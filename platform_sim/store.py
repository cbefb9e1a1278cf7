"""The simulator's state in one SQLite file, so it survives a restart.

One connection shared by the request threads behind one lock: the simulator serialises
request handling (see ``service.py``), which keeps idempotency and slot capacity exact
without any finer locking. Durability as the kiosk's outbox: WAL with ``synchronous=FULL``,
so a committed operation and its idempotency record survive a crash together. The database
and its ``-wal``/``-shm`` files are the owner's only (0600): they hold personal data.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS verifications (
    verification_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    id_number TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT,
    verified INTEGER NOT NULL,
    verified_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'face',
    sam_id TEXT
);
CREATE TABLE IF NOT EXISTS nonces (
    terminal_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, nonce)
);
CREATE TABLE IF NOT EXISTS idempotency (
    terminal_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    body BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, key)
);
CREATE TABLE IF NOT EXISTS uploads (
    sha256 TEXT NOT NULL,
    id_number TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (sha256, id_number)
);
CREATE TABLE IF NOT EXISTS applications (
    application_no TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    query_code TEXT NOT NULL,
    id_number TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    matter_code TEXT NOT NULL,
    matter_name TEXT NOT NULL,
    completes_at_once INTEGER NOT NULL,
    status TEXT NOT NULL,
    status_at TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    promised_date TEXT,
    correction_note TEXT,
    deferred TEXT NOT NULL,
    result_document TEXT,
    form TEXT NOT NULL,
    materials TEXT NOT NULL,
    order_no TEXT
);
CREATE TABLE IF NOT EXISTS application_history (
    application_no TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (application_no, seq)
);
CREATE TABLE IF NOT EXISTS payments (
    order_no TEXT PRIMARY KEY,
    amount_cents INTEGER NOT NULL,
    items TEXT NOT NULL,
    status TEXT NOT NULL,
    paid_at TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    charge_pending INTEGER NOT NULL DEFAULT 0,
    charge_settles_at TEXT
);
CREATE TABLE IF NOT EXISTS slots (
    slot_id TEXT PRIMARY KEY,
    matter_code TEXT NOT NULL,
    hall_code TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    booked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS appointments (
    appointment_no TEXT PRIMARY KEY,
    slot_id TEXT NOT NULL,
    id_number TEXT NOT NULL,
    phone TEXT NOT NULL,
    booked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id TEXT NOT NULL,
    application_no TEXT UNIQUE,
    rating INTEGER NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS heartbeats (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commands (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    command TEXT NOT NULL,
    reason TEXT,
    queued_at TEXT NOT NULL
);
"""

ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("verifications", "level", "TEXT NOT NULL DEFAULT 'face'"),
    ("verifications", "sam_id", "TEXT"),
    ("payments", "expires_at", "TEXT"),
    ("payments", "charge_pending", "INTEGER NOT NULL DEFAULT 0"),
    ("payments", "charge_settles_at", "TEXT"),
)
"""Columns added since the first schema (contract 1.1), added to a database an older
simulator created; its rows get the defaults (a verification of old was face-level)."""

PRIVATE_MODE = 0o600


def _create_private(path: Path) -> None:
    """Create the database file 0600 before SQLite opens it (SQLite gives its ``-wal`` and
    ``-shm`` files the database file's mode), and tighten files an older run left."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_MODE))
    for file in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        if file.exists():
            file.chmod(PRIVATE_MODE)


class Store:
    """The SQLite database; ``transaction()`` yields the connection under the store's lock."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(path)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)
        self._add_missing_columns()
        self._lock = threading.RLock()

    def _add_missing_columns(self) -> None:
        for table, column, declaration in ADDED_COLUMNS:
            present = {row["name"] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed when the block ends, rolled back on error.

        Re-entrant: a nested ``transaction()`` joins the outer one.
        """
        with self._lock:
            if self._db.in_transaction:
                yield self._db
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextmanager
    def savepoint(self) -> Iterator[sqlite3.Connection]:
        """A part of the current transaction that is undone on its own when the block raises
        (the exception still propagates); the enclosing transaction goes on."""
        with self._lock:
            self._db.execute("SAVEPOINT part")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK TO part")
                self._db.execute("RELEASE part")
                raise
            self._db.execute("RELEASE part")

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
