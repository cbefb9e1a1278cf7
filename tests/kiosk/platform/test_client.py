"""The platform client against the project's simulated platform (which checks what the
platform checks), with its fault hook standing in for a platform that misbehaves."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.platform.client import PlatformClient, operation
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable
from kiosk.platform.exchange import Timeouts
from kiosk.platform.models import (
    Applicant,
    ApplicationRequest,
    Booking,
    Card,
    Correction,
    Evaluation,
    Heartbeat,
    MaterialRef,
    VerifyRequest,
)
from kiosk.platform.transport_retry import RetryPolicy
from platform_api.contract import contract
from platform_api.signing import SignAlg, format_timestamp
from platform_sim import Fault, FaultKind, RunningSimulator
from platform_sim.pki import ensure_key_material
from tests.kiosk.platform import simulated
from tests.kiosk.platform.simulated import TERMINAL_ID

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
RETRY = RetryPolicy(max_attempts=4)
TIMEOUTS = Timeouts(2.0, 2.0)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = simulated.start(tmp_path / "platform-sim")
    yield running
    running.stop()


def make_client(
    sim: RunningSimulator,
    *,
    ca: Path | None = None,
    secret: bytes | None = None,
    alg: SignAlg = SignAlg.HMAC_SHA256,
    retry: RetryPolicy = RETRY,
    timeouts: Timeouts = TIMEOUTS,
    sleeps: list[float] | None = None,
) -> PlatformClient:
    return simulated.client_for(
        sim,
        ca=ca,
        secret=secret,
        alg=alg,
        retry=retry,
        timeouts=timeouts,
        sleeps=sleeps if sleeps is not None else [],
    )


def request() -> ApplicationRequest:
    """An application the fault hook answers before the platform looks at it."""
    return ApplicationRequest(
        verification_id="V-1",
        terminal_id=TERMINAL_ID,
        submitted_at=NOW,
        applicant=Applicant("张伟", "33010619850312001X", "13800000000"),
        form={"reason": "有效期满"},
        materials=(MaterialRef("photo", "scan", sha256="a" * 64),),
        matter_code="330100000000000001",
    )


def application(no: str, matter_code: str = "330100000000000001") -> dict[str, Any]:
    """A contract-valid ``Application``."""
    now = format_timestamp(datetime.now(UTC))
    return {
        "application_no": no,
        "query_code": "AB12CD",
        "matter_code": matter_code,
        "matter_name": "测试事项",
        "status": "accepted",
        "accepted_at": now,
        "history": [{"at": now, "status": "accepted"}],
    }


def respond(status: int, document: Any = None, *, operation: str | None = None, **kw: Any) -> Fault:
    """A fault that answers ``status`` with ``document`` as JSON (or a problem) unacted."""
    if document is None:
        return Fault(FaultKind.RESPOND, status, operation=operation, **kw)
    media = "application/problem+json" if status >= 400 else "application/json"
    body = json.dumps(document, ensure_ascii=False).encode()
    return Fault(
        FaultKind.RESPOND, status, body=body, headers={"Content-Type": media}, operation=operation
    )


def problem(status: int, code: str, **extra: Any) -> dict[str, Any]:
    """An RFC 9457 problem with the contract's ``code``."""
    return {"type": f"urn:problem:{code}", "title": code, "status": status, "code": code} | extra


@pytest.mark.parametrize("alg", list(SignAlg))
def test_every_request_carries_signature_headers_the_server_can_verify(
    sim: RunningSimulator, alg: SignAlg
) -> None:
    client = make_client(sim, alg=alg)
    client.get_catalogue(region="330109")
    verification = simulated.verify(client)
    client.submit_application(simulated.application(verification), idempotency_key=uuid.uuid4())
    assert [e.signature_ok for e in sim.exchanges] == [True, True, True]
    assert sim.exchanges[0].target == "/api/v1/catalogue?region=330109"
    assert {e.headers["X-Sign-Alg"] for e in sim.exchanges} == {str(alg)}
    assert sim.exchanges[0].headers["X-Terminal-Id"] == TERMINAL_ID


