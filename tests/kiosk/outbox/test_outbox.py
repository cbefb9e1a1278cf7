"""The outbox: durable, sealed, ordered delivery with dead letters, and the submit path."""

from __future__ import annotations

import json
import stat
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.outbox.policy import judge
from kiosk.outbox.store import NewRecord, OutboxStore
from kiosk.outbox.submitter import Corrected, Evaluated, Queued, Submitted, Submitter, Upload
from kiosk.outbox.worker import Backoff, DeliveryEvent, DeliveryStep, OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable
from kiosk.platform.models import (
    ApplicationRequest,
    Correction,
    Evaluation,
    MaterialRef,
    Verification,
)
from platform_sim import Fault, FaultKind, RunningSimulator
from tests.kiosk.platform import simulated
from tests.kiosk.platform.simulated import PHONE
from tests.platform_sim.helpers import INSTANT, RESIDENT

NAME = RESIDENT["name"]
ID_NUMBER = RESIDENT["id_number"]
TODAY = datetime(2026, 11, 23, 10, 0)
CORRECTED = {
    "application_no": "A000000000009",
    "query_code": "AB12CD",
    "matter_code": INSTANT,
    "matter_name": "社保卡挂失",
    "status": "accepted",
    "accepted_at": "2026-11-23T02:00:00Z",
    "history": [{"at": "2026-11-23T02:00:00Z", "status": "accepted"}],
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningSimulator]:
    platform = simulated.start(tmp_path / "platform-sim")
    yield platform
    platform.stop()


@pytest.fixture
def verification(server: RunningSimulator) -> Verification:
    """The resident's verification, obtained online (the first request the platform saw)."""
    return simulated.verify(client_for(server))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OutboxStore]:
    outbox = OutboxStore(tmp_path / "outbox" / "outbox.sqlite3", now=lambda: TODAY)
    yield outbox
    outbox.close()


def client_for(server: RunningSimulator) -> PlatformClient:
    return simulated.client_for(server)


def application(verification: Verification, scan: Upload | None = None) -> ApplicationRequest:
    return simulated.application(verification, scan)


def respond(status: int, code: str, body: bytes | None = None) -> Fault:
    """The platform answers ``status`` (a problem with ``code``, or ``body``) without acting."""
    return Fault(FaultKind.RESPOND, status, code, body=body)


def problem_with_errors(code: str, errors: list[dict[str, str]]) -> bytes:
    document = {"type": f"urn:problem:{code}", "title": code, "status": 422, "code": code}
    return json.dumps(document | {"errors": errors}, ensure_ascii=False).encode()


