"""A technician puts a dead letter back in the queue (maintenance screen, 重新投递)."""

from __future__ import annotations

import uuid
from pathlib import Path

from kiosk.outbox.store import NewRecord, OutboxStore


def _store(tmp_path: Path) -> OutboxStore:
    return OutboxStore(tmp_path / "outbox" / "outbox.sqlite3")


def test_a_retried_dead_letter_is_queued_again_in_order_with_fresh_keys(tmp_path: Path) -> None:
    store = _store(tmp_path)
    keys = [str(uuid.uuid4()), str(uuid.uuid4())]
    ref = store.enqueue([NewRecord("putUpload", b"scan", keys[0]),
                         NewRecord("submitApplication", b'{"a":1}', keys[1])])
    head = store.head()
    assert head is not None
    store.reject(head, {"code": "verification_required"})
    assert store.status().dead_letters == 2 and store.head() is None

    assert store.retry_dead_letter(ref)
    records = store.records(ref)
    assert [r.operation for r in records] == ["putUpload", "submitApplication"]
    assert [r.final for r in records] == [False, True]
    assert [r.body for r in records] == [b"scan", b'{"a":1}']
    assert not {r.idempotency_key for r in records} & set(keys)
    assert store.dead_letters() == [] and store.status().depth == 2
    result = store.result(ref)
    assert result is not None and result.state == "queued"
    store.close()


def test_retrying_an_unknown_dead_letter_changes_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert not store.retry_dead_letter("L-20250101-0001")
    assert store.status().depth == 0
    store.close()


def test_sending_is_true_only_while_a_claim_is_held(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert not store.sending()
    ref = store.enqueue([NewRecord("submitEvaluation", b"{}", str(uuid.uuid4()))], claimed=True)
    assert store.sending()
    store.release(ref)
    assert not store.sending()
    store.close()