def test_signature_covers_the_exact_body_bytes_and_escaped_path(sim: RunningSimulator) -> None:
    client = make_client(sim)
    verification = simulated.verify(client)
    upload = simulated.scan()
    client.put_upload(
        upload.data,
        upload.content_type,
        verification_id=verification.verification_id,
        idempotency_key=uuid.uuid4(),
    )
    submitted = client.submit_application(
        simulated.application(verification, upload), idempotency_key=uuid.uuid4()
    )
    no = submitted.application_nos[0]
    sim.request_correction(no, "请补正")
    query_code = submitted.applications[0].query_code
    client.get_application(no, query_code)
    correction = Correction(
        verification.verification_id,
        (MaterialRef("photo", "scan", sha256=upload.sha256),),
        {"address": "补正 材料"},
    )
    corrected = client.submit_correction(no, correction, idempotency_key=uuid.uuid4())
    assert corrected.application_no == no
    assert all(e.signature_ok for e in sim.exchanges)
    assert sim.exchanges[3].target == f"/api/v1/applications/{no}?query_code={query_code}"
    assert "补正 材料".encode() in sim.exchanges[4].body


def test_a_wrong_secret_is_refused_with_the_platforms_code(sim: RunningSimulator) -> None:
    with pytest.raises(PlatformError) as caught:
        make_client(sim, secret=b"another secret").get_catalogue()
    assert (caught.value.status, caught.value.code) == (401, "bad_signature")


def test_catalogue_304_when_the_etag_is_current(sim: RunningSimulator) -> None:
    client = make_client(sim)
    first = client.get_catalogue()
    assert first.catalogue is not None and len(first.catalogue.matters) == 4
    assert first.etag == sim.service.world.catalogue.etag
    again = client.get_catalogue(etag=first.etag)
    assert again.not_modified and again.etag == first.etag
    assert sim.exchanges[1].headers["If-None-Match"] == first.etag


def test_idempotency_key_is_kept_across_retries_with_fresh_nonces(sim: RunningSimulator) -> None:
    client = make_client(sim)
    verification = simulated.verify(client)
    sim.faults.add(respond(503, code="unavailable"))
    sim.faults.add(Fault(FaultKind.DROP_BEFORE))
    key = uuid.uuid4()
    result = client.submit_application(simulated.application(verification), idempotency_key=key)
    assert result.application_nos == tuple(simulated.application_nos(sim))
    assert len(result.application_nos) == 1
    sent = sim.exchanges[1:]
    assert [e.headers["Idempotency-Key"] for e in sent] == [str(key)] * 3
    assert len({e.headers["X-Nonce"] for e in sent}) == 3
    assert len({e.body for e in sent}) == 1


def test_500s_then_success_waits_with_bounded_jittered_backoff(sim: RunningSimulator) -> None:
    sim.faults.add(respond(500, code="unavailable"), count=3)
    sleeps: list[float] = []
    policy = RetryPolicy(max_attempts=4, base_delay_s=0.5, max_delay_s=1.5)
    fetch = make_client(sim, retry=policy, sleeps=sleeps).get_catalogue()
    assert fetch.catalogue is not None
    assert sleeps == [0.25, 0.5, 0.75]  # rng 0.5 × min(1.5, 0.5·2^n)


def test_retries_stop_after_max_attempts(sim: RunningSimulator) -> None:
    sim.faults.add(respond(502, code="unavailable"), count=5)
    with pytest.raises(PlatformError) as caught:
        make_client(sim, retry=RetryPolicy(max_attempts=2)).get_catalogue()
    assert caught.value.status == 502
    assert len(sim.exchanges) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_not_retried(sim: RunningSimulator, status: int) -> None:
    sim.faults.add(respond(status, code="validation_failed"))
    with pytest.raises(PlatformError):
        make_client(sim).submit_application(request(), idempotency_key=uuid.uuid4())
    assert len(sim.exchanges) == 1


def test_retry_after_is_honoured_up_to_the_cap(sim: RunningSimulator) -> None:
    sim.faults.add(respond(429, code="rate_limited", headers={"Retry-After": "30"}))
    sleeps: list[float] = []
    make_client(sim, retry=RetryPolicy(3, 0.1, 2.0), sleeps=sleeps).get_catalogue()
    assert sleeps == [2.0]


