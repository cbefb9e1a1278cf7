"""The outbox: durable, sealed, ordered delivery with dead letters, and the submit path."""

from __future__ import annotations

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
from kiosk.outbox.worker import Backoff, Delivery, DeliveryEvent, OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable
from kiosk.platform.models import (
    Applicant,
    ApplicationRequest,
    Correction,
    Evaluation,
    MaterialRef,
)
from kiosk.platform.transport import Timeouts, TlsSettings, Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from tests.kiosk.outbox.fake_platform import SECRET, TERMINAL_ID, Answer, FakePlatform, Seen

NAME = "欧阳娜娜"
ID_NUMBER = "33010619850312001X"
TODAY = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakePlatform]:
    platform = FakePlatform(tmp_path / "pki")
    yield platform
    platform.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OutboxStore]:
    outbox = OutboxStore(tmp_path / "outbox" / "outbox.sqlite3", now=lambda: TODAY)
    yield outbox
    outbox.close()


def client_for(server: FakePlatform) -> PlatformClient:
    transport = Transport(
        server.base_url,
        Signer(TERMINAL_ID, SECRET),
        TlsSettings(server.pki.ca_file),
        Timeouts(1.0, 1.0),
    )
    return PlatformClient(transport, NO_RETRY)


def application(scan: Upload | None = None) -> ApplicationRequest:
    return ApplicationRequest(
        verification_id="V-1",
        terminal_id=TERMINAL_ID,
        submitted_at=datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
        applicant=Applicant(NAME, ID_NUMBER, "13800000000"),
        form={"reason": "有效期满"},
        materials=(MaterialRef("photo", "scan", sha256=scan.sha256),) if scan else (),
        matter_code="330100000000000001",
    )


def key() -> str:
    return str(uuid.uuid4())


def scan() -> Upload:
    return Upload(b"\xff\xd8 jpeg " + uuid.uuid4().bytes, "image/jpeg", key())


def test_enqueue_returns_a_daily_local_reference_at_once(store: OutboxStore) -> None:
    refs = [store.enqueue([NewRecord("submitEvaluation", b"{}", key())]) for _ in range(2)]
    assert refs == ["L-20261123-0001", "L-20261123-0002"]
    result = store.result(refs[0])
    assert result is not None and result.state == "queued"
    assert store.status().depth == 2


def test_personal_data_is_encrypted_at_rest(server: FakePlatform, store: OutboxStore) -> None:
    server.offline = True
    submitter = Submitter(client_for(server), store)
    queued = submitter.submit(application(), idempotency_key=key())
    assert isinstance(queued, Queued)
    files = list(store.path.parent.iterdir())
    raw = b"".join(p.read_bytes() for p in files if p.suffix != ".key")
    for secret in (NAME, ID_NUMBER, "13800000000", "有效期满"):
        assert secret.encode() not in raw
    key_file = store.path.with_suffix(".key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_online_submission_returns_application_numbers(
    server: FakePlatform, store: OutboxStore
) -> None:
    upload = scan()
    outcome = Submitter(client_for(server), store).submit(
        application(upload), [upload], idempotency_key=key()
    )
    assert isinstance(outcome, Submitted)
    assert outcome.application_nos == ("A000000000001",)
    assert [s.method for s in server.seen] == ["PUT", "POST"]
    assert store.status().depth == 0


def test_offline_then_online_delivers_in_order_with_the_same_keys(
    server: FakePlatform, store: OutboxStore
) -> None:
    server.offline = True
    events: list[DeliveryEvent] = []
    worker = OutboxWorker(store, client_for(server), listener=events.append)
    submitter = Submitter(client_for(server), store, worker)
    upload, app_key = scan(), key()
    queued = submitter.submit(application(upload), [upload], idempotency_key=app_key)
    assert isinstance(queued, Queued)
    assert worker.drain().stopped_on_failure
    assert store.status().depth == 2 and "connection" in store.status().last_error

    server.offline = False
    report = worker.drain()
    assert (report.delivered, report.stopped_on_failure) == (2, False)
    delivered = [s for s in server.seen if s.signature_ok and s.problems == []][-2:]
    assert [s.method for s in delivered] == ["PUT", "POST"]
    assert delivered[1].headers["Idempotency-Key"] == app_key
    result = store.result(queued.local_ref)
    assert result is not None and result.state == "delivered"
    assert result.answer["applications"][0]["application_no"] == "A000000000001"
    assert [(e.local_ref, e.state) for e in events] == [(queued.local_ref, "delivered")]
    assert store.status() == type(store.status())(0, None, 0, "")


