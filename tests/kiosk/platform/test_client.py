"""The platform client against a local HTTPS server that checks what the platform checks."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kiosk.platform.client import PlatformClient, operation
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable
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
from kiosk.platform.transport import Timeouts, TlsSettings, Transport
from kiosk.platform.transport_retry import RetryPolicy
from platform_api.contract import contract
from platform_api.signing import SignAlg, Signer
from tests.kiosk.outbox.fake_platform import (
    SECRET,
    TERMINAL_ID,
    Answer,
    FakePlatform,
    Seen,
    application,
    make_pki,
)

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
RETRY = RetryPolicy(max_attempts=4)
TIMEOUTS = Timeouts(2.0, 2.0)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakePlatform]:
    platform = FakePlatform(tmp_path / "pki")
    yield platform
    platform.stop()


def make_client(
    server: FakePlatform,
    *,
    ca: Path | None = None,
    alg: SignAlg = SignAlg.HMAC_SHA256,
    retry: RetryPolicy = RETRY,
    timeouts: Timeouts = TIMEOUTS,
    sleeps: list[float] | None = None,
) -> PlatformClient:
    signer = Signer(TERMINAL_ID, SECRET, alg)
    transport = Transport(server.base_url, signer, TlsSettings(ca or server.pki.ca_file), timeouts)
    waits = sleeps if sleeps is not None else []
    return PlatformClient(transport, retry, sleep=waits.append, rng=lambda: 0.5)


def request() -> ApplicationRequest:
    return ApplicationRequest(
        verification_id="V-1",
        terminal_id=TERMINAL_ID,
        submitted_at=NOW,
        applicant=Applicant("张伟", "33010619850312001X", "13800000000"),
        form={"reason": "有效期满"},
        materials=(MaterialRef("photo", "scan", sha256="a" * 64),),
        matter_code="330100000000000001",
    )


@pytest.mark.parametrize("alg", list(SignAlg))
def test_every_request_carries_signature_headers_the_server_can_verify(
    server: FakePlatform, alg: SignAlg
) -> None:
    client = make_client(server, alg=alg)
    client.get_catalogue(region="330109")
    client.submit_application(request(), idempotency_key=uuid.uuid4())
    assert [s.problems for s in server.seen] == [[], []]
    assert server.seen[0].path == "/api/v1/catalogue?region=330109"
    assert {s.headers["X-Sign-Alg"] for s in server.seen} == {str(alg)}
    assert server.seen[0].headers["X-Terminal-Id"] == TERMINAL_ID


def test_signature_covers_the_exact_body_bytes_and_escaped_path(server: FakePlatform) -> None:
    server.handler = lambda seen: Answer.json(200, application("A20261123X0001"))
    client = make_client(server)
    client.get_application("A20261123X0001", "AB12CD")
    correction = Correction("V-1", (MaterialRef("photo", "deferred"),), {"note": "补正 材料"})
    client.submit_correction("A20261123X0001", correction, idempotency_key=uuid.uuid4())
    assert all(s.signature_ok for s in server.seen)
    assert server.seen[0].path == "/api/v1/applications/A20261123X0001?query_code=AB12CD"
    assert "补正 材料".encode() in server.seen[1].body


def test_a_wrong_secret_is_refused_with_the_platforms_code(server: FakePlatform) -> None:
    server.secret = b"another secret"
    with pytest.raises(PlatformError) as caught:
        make_client(server).get_catalogue()
    assert (caught.value.status, caught.value.code) == (401, "bad_signature")


def test_catalogue_304_when_the_etag_is_current(server: FakePlatform) -> None:
    client = make_client(server)
    first = client.get_catalogue()
    assert first.catalogue is not None and len(first.catalogue.matters) == 3
    assert first.etag == '"v1"'
    again = client.get_catalogue(etag=first.etag)
    assert again.not_modified and again.etag == '"v1"'
    assert server.seen[1].headers["If-None-Match"] == '"v1"'


def test_idempotency_key_is_kept_across_retries_with_fresh_nonces(server: FakePlatform) -> None:
    server.answers.extend([Answer.problem(503, "unavailable"), Answer(drop=True)])
    key = uuid.uuid4()
    result = make_client(server).submit_application(request(), idempotency_key=key)
    assert result.application_nos == ("A000000000001",)
    assert [s.headers["Idempotency-Key"] for s in server.seen] == [str(key)] * 3
    assert len({s.headers["X-Nonce"] for s in server.seen}) == 3
    assert len({s.body for s in server.seen}) == 1


def test_500s_then_success_waits_with_bounded_jittered_backoff(server: FakePlatform) -> None:
    server.answers.extend([Answer.problem(500, "unavailable")] * 3)
    sleeps: list[float] = []
    policy = RetryPolicy(max_attempts=4, base_delay_s=0.5, max_delay_s=1.5)
    fetch = make_client(server, retry=policy, sleeps=sleeps).get_catalogue()
    assert fetch.catalogue is not None
    assert sleeps == [0.25, 0.5, 0.75]  # rng 0.5 × min(1.5, 0.5·2^n)


def test_retries_stop_after_max_attempts(server: FakePlatform) -> None:
    server.answers.extend([Answer.problem(502, "unavailable")] * 5)
    with pytest.raises(PlatformError) as caught:
        make_client(server, retry=RetryPolicy(max_attempts=2)).get_catalogue()
    assert caught.value.status == 502
    assert len(server.seen) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_not_retried(server: FakePlatform, status: int) -> None:
    server.answers.append(Answer.problem(status, "validation_failed"))
    with pytest.raises(PlatformError):
        make_client(server).submit_application(request(), idempotency_key=uuid.uuid4())
    assert len(server.seen) == 1


def test_retry_after_is_honoured_up_to_the_cap(server: FakePlatform) -> None:
    limited = Answer.problem(429, "rate_limited")
    limited.headers["Retry-After"] = "30"
    server.answers.append(limited)
    sleeps: list[float] = []
    make_client(server, retry=RetryPolicy(3, 0.1, 2.0), sleeps=sleeps).get_catalogue()
    assert sleeps == [2.0]


def test_problem_json_becomes_a_typed_error_with_field_errors(server: FakePlatform) -> None:
    server.answers.append(
        Answer.problem(
            422,
            "validation_failed",
            detail="表单有误",
            errors=[{"field": "form.reason", "message": "必填"}],
        )
    )
    with pytest.raises(PlatformError) as caught:
        make_client(server).submit_application(request(), idempotency_key=uuid.uuid4())
    error = caught.value
    assert (error.status, error.code, error.detail) == (422, "validation_failed", "表单有误")
    assert [(e.field, e.message) for e in error.errors] == [("form.reason", "必填")]


def test_a_server_signed_by_another_ca_is_refused(server: FakePlatform, tmp_path: Path) -> None:
    other = make_pki(tmp_path / "other")
    with pytest.raises(PlatformUnreachable) as caught:
        make_client(server, ca=other.ca_file).get_catalogue()
    assert caught.value.tls
    assert server.seen == []


def test_a_slow_answer_times_out_as_unreachable(server: FakePlatform) -> None:
    server.handler = lambda seen: Answer(200, b"{}", delay_s=1.0)
    with pytest.raises(PlatformUnreachable) as caught:
        make_client(server, timeouts=Timeouts(1.0, 0.2), retry=RetryPolicy(1)).get_catalogue()
    assert "timeout" in caught.value.reason or "timed out" in caught.value.reason


def test_nobody_listening_is_unreachable(server: FakePlatform) -> None:
    client = make_client(server, retry=RetryPolicy(max_attempts=2))
    server.stop()
    with pytest.raises(PlatformUnreachable):
        client.get_catalogue()


@pytest.mark.parametrize(
    "answer",
    [
        Answer(200, b"<html>gateway</html>", {"Content-Type": "text/html"}),
        Answer(200, b'{"version": "v1", "matters": [', {"Content-Type": "application/json"}),
        Answer.json(200, {"version": "v1", "matters": [{"code": "x"}], "bundles": []}),
        Answer.json(200, ["not", "an", "object"]),
        Answer(204),
        Answer(418, b"teapot"),
    ],
    ids=["html", "truncated", "schema-invalid", "array", "undocumented-2xx", "non-problem"],
)
def test_a_malformed_answer_is_an_error_not_a_crash(server: FakePlatform, answer: Answer) -> None:
    server.answers.append(answer)
    with pytest.raises(MalformedResponse):
        make_client(server, retry=RetryPolicy(1)).get_catalogue()


def test_an_unparsable_date_time_is_malformed(server: FakePlatform) -> None:
    bad = application("A20261123X0001") | {"accepted_at": "yesterday"}
    server.handler = lambda seen: Answer.json(200, bad)
    with pytest.raises(MalformedResponse):
        make_client(server).get_application("A20261123X0001", "AB12CD")


def test_post_and_put_refuse_to_go_without_an_idempotency_key(server: FakePlatform) -> None:
    with pytest.raises(ValueError, match="Idempotency-Key"):
        make_client(server).call("submitEvaluation", body=b"{}")
    assert server.seen == []


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
    server: FakePlatform,
) -> None:
    now = "2026-11-23T09:30:00Z"
    verification = {
        "verified": True,
        "verification_id": "V-1",
        "expires_at": now,
        "person": {"name": "张伟", "id_number": "33010619850312001X"},
    }
    payment = {"order_no": "P2026112300001", "amount_cents": 2000, "status": "paid"}
    routes = {
        ("POST", "/api/v1/identity/verify"): Answer.json(200, verification),
        ("POST", "/api/v1/identity/qr-login"): Answer.json(200, verification),
        ("GET", "/api/v1/licenses"): Answer.json(
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
        ("PUT", "/api/v1/uploads/"): Answer(201),
        ("GET", "/api/v1/applications"): Answer.json(
            200, {"applications": [application("A20261123X0001")]}
        ),
        ("GET", "/api/v1/payments/P2026112300001"): Answer.json(200, payment),
        ("POST", "/api/v1/payments/P2026112300001/qr"): Answer.json(
            200, {"pay_url": "https://pay.example/q/1", "expires_at": now}
        ),
        ("POST", "/api/v1/payments/P2026112300001/barcode"): Answer.json(200, payment),
        ("POST", "/api/v1/evaluations"): Answer(201),
        ("GET", "/api/v1/appointments/slots"): Answer.json(
            200, {"slots": [{"slot_id": "S1", "start": now, "end": now, "remaining": 3}]}
        ),
        ("POST", "/api/v1/appointments"): Answer.json(
            201, {"appointment_no": "AP1", "start": now, "hall_code": "330109001"}
        ),
        ("POST", f"/api/v1/terminals/{TERMINAL_ID}/heartbeat"): Answer.json(
            200, {"commands": [{"id": "c1", "command": "refresh_catalogue"}]}
        ),
    }

    def route(seen: Seen) -> Answer:
        path = seen.path.split("?", 1)[0]
        for (method, prefix), answer in routes.items():
            if seen.method == method and (
                path == prefix or (path.startswith(prefix) and prefix.endswith("/"))
            ):
                return answer
        return Answer.problem(404, "not_found")

    server.handler = route
    client = make_client(server)
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
    assert all(s.signature_ok for s in server.seen)
    assert all("Idempotency-Key" in s.headers for s in server.seen if s.method != "GET")
    assert server.seen[2].headers["X-Verification-Id"] == "V-1"
    assert server.seen[3].path == f"/api/v1/uploads/{hashlib.sha256(b'%PDF-1.4').hexdigest()}"


def test_personal_data_stays_out_of_reprs() -> None:
    text = repr(request()) + repr(Card("resident", "33010619850312001X", "张伟"))
    assert "张伟" not in text and "33010619850312001X" not in text