def test_problem_json_becomes_a_typed_error_with_field_errors(sim: RunningSimulator) -> None:
    errors = [{"field": "form.reason", "message": "必填"}]
    sim.faults.add(
        respond(422, problem(422, "validation_failed", detail="表单有误", errors=errors))
    )
    with pytest.raises(PlatformError) as caught:
        make_client(sim).submit_application(request(), idempotency_key=uuid.uuid4())
    error = caught.value
    assert (error.status, error.code, error.detail) == (422, "validation_failed", "表单有误")
    assert [(e.field, e.message) for e in error.errors] == [("form.reason", "必填")]


def test_a_server_signed_by_another_ca_is_refused(sim: RunningSimulator, tmp_path: Path) -> None:
    other = ensure_key_material(tmp_path / "other", TERMINAL_ID)
    with pytest.raises(PlatformUnreachable) as caught:
        make_client(sim, ca=other.ca_file).get_catalogue()
    assert caught.value.tls
    assert sim.exchanges == []


def test_a_slow_answer_times_out_as_unreachable(sim: RunningSimulator) -> None:
    sim.faults.add(Fault(FaultKind.DELAY, delay_s=1.0))
    with pytest.raises(PlatformUnreachable) as caught:
        make_client(sim, timeouts=Timeouts(1.0, 0.2), retry=RetryPolicy(1)).get_catalogue()
    assert "timeout" in caught.value.reason or "timed out" in caught.value.reason


def test_nobody_listening_is_unreachable(sim: RunningSimulator) -> None:
    client = make_client(sim, retry=RetryPolicy(max_attempts=2))
    sim.stop()
    with pytest.raises(PlatformUnreachable):
        client.get_catalogue()


def _raw(status: int, body: bytes, content_type: str | None = None) -> Fault:
    headers = {"Content-Type": content_type} if content_type else {}
    return Fault(FaultKind.RESPOND, status, body=body, headers=headers)


@pytest.mark.parametrize(
    "answer",
    [
        _raw(200, b"<html>gateway</html>", "text/html"),
        _raw(200, b'{"version": "v1", "matters": [', "application/json"),
        respond(200, {"version": "v1", "matters": [{"code": "x"}], "bundles": []}),
        respond(200, ["not", "an", "object"]),
        _raw(204, b""),
        _raw(418, b"teapot"),
    ],
    ids=["html", "truncated", "schema-invalid", "array", "undocumented-2xx", "non-problem"],
)
def test_a_malformed_answer_is_an_error_not_a_crash(sim: RunningSimulator, answer: Fault) -> None:
    sim.faults.add(answer)
    with pytest.raises(MalformedResponse):
        make_client(sim, retry=RetryPolicy(1)).get_catalogue()


def test_an_unparsable_date_time_is_malformed(sim: RunningSimulator) -> None:
    bad = application("A20261123X0001") | {"accepted_at": "yesterday"}
    sim.faults.add(respond(200, bad))
    with pytest.raises(MalformedResponse):
        make_client(sim).get_application("A20261123X0001", "AB12CD")


def test_post_and_put_refuse_to_go_without_an_idempotency_key(sim: RunningSimulator) -> None:
    with pytest.raises(ValueError, match="Idempotency-Key"):
        make_client(sim).call("submitEvaluation", body=b"{}")
    assert sim.exchanges == []


