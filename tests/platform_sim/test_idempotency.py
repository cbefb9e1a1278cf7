"""Idempotency-Key: same key and body replays the first result, another body conflicts."""

from __future__ import annotations

import uuid

from platform_sim import RunningSimulator
from tests.platform_sim.helpers import TERMINAL, SimClient

QR = "/api/v1/identity/qr-login"


def test_same_key_and_body_returns_the_first_response_again(client: SimClient) -> None:
    key = str(uuid.uuid4())
    first = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=key)
    second = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=key)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content


def test_first_error_is_replayed_too(client: SimClient) -> None:
    key = str(uuid.uuid4())
    first = client.post(QR, {"qr_payload": "garbage"}, key=key)
    second = client.post(QR, {"qr_payload": "garbage"}, key=key)
    assert first.status_code == second.status_code == 422
    assert first.content == second.content


def test_same_key_with_another_body_is_idempotency_conflict(client: SimClient) -> None:
    key = str(uuid.uuid4())
    client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=key)
    response = client.post(QR, {"qr_payload": "zjzwfw://login?token=long_term"}, key=key)
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_conflict"


def test_outage_answers_are_not_kept_and_the_first_result_still_replays(
    sim: RunningSimulator, client: SimClient
) -> None:
    key = str(uuid.uuid4())
    first = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=key)
    sim.set_offline(True)
    outage = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=key)
    assert outage.status_code == 503
    sim.set_offline(False)
    again = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key=key)
    assert again.content == first.content


def test_post_without_idempotency_key_names_the_header(client: SimClient) -> None:
    response = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key="")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"


def test_idempotency_key_that_is_not_a_uuid_is_refused(client: SimClient) -> None:
    response = client.post(QR, {"qr_payload": "zjzwfw://login?token=resident"}, key="abc")
    assert response.status_code == 422


def test_heartbeat_also_needs_an_idempotency_key_as_every_post_does(client: SimClient) -> None:
    report = {
        "app_version": "1",
        "mode": "in_service",
        "uptime_s": 1,
        "devices": [],
        "outbox_depth": 0,
        "sent_at": "2025-03-03T01:00:00Z",
    }
    response = client.post(f"/api/v1/terminals/{TERMINAL}/heartbeat", report, key="")
    assert response.status_code == 422
