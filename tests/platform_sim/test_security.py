"""Signature, clock skew, nonce replay and terminal identity, as info.description requires."""

from __future__ import annotations

import uuid

from platform_api.signing import SignAlg, Signer
from platform_sim import RunningSimulator, SimClock
from tests.platform_sim.helpers import TERMINAL, SimClient


def _code(response: object) -> str:
    return response.json()["code"]  # type: ignore[attr-defined]


def test_unsigned_request_is_bad_signature(client: SimClient) -> None:
    response = client.get("/api/v1/catalogue", sign=False)
    assert response.status_code == 401
    assert _code(response) == "bad_signature"


def test_signature_over_another_path_is_bad_signature(client: SimClient) -> None:
    headers = client.signer.headers("GET", "/api/v1/catalogue?region=330109", b"")
    response = client.get("/api/v1/catalogue", sign=False, headers=headers)
    assert response.status_code == 401
    assert _code(response) == "bad_signature"


def test_tampered_body_is_bad_signature(client: SimClient) -> None:
    headers = client.signer.headers("POST", "/api/v1/identity/qr-login", b'{"qr_payload":"x"}')
    headers["Idempotency-Key"] = str(uuid.uuid4())
    response = client.request(
        "POST",
        "/api/v1/identity/qr-login",
        data=b'{"qr_payload":"y"}',
        headers=headers,
        sign=False,
    )
    assert _code(response) == "bad_signature"


def test_wrong_secret_and_unknown_terminal_are_rejected(sim: RunningSimulator) -> None:
    intruder = SimClient(sim)
    intruder.signer = Signer(TERMINAL, b"not-the-secret", now=sim.clock.now)
    assert _code(intruder.get("/api/v1/catalogue")) == "bad_signature"
    stranger = SimClient(sim, terminal_id="KIOSK-OTHER-0002")
    assert stranger.get("/api/v1/catalogue").status_code == 401


def test_sm3_hmac_signatures_are_accepted(sim: RunningSimulator) -> None:
    client = SimClient(sim)
    client.signer = Signer(TERMINAL, sim.secret, SignAlg.SM3_HMAC, now=sim.clock.now)
    assert client.get("/api/v1/catalogue").status_code == 200


def test_timestamp_more_than_300_seconds_off_is_clock_skew(
    sim: RunningSimulator, clock: SimClock
) -> None:
    client = SimClient(sim)
    late = SimClock(clock.now())
    late.advance(-301)
    client.signer = Signer(TERMINAL, sim.secret, now=late.now)
    response = client.get("/api/v1/catalogue")
    assert response.status_code == 401
    assert _code(response) == "clock_skew"
    late.advance(2)
    assert client.get("/api/v1/catalogue").status_code == 200


def test_nonce_seen_within_600_seconds_is_replayed(
    sim: RunningSimulator, client: SimClient
) -> None:
    headers = client.signer.headers("GET", "/api/v1/catalogue", b"")
    assert client.get("/api/v1/catalogue", sign=False, headers=headers).status_code == 200
    again = client.get("/api/v1/catalogue", sign=False, headers=headers)
    assert again.status_code == 401
    assert _code(again) == "replayed"


def test_nonce_is_forgotten_after_the_window_but_then_the_timestamp_is_stale(
    sim: RunningSimulator, client: SimClient
) -> None:
    headers = client.signer.headers("GET", "/api/v1/catalogue", b"")
    assert client.get("/api/v1/catalogue", sign=False, headers=headers).status_code == 200
    sim.advance(601)
    assert _code(client.get("/api/v1/catalogue", sign=False, headers=headers)) == "clock_skew"


def test_rejected_request_does_not_consume_its_nonce(client: SimClient) -> None:
    headers = client.signer.headers("GET", "/api/v1/catalogue", b"")
    forged = {**headers, "X-Signature": "AAAA"}
    assert _code(client.get("/api/v1/catalogue", sign=False, headers=forged)) == "bad_signature"
    assert client.get("/api/v1/catalogue", sign=False, headers=headers).status_code == 200


def test_short_nonce_is_refused(client: SimClient) -> None:
    headers = client.signer.headers("GET", "/api/v1/catalogue", b"")
    response = client.get("/api/v1/catalogue", sign=False, headers={**headers, "X-Nonce": "abc"})
    assert response.status_code == 401
