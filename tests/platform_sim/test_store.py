"""The simulator's database: an operation and its idempotency record commit together, durably,
in files only the owner can read."""

from __future__ import annotations

import sqlite3
import stat
import uuid
from pathlib import Path
from typing import NoReturn

import pytest

from platform_sim import RunningSimulator, idempotency
from platform_sim.server import DATABASE_NAME
from platform_sim.store import Store
from tests.platform_sim.helpers import SimClient, promised_application

APPLICATIONS = "/api/v1/applications"


def application_count(sim: RunningSimulator) -> int:
    with sim.service.store.transaction() as db:
        count: int = db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    return count


def test_a_crash_between_the_operation_and_its_key_leaves_nothing_a_resend_could_duplicate(
    sim: RunningSimulator, client: SimClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = promised_application(client, client.verify())
    key = str(uuid.uuid4())

    def disk_fails_when_keeping(*_: object) -> NoReturn:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr(idempotency, "keep", disk_fails_when_keeping)
        crashed = client.post(APPLICATIONS, body, key=key)
    assert crashed.status_code == 500
    first = client.post(APPLICATIONS, body, key=key)
    again = client.post(APPLICATIONS, body, key=key)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert application_count(sim) == 1


def test_a_refused_operation_keeps_its_answer_and_none_of_its_writes(
    sim: RunningSimulator, client: SimClient
) -> None:
    body = promised_application(client, client.verify())
    body["form"]["reason"] = "not an option"
    key = str(uuid.uuid4())
    first = client.post(APPLICATIONS, body, key=key)
    again = client.post(APPLICATIONS, body, key=key)
    assert first.status_code == again.status_code == 422
    assert again.content == first.content
    assert application_count(sim) == 0


def test_the_database_and_its_wal_and_shm_files_are_the_owners_only(
    sim: RunningSimulator, client: SimClient, tmp_path: Path
) -> None:
    client.verify()
    database = tmp_path / "platform-sim" / DATABASE_NAME
    files = [database, database.with_name(f"{DATABASE_NAME}-wal")]
    files.append(database.with_name(f"{DATABASE_NAME}-shm"))
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


def test_files_an_older_run_left_readable_are_made_private(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    sqlite3.connect(database).close()
    database.chmod(0o644)
    Store(database).close()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_commits_are_durable_with_wal_and_full_sync(sim: RunningSimulator) -> None:
    with sim.service.store.transaction() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_database_of_contract_1_0_gains_the_new_columns_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    database = tmp_path / DATABASE_NAME
    old = sqlite3.connect(database)
    old.execute(
        "CREATE TABLE verifications (verification_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL,"
        " id_number TEXT NOT NULL, name TEXT NOT NULL, phone TEXT, verified INTEGER NOT NULL,"
        " verified_at TEXT NOT NULL, expires_at TEXT NOT NULL)"
    )
    old.execute("INSERT INTO verifications VALUES ('v1', 'T', 'N', 'X', NULL, 1, 'a', 'b')")
    old.commit()
    old.close()
    store = Store(database)
    with store.transaction() as db:
        row = db.execute("SELECT level, sam_id FROM verifications").fetchone()
        columns = {r["name"] for r in db.execute("PRAGMA table_info(payments)")}
    store.close()
    assert (row["level"], row["sam_id"]) == ("face", None)
    assert {"expires_at", "charge_pending", "charge_settles_at"} <= columns
