"""The technician's outbox export: pending records and dead letters, payloads still sealed."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

from kiosk.maintenance.outbox_export import FORMAT, export_outbox
from kiosk.outbox.store import NewRecord, OutboxStore

SECRET = b'{"id_number":"110101199003074514"}'
MOMENT = datetime(2025, 3, 1, 8, 30, 5, tzinfo=UTC)


def test_export_holds_pending_and_dead_letters_still_sealed(tmp_path: Path) -> None:
    store = OutboxStore.in_data_dir(tmp_path)
    refused = store.enqueue([NewRecord("submitApplication", SECRET, "key-1")])
    record = store.head()
    assert record is not None and record.local_ref == refused
    store.reject(record, {"code": "invalid", "detail": "bad form"})
    store.enqueue([NewRecord("submitEvaluation", SECRET, "key-2")])

    exported = export_outbox(store, tmp_path, "KIOSK-1", now=lambda: MOMENT)
    store.close()

    assert exported.path == tmp_path / "exports" / "outbox-20250301T083005.000Z.json"
    assert (exported.pending, exported.dead_letters) == (1, 1)
    raw = exported.path.read_bytes()
    assert b"110101199003074514" not in raw
    document = json.loads(raw)
    assert document["format"] == FORMAT
    assert document["terminal_id"] == "KIOSK-1"
    assert [r["idempotency_key"] for r in document["pending"]] == ["key-2"]
    dead = document["dead_letters"][0]
    assert dead["local_ref"] == refused
    assert json.loads(dead["problem"])["code"] == "invalid"
    assert SECRET not in base64.b64decode(dead["sealed"])


def test_an_empty_outbox_exports_an_empty_file(tmp_path: Path) -> None:
    store = OutboxStore.in_data_dir(tmp_path)
    exported = export_outbox(store, tmp_path, "KIOSK-1", now=lambda: MOMENT)
    store.close()
    document = json.loads(exported.path.read_text("utf-8"))
    assert (document["pending"], document["dead_letters"]) == ([], [])