def test_a_lost_answer_is_redelivered_and_replayed_not_duplicated(
    server: FakePlatform, store: OutboxStore
) -> None:
    first = True

    def act_then_lose_first_answer(seen: Seen) -> Answer:
        nonlocal first
        answer = server.platform(seen)
        lost, first = first, False
        return Answer(drop=True) if lost else answer

    server.handler = act_then_lose_first_answer
    app_key = key()
    submitter = Submitter(client_for(server), store)
    assert isinstance(submitter.submit(application(), idempotency_key=app_key), Queued)
    assert OutboxWorker(store, client_for(server)).drain().delivered == 1
    assert server.effects[app_key] == 1
    assert len(server.seen) == 2


def test_a_refusal_online_goes_back_to_the_caller_and_nothing_is_queued(
    server: FakePlatform, store: OutboxStore
) -> None:
    server.answers.append(
        Answer.problem(
            422, "validation_failed", errors=[{"field": "form.reason", "message": "必填"}]
        )
    )
    with pytest.raises(PlatformError) as caught:
        Submitter(client_for(server), store).submit(application(), idempotency_key=key())
    assert caught.value.errors[0].field == "form.reason"
    assert store.status().depth == 0


def test_a_refused_record_is_dead_lettered_with_what_depends_on_it(
    server: FakePlatform, store: OutboxStore
) -> None:
    upload = scan()
    server.offline = True
    queued = Submitter(client_for(server), store).submit(
        application(upload), [upload], idempotency_key=key()
    )
    assert isinstance(queued, Queued)
    later = store.enqueue([NewRecord("submitEvaluation", b'{"x":1}', key())])
    server.offline = False
    server.answers.append(Answer.problem(403, "verification_required"))
    worker = OutboxWorker(store, client_for(server))
    assert worker.deliver_next() is Delivery.REJECTED
    assert [d.problem["code"] for d in store.dead_letters()] == ["verification_required"] * 2
    result = store.result(queued.local_ref)
    assert result is not None and result.state == "rejected"
    assert store.head() is not None and store.head().local_ref == later  # type: ignore[union-attr]


def test_transient_failures_keep_the_record_at_the_head(
    server: FakePlatform, store: OutboxStore
) -> None:
    store.enqueue([NewRecord("submitEvaluation", b"{}", key())])
    worker = OutboxWorker(store, client_for(server))
    for answer in (
        Answer.problem(503, "unavailable"),
        Answer.problem(429, "rate_limited"),
        Answer.problem(401, "clock_skew"),
        Answer(502, b"<html>bad gateway</html>"),
    ):
        server.answers.append(answer)
        assert worker.deliver_next() is Delivery.DEFERRED
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
    server: FakePlatform, store: OutboxStore
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
        server.offline = True
        queued = Submitter(client_for(server), store, worker).submit_correction(
            "A000000000009", correction, idempotency_key=key()
        )
        assert isinstance(queued, Queued)
        server.offline = False
        assert done.wait(5)
    finally:
        worker.stop()
    assert events[0].answer["application_no"] == "A000000000009"


def test_corrections_and_evaluations_go_online_when_they_can(
    server: FakePlatform, store: OutboxStore
) -> None:
    submitter = Submitter(client_for(server), store)
    correction = Correction("V-1", (MaterialRef("photo", "deferred"),))
    corrected = submitter.submit_correction("A000000000009", correction, idempotency_key=key())
    assert isinstance(corrected, Corrected)
    assert corrected.application.application_no == "A000000000009"
    rating = Evaluation(5, datetime.now(UTC), matter_code="330100000000000001")
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