def test_every_operation_of_the_contract_has_a_typed_method() -> None:
    names = {
        "getCatalogue": "get_catalogue",
        "verifyIdentity": "verify_identity",
        "qrLogin": "qr_login",
        "listLicenses": "list_licenses",
        "putUpload": "put_upload",
        "submitApplication": "submit_application",
        "listApplications": "list_applications",
        "getApplication": "get_application",
        "submitCorrection": "submit_correction",
        "getPayment": "get_payment",
        "createPaymentQr": "create_payment_qr",
        "payByBarcode": "pay_by_barcode",
        "cancelPayment": "cancel_payment",
        "submitEvaluation": "submit_evaluation",
        "listSlots": "list_slots",
        "bookAppointment": "book_appointment",
        "heartbeat": "heartbeat",
    }
    ids = {
        op["operationId"]
        for item in contract()["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }
    assert ids == set(names)
    assert all(callable(getattr(PlatformClient, m)) for m in names.values())
    assert operation("putUpload").success == {200, 201}


def test_typed_operations_send_contract_valid_requests_and_parse_answers(
    sim: RunningSimulator,
) -> None:
    now = "2026-11-23T09:30:00Z"
    verification = {
        "verified": True,
        "verification_id": "V-1",
        "expires_at": now,
        "person": {"name": "张伟", "id_number": "33010619850312001X"},
    }
    payment = {"order_no": "P2026112300001", "amount_cents": 2000, "status": "paid"}
    answers = {
        "verifyIdentity": respond(200, verification),
        "qrLogin": respond(200, verification),
        "listLicenses": respond(
            200,
            {
                "licenses": [
                    {
                        "license_type": "hukou_booklet",
                        "name": "户口簿",
                        "number": "H1",
                        "issuer": "杭州市公安局",
                        "valid_to": "long_term",
                        "valid_from": "2020-01-01",
                    }
                ]
            },
        ),
        "putUpload": Fault(FaultKind.RESPOND, 201, body=b""),
        "listApplications": respond(200, {"applications": [application("A20261123X0001")]}),
        "getPayment": respond(200, payment),
        "createPaymentQr": respond(200, {"pay_url": "https://pay.example/q/1", "expires_at": now}),
        "payByBarcode": respond(200, payment),
        "cancelPayment": respond(200, {**payment, "status": "cancelled"}),
        "submitEvaluation": Fault(FaultKind.RESPOND, 201, body=b""),
        "listSlots": respond(
            200, {"slots": [{"slot_id": "S1", "start": now, "end": now, "remaining": 3}]}
        ),
        "bookAppointment": respond(
            201, {"appointment_no": "AP1", "start": now, "hall_code": "330109001"}
        ),
        "heartbeat": respond(200, {"commands": [{"id": "c1", "command": "refresh_catalogue"}]}),
    }
    for operation_id, answer in answers.items():
        sim.faults.add(
            Fault(
                answer.kind,
                answer.status,
                body=answer.body,
                headers=answer.headers,
                operation=operation_id,
            )
        )
    client = make_client(sim)
    card = Card("resident", "33010619850312001X", "张伟")
    assert client.verify_identity(
        VerifyRequest(card, "AAAA", 0.9), idempotency_key=uuid.uuid4()
    ).verified
    assert client.qr_login("qr-payload", idempotency_key=uuid.uuid4()).verification_id == "V-1"
    assert client.list_licenses("V-1")[0].valid_from == date(2020, 1, 1)
    upload = client.put_upload(
        b"%PDF-1.4", "application/pdf", verification_id="V-1", idempotency_key=uuid.uuid4()
    )
    assert upload.created
    assert client.list_applications("V-1")[0].application_no == "A20261123X0001"
    assert client.get_payment("P2026112300001").status == "paid"
    assert client.create_payment_qr("P2026112300001", idempotency_key=uuid.uuid4()).pay_url
    assert (
        client.pay_by_barcode(
            "P2026112300001", "134567890123456789", idempotency_key=uuid.uuid4()
        ).amount_cents
        == 2000
    )
    assert client.cancel_payment("P2026112300001", idempotency_key=uuid.uuid4()).status == (
        "cancelled"
    )
    client.submit_evaluation(
        Evaluation(5, NOW, matter_code="330100000000000001", terminal_id=TERMINAL_ID),
        idempotency_key=uuid.uuid4(),
    )
    assert (
        client.list_slots("330100000000000001", "330109001", date(2026, 11, 24))[0].remaining == 3
    )
    booking = Booking("V-1", "S1", "330100000000000001", "13800000000")
    assert client.book_appointment(booking, idempotency_key=uuid.uuid4()).appointment_no == "AP1"
    beat = Heartbeat("0.1.0", "in_service", 60, (), 0, NOW)
    assert client.heartbeat(TERMINAL_ID, beat, idempotency_key=uuid.uuid4())[0].command == (
        "refresh_catalogue"
    )
    assert sim.faults.status()["queued"] == 0
    assert all(e.signature_ok for e in sim.exchanges)
    assert all("Idempotency-Key" in e.headers for e in sim.exchanges if e.method != "GET")
    assert sim.exchanges[2].headers["X-Verification-Id"] == "V-1"
    assert sim.exchanges[3].path == f"/api/v1/uploads/{hashlib.sha256(b'%PDF-1.4').hexdigest()}"


def test_personal_data_stays_out_of_reprs() -> None:
    text = repr(request()) + repr(Card("resident", "33010619850312001X", "张伟"))
    assert "张伟" not in text and "33010619850312001X" not in text
