"""The fault hook, in Python and under ``/_sim/faults``: canned failures, connections closed
before or after acting, delays, and a share of answers lost after acting."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from platform_sim import Fault, FaultKind, RunningSimulator
from platform_sim.faults import FaultPlan
from tests.platform_sim.helpers import SimClient

QR = "/api/v1/identity/qr-login"
LOGIN = {"qr_payload": "zjzwfw://login?token=resident"}


def control(sim: RunningSimulator, method: str, path: str, body: Any = None) -> requests.Response:
    return requests.request(
        method, sim.base_url + path, json=body, timeout=5, verify=str(sim.ca_file)
    )


def kept(sim: RunningSimulator, key: str) -> bool:
    with sim.service.store.transaction() as db:
        row = db.execute("SELECT 1 FROM idempotency WHERE key = ?", (key,)).fetchone()
    return row is not None


def test_the_next_requests_of_one_operation_fail_with_the_status_given_over_http(
    sim: RunningSimulator, client: SimClient
) -> None:
    fault = {"kind": "respond", "status": 502, "count": 2, "operation": "getCatalogue"}
    assert control(sim, "POST", "/_sim/faults", fault).json()["faults"]["queued"] == 2
    assert client.get("/api/v1/identity/verify").status_code != 502  # another operation
    answers = [client.get("/api/v1/catalogue") for _ in range(3)]
    assert [a.status_code for a in answers] == [502, 502, 200]
    assert answers[0].json()["code"] == "unavailable"


def test_a_canned_answer_is_sent_as_given(sim: RunningSimulator, client: SimClient) -> None:
    headers = {"Content-Type": "text/html", "Retry-After": "7"}
    sim.faults.add(Fault(FaultKind.RESPOND, 503, body=b"<html>", headers=headers))
    answer = client.session.get(sim.base_url + "/api/v1/catalogue", verify=str(sim.ca_file))
    assert (answer.status_code, answer.content, answer.headers["Retry-After"]) == (
        503,
        b"<html>",
        "7",
    )


def test_closing_before_acting_keeps_nothing(sim: RunningSimulator, client: SimClient) -> None:
    sim.faults.add(Fault(FaultKind.DROP_BEFORE))
    key = str(uuid.uuid4())
    with pytest.raises(requests.ConnectionError):
        client.post(QR, LOGIN, key=key)
    assert not kept(sim, key)


def test_dropping_the_answer_after_acting_replays_it_on_the_resend(
    sim: RunningSimulator, client: SimClient
) -> None:
    sim.faults.add(Fault(FaultKind.DROP_AFTER))
    key = str(uuid.uuid4())
    with pytest.raises(requests.ConnectionError):
        client.post(QR, LOGIN, key=key)
    assert kept(sim, key)
    first = client.post(QR, LOGIN, key=key)
    assert first.status_code == 200
    assert client.post(QR, LOGIN, key=key).content == first.content


def test_lost_answers_over_http_until_the_faults_are_cleared(
    sim: RunningSimulator, client: SimClient
) -> None:
    assert control(sim, "POST", "/_sim/faults/lose-answers", {"rate": 1.0, "seed": 1}).ok
    key = str(uuid.uuid4())
    with pytest.raises(requests.ConnectionError):
        client.post(QR, LOGIN, key=key)
    assert kept(sim, key)
    assert control(sim, "DELETE", "/_sim/faults").json()["faults"] == {
        "queued": 0,
        "lose_rate": 0.0,
    }
    assert client.post(QR, LOGIN, key=key).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "melt"},
        {"status": 500},
        {"kind": "respond", "count": 0},
        {"kind": "respond", "body": 5},
        {"kind": "delay", "delay_s": 3600},
        {"kind": "respond", "headers": ["Retry-After"]},
    ],
    ids=["unknown-kind", "no-kind", "no-count", "body-not-text", "delay-too-long", "headers-list"],
)
def test_a_malformed_fault_is_a_400_and_nothing_is_queued(
    sim: RunningSimulator, body: dict[str, Any]
) -> None:
    assert control(sim, "POST", "/_sim/faults", body).status_code == 400
    assert sim.faults.status()["queued"] == 0


@settings(max_examples=50, deadline=None)
@given(st.floats(allow_nan=True), st.integers(-3, 3))
def test_a_share_outside_0_to_1_or_a_count_below_1_is_refused(rate: float, count: int) -> None:
    plan = FaultPlan()
    if 0.0 <= rate <= 1.0:
        plan.lose_answers(rate)
    else:
        with pytest.raises(ValueError):
            plan.lose_answers(rate)
    if count >= 1:
        plan.add(Fault(FaultKind.DROP_BEFORE), count)
    else:
        with pytest.raises(ValueError):
            plan.add(Fault(FaultKind.DROP_BEFORE), count)
    assert plan.status()["queued"] == max(count, 0)
