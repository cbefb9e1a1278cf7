"""A full disk is a typed outcome of a submit, never a raw SQLite error, and it loses nothing
that was queued before it; once there is room again, submitting works again."""

from __future__ import annotations

import errno
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.outbox.store import STORAGE_FULL, NewRecord, OutboxStore
from kiosk.outbox.submitter import Queued, StoreUnavailable, Submitter
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import Timeouts
from kiosk.platform.models import Applicant, ApplicationRequest
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer


def unreachable_client() -> PlatformClient:
    """A client for a port nobody listens on: the kiosk is off line."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    transport = Transport(
        f"https://127.0.0.1:{port}", Signer("T-1", b"s"), timeouts=Timeouts(1, 1, 2)
    )
    return PlatformClient(transport, NO_RETRY)


def application(size: int = 0) -> ApplicationRequest:
    return ApplicationRequest(
        verification_id="V-1",
        terminal_id="T-1",
        submitted_at=datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
        applicant=Applicant("张伟", "33010619850312001X"),
        form={"reason": "有效期满", "note": "备" * size},
        matter_code="330100000000000001",
    )


def queued_before(store: OutboxStore) -> str:
    return store.enqueue([NewRecord("submitEvaluation", b'{"score":5}', str(uuid.uuid4()))])


def assert_kept(store: OutboxStore, local_ref: str) -> None:
    head = store.head()
    assert head is not None and head.local_ref == local_ref and head.body == b'{"score":5}'
    assert store.status().depth == 1
    result = store.result(local_ref)
    assert result is not None and result.state == "queued"


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB file system (tmpfs), where the test may mount one (root)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]
    if shutil.which("mount") is None or subprocess.run(mount, check=False).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root; the page-limit test covers the rest")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


def fill(disk: Path) -> Path:
    """Take every free byte of ``disk`` with one file; returns it."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_full_file_system_is_a_typed_outcome_and_loses_nothing(tiny_disk: Path) -> None:
    store = OutboxStore(tiny_disk / "outbox.sqlite3")
    earlier = queued_before(store)
    filler = fill(tiny_disk)

    outcome = Submitter(unreachable_client(), store).submit(
        application(size=20_000), idempotency_key=str(uuid.uuid4())
    )
    assert isinstance(outcome, StoreUnavailable)
    assert outcome.code == STORAGE_FULL
    assert_kept(store, earlier)

    filler.unlink()
    again = Submitter(unreachable_client(), store).submit(
        application(size=20_000), idempotency_key=str(uuid.uuid4())
    )
    assert isinstance(again, Queued)
    assert store.status().depth == 2
    store.close()


def test_a_database_at_its_page_limit_is_a_typed_outcome_and_loses_nothing(
    tmp_path: Path,
) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    earlier = queued_before(store)
    # SQLite's own limit on the file's size: it fails the write with SQLITE_FULL, as on a full
    # disk. (A connection setting, so it is set on the store's own connection.)
    (pages,) = store._db.execute("PRAGMA page_count").fetchone()
    store._db.execute(f"PRAGMA max_page_count = {pages}")

    outcome = Submitter(unreachable_client(), store).submit(
        application(size=20_000), idempotency_key=str(uuid.uuid4())
    )
    assert isinstance(outcome, StoreUnavailable)
    assert outcome.code == STORAGE_FULL
    assert_kept(store, earlier)

    store._db.execute(f"PRAGMA max_page_count = {pages * 100}")
    again = Submitter(unreachable_client(), store).submit(
        application(size=20_000), idempotency_key=str(uuid.uuid4())
    )
    assert isinstance(again, Queued)
    store.close()