def corrected_answer() -> Fault:
    """The platform accepts the correction of ``A000000000009`` without acting."""
    body = json.dumps(CORRECTED, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json"}
    return Fault(FaultKind.RESPOND, 200, body=body, headers=headers, operation="submitCorrection")


def key() -> str:
    return str(uuid.uuid4())


def scan() -> Upload:
    return simulated.scan()


def test_enqueue_returns_a_daily_local_reference_at_once(store: OutboxStore) -> None:
    refs = [store.enqueue([NewRecord("submitEvaluation", b"{}", key())]) for _ in range(2)]
    assert refs == ["L-20261123-0001", "L-20261123-0002"]
    result = store.result(refs[0])
    assert result is not None and result.state == "queued"
    assert store.status().depth == 2


def test_personal_data_is_encrypted_at_rest(
    server: RunningSimulator, store: OutboxStore, verification: Verification
) -> None:
    server.set_offline(True, drop=True)
    submitter = Submitter(client_for(server), store)
    queued = submitter.submit(application(verification), idempotency_key=key())
    assert isinstance(queued, Queued)
    files = list(store.path.parent.iterdir())
    raw = b"".join(p.read_bytes() for p in files if p.suffix != ".key")
    for secret in (NAME, ID_NUMBER, PHONE):
        assert secret.encode() not in raw
    key_file = store.path.with_suffix(".key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_online_submission_returns_application_numbers(
    server: RunningSimulator, store: OutboxStore, verification: Verification
) -> None:
    upload = scan()
    outcome = Submitter(client_for(server), store).submit(
        application(verification, upload), [upload], idempotency_key=key()
    )
    assert isinstance(outcome, Submitted)
    assert outcome.application_nos == tuple(simulated.application_nos(server))
    assert len(outcome.application_nos) == 1
    assert [e.method for e in server.exchanges[1:]] == ["PUT", "POST"]
    assert store.status().depth == 0


def test_offline_then_online_delivers_in_order_with_the_same_keys(
    server: RunningSimulator, store: OutboxStore, verification: Verification
) -> None:
    server.set_offline(True, drop=True)
    events: list[DeliveryEvent] = []
    worker = OutboxWorker(store, client_for(server), listener=events.append)
    submitter = Submitter(client_for(server), store, worker)
    upload, app_key = scan(), key()
    queued = submitter.submit(application(verification, upload), [upload], idempotency_key=app_key)
    assert isinstance(queued, Queued)
    assert worker.drain().stopped_on_failure
    assert store.status().depth == 2 and "connection" in store.status().last_error

    server.set_offline(False)
    report = worker.drain()
    assert (report.delivered, report.stopped_on_failure) == (2, False)
    delivered = [e for e in server.exchanges if e.signature_ok][-2:]
    assert [e.method for e in delivered] == ["PUT", "POST"]
    assert delivered[1].headers["Idempotency-Key"] == app_key
    result = store.result(queued.local_ref)
    assert result is not None and result.state == "delivered"
    assert [result.answer["applications"][0]["application_no"]] == simulated.application_nos(server)
    assert [(e.local_ref, e.state) for e in events] == [(queued.local_ref, "delivered")]
    assert store.status() == type(store.status())(0, None, 0, "")


def test_a_lost_answer_is_redelivered_and_replayed_not_duplicated(
    server: RunningSimulator, store: OutboxStore, verification: Verification
) -> None:
    server.faults.add(Fault(FaultKind.DROP_AFTER))
    app_key = key()
    submitter = Submitter(client_for(server), store)
    assert isinstance(submitter.submit(application(verification), idempotency_key=app_key), Queued)
    assert OutboxWorker(store, client_for(server)).drain().delivered == 1
    assert simulated.acted(server)[app_key] == 1
    assert len(simulated.application_nos(server)) == 1
    assert len(server.exchanges[1:]) == 2


def test_a_refusal_online_goes_back_to_the_caller_and_nothing_is_queued(
    server: RunningSimulator, store: OutboxStore, verification: Verification
) -> None:
    errors = [{"field": "form.reason", "message": "必填"}]
    server.faults.add(respond(422, "", problem_with_errors("validation_failed", errors)))
    with pytest.raises(PlatformError) as caught:
        Submitter(client_for(server), store).submit(
            application(verification), idempotency_key=key()
        )
    assert caught.value.errors[0].field == "form.reason"
    assert store.status().depth == 0


def test_a_refused_record_is_dead_lettered_with_what_depends_on_it(
    server: RunningSimulator, store: OutboxStore, verification: Verification
) -> None:
    upload = scan()
    server.set_offline(True, drop=True)
    queued = Submitter(client_for(server), store).submit(
        application(verification, upload), [upload], idempotency_key=key()
    )
    assert isinstance(queued, Queued)
    later = store.enqueue([NewRecord("submitEvaluation", b'{"x":1}', key())])
    server.set_offline(False)
    server.faults.add(respond(403, "verification_required"))
    worker = OutboxWorker(store, client_for(server))
    assert worker.deliver_next() is DeliveryStep.REJECTED
    assert [d.problem["code"] for d in store.dead_letters()] == ["verification_required"] * 2
    result = store.result(queued.local_ref)
    assert result is not None and result.state == "rejected"
    assert store.head() is not None and store.head().local_ref == later  # type: ignore[union-attr]


def test_transient_failures_keep_the_record_at_the_head(
    server: RunningSimulator, store: OutboxStore
) -> None:
    store.enqueue([NewRecord("submitEvaluation", b"{}", key())])
    worker = OutboxWorker(store, client_for(server))
    for answer in (
        respond(503, "unavailable"),
        respond(429, "rate_limited"),
        respond(401, "clock_skew"),
        respond(502, "", b"<html>bad gateway</html>"),
    ):
        server.faults.add(answer)
        assert worker.deliver_next() is DeliveryStep.DEFERRED
    head = store.head()
    assert head is not None and head.attempts == 4


@pytest.mark.parametrize(
    ("failure", "retry"),
    [
        (PlatformUnreachable("timeout"), True),
        (PlatformUnreachable("TLS", tls=True), True),
        (PlatformError(500, "unavailable"), True),
        (PlatformError(408, "timeout"), True),
        (PlatformError(429, "rate_limited"), True),
        (PlatformError(401, "clock_skew"), True),
        (PlatformError(400, "bad_request"), False),
        (PlatformError(403, "verification_required"), False),
        (PlatformError(404, "not_found"), False),
        (PlatformError(409, "idempotency_conflict"), False),
        (PlatformError(422, "validation_failed"), False),
        (MalformedResponse(502, "html"), True),
        (MalformedResponse(201, "schema"), False),
    ],
)
def test_dead_letter_policy(failure: Exception, retry: bool) -> None:
    assert judge(failure).retry is retry  # type: ignore[arg-type]


def test_worker_thread_delivers_and_tells_the_listener(
    server: RunningSimulator, store: OutboxStore
) -> None:
    done = threading.Event()
    events: list[DeliveryEvent] = []

    def listen(event: DeliveryEvent) -> None:
        events.append(event)
        done.set()

    worker = OutboxWorker(store, client_for(server), Backoff(0.01, 0.05), 0.01, listener=listen)
    worker.start()
    try:
        correction = Correction("V-1", (MaterialRef("photo", "deferred"),))
        server.set_offline(True, drop=True)
        queued = Submitter(client_for(server), store, worker).submit_correction(
            "A000000000009", correction, idempotency_key=key()
        )
        assert isinstance(queued, Queued)
        server.faults.add(corrected_answer())
        server.set_offline(False)
        assert done.wait(5)
    finally:
        worker.stop()
    assert events[0].answer["application_no"] == "A000000000009"


def test_corrections_and_evaluations_go_online_when_they_can(
    server: RunningSimulator, store: OutboxStore
) -> None:
    server.faults.add(corrected_answer())
    submitter = Submitter(client_for(server), store)
    correction = Correction("V-1", (MaterialRef("photo", "deferred"),))
    corrected = submitter.submit_correction("A000000000009", correction, idempotency_key=key())
    assert isinstance(corrected, Corrected)
    assert corrected.application.application_no == "A000000000009"
    rating = Evaluation(5, datetime.now(UTC), matter_code=INSTANT)
    assert isinstance(submitter.submit_evaluation(rating, idempotency_key=key()), Evaluated)


def test_a_record_that_cannot_be_opened_is_dead_lettered(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    first = OutboxStore(path, key_path=tmp_path / "a.key")
    first.enqueue([NewRecord("submitEvaluation", b"{}", key())])
    first.close()
    second = OutboxStore(path, key_path=tmp_path / "b.key")
    assert second.head() is None
    assert [d.problem["code"] for d in second.dead_letters()] == ["unreadable"]
    second.close()


def test_status_reports_depth_and_oldest_age(tmp_path: Path) -> None:
    clock = iter([1000.0, 1090.5])
    outbox = OutboxStore(tmp_path / "o.sqlite3", clock=lambda: next(clock))
    outbox.enqueue([NewRecord("submitEvaluation", b"{}", key())])
    status = outbox.status()
    assert (status.depth, status.oldest_age_s) == (1, 90)
    outbox.close()
