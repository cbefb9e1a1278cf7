"""Payment orders: QR code, settlement by the dock, payment codes of real apps, and the
lifecycle: pending charges, expiry, cancel racing a payment, timed-out and lost answers."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests

from platform_sim import Fault, FaultKind, RunningSimulator
from platform_sim.charges import Charge, ChargeOutcome
from tests.platform_sim.helpers import RESIDENT, SimClient, promised_application


def _order(client: SimClient) -> dict[str, Any]:
    body = promised_application(client, client.verify(RESIDENT))
    payment: dict[str, Any] = client.post("/api/v1/applications", body).json()["payment"]
    return payment


def test_qr_code_then_marked_paid_by_the_dock(sim: RunningSimulator, client: SimClient) -> None:
    order = _order(client)["order_no"]
    qr = client.post(f"/api/v1/payments/{order}/qr", None).json()
    assert order in qr["pay_url"]
    assert qr["expires_at"] == "2025-03-03T01:05:00Z"
    assert client.get(f"/api/v1/payments/{order}").json()["status"] == "pending"
    sim.mark_paid(order)
    paid = client.get(f"/api/v1/payments/{order}").json()
    assert paid["status"] == "paid"
    assert paid["paid_at"] == "2025-03-03T01:00:00Z"
    assert paid["e_invoice_url"]


def test_control_endpoint_marks_an_order_paid(sim: RunningSimulator, client: SimClient) -> None:
    order = _order(client)["order_no"]
    response = requests.post(
        f"{sim.base_url}/_sim/payments/{order}/paid", timeout=5, verify=str(sim.ca_file)
    )
    assert response.json()["status"] == "paid"


def test_wechat_and_alipay_payment_codes_succeed(client: SimClient) -> None:
    for code in ("134567890123456789", "284567890123456789"):
        order = _order(client)["order_no"]
        paid = client.post(f"/api/v1/payments/{order}/barcode", {"auth_code": code})
        assert paid.status_code == 200
        assert paid.json()["status"] == "paid"


def test_other_payment_codes_are_declined(client: SimClient) -> None:
    order = _order(client)["order_no"]
    for code in ("994567890123456789", "1345678901234567", "13456789012345678901"):
        response = client.post(f"/api/v1/payments/{order}/barcode", {"auth_code": code})
        assert response.status_code == 402
        assert response.json()["code"] == "payment_declined"
    assert client.get(f"/api/v1/payments/{order}").json()["status"] == "pending"


def test_malformed_payment_code_is_a_validation_error(client: SimClient) -> None:
    order = _order(client)["order_no"]
    response = client.post(f"/api/v1/payments/{order}/barcode", {"auth_code": "12ab"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "auth_code"


def test_unknown_order_is_not_found(client: SimClient) -> None:
    assert client.get("/api/v1/payments/P00000000").status_code == 404


# --- the lifecycle (contract 1.1) -----------------------------------------------------------

WECHAT = "134567890123456789"
MINUTE = 60


def _control(sim: RunningSimulator, method: str, path: str, body: Any = None) -> requests.Response:
    return requests.request(
        method, sim.base_url + path, json=body, timeout=5, verify=str(sim.ca_file)
    )


def _charge(client: SimClient, order: str, key: str | None = None) -> requests.Response:
    return client.post(f"/api/v1/payments/{order}/barcode", {"auth_code": WECHAT}, key=key)


def _cancel(client: SimClient, order: str) -> dict[str, Any]:
    response = client.post(f"/api/v1/payments/{order}/cancel", None)
    assert response.status_code == 200, response.text
    cancelled: dict[str, Any] = response.json()
    return cancelled


def _status(client: SimClient, order: str) -> str:
    status: str = client.get(f"/api/v1/payments/{order}").json()["status"]
    return status


def _problem(response: requests.Response) -> tuple[int, str]:
    return response.status_code, response.json()["code"]


def test_the_order_holds_one_item_per_fee_and_expires_after_15_minutes(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)
    assert order["items"] == [{"name": "工本费", "amount_cents": 2000}]
    sim.advance(15 * MINUTE - 1)
    assert _status(client, order["order_no"]) == "pending"
    sim.advance(1)
    assert _status(client, order["order_no"]) == "expired"
    assert sim.mark_paid(order["order_no"])["status"] == "expired"
    assert _problem(_charge(client, order["order_no"])) == (409, "order_closed")
    qr = client.post(f"/api/v1/payments/{order['order_no']}/qr", None)
    assert _problem(qr) == (409, "order_closed")


def test_a_qr_code_never_outlives_its_order(sim: RunningSimulator, client: SimClient) -> None:
    order = _order(client)["order_no"]
    sim.advance(12 * MINUTE)
    qr = client.post(f"/api/v1/payments/{order}/qr", None).json()
    assert qr["expires_at"] == "2025-03-03T01:15:00Z"


def test_a_paid_order_cannot_be_charged_or_shown_again(client: SimClient) -> None:
    order = _order(client)["order_no"]
    assert _charge(client, order).json()["status"] == "paid"
    assert _problem(_charge(client, order)) == (409, "already_paid")
    qr = client.post(f"/api/v1/payments/{order}/qr", None)
    assert _problem(qr) == (409, "already_paid")


def test_cancel_closes_an_unpaid_order_for_good(sim: RunningSimulator, client: SimClient) -> None:
    order = _order(client)["order_no"]
    assert _cancel(client, order)["status"] == "cancelled"
    assert _cancel(client, order)["status"] == "cancelled"
    assert sim.mark_paid(order)["status"] == "cancelled"
    assert _problem(_charge(client, order)) == (409, "order_closed")
    assert _status(client, order) == "cancelled"


def test_cancel_after_the_money_arrived_answers_paid(client: SimClient) -> None:
    order = _order(client)["order_no"]
    _charge(client, order)
    cancelled = _cancel(client, order)
    assert (cancelled["status"], cancelled["paid_at"]) == ("paid", "2025-03-03T01:00:00Z")


def test_a_pending_charge_completes_later_on_the_platform_clock(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)["order_no"]
    sim.next_charge(Charge(ChargeOutcome.PENDING, settle_s=30))
    assert _charge(client, order).json()["status"] == "pending"
    assert _charge(client, order).json()["status"] == "pending"  # no second charge
    sim.advance(29)
    assert _status(client, order) == "pending"
    sim.advance(1)
    paid = client.get(f"/api/v1/payments/{order}").json()
    assert (paid["status"], paid["paid_at"]) == ("paid", "2025-03-03T01:00:30Z")


def test_cancel_racing_a_pending_charge_is_paid_when_the_money_came_first(
    sim: RunningSimulator, client: SimClient
) -> None:
    first, second = _order(client)["order_no"], _order(client)["order_no"]
    sim.next_charge(Charge(ChargeOutcome.PENDING, settle_s=30), count=2)
    _charge(client, first)
    _charge(client, second)
    sim.advance(10)
    assert _cancel(client, first)["status"] == "cancelled"
    sim.advance(30)
    assert _status(client, first) == "cancelled"
    assert _cancel(client, second)["status"] == "paid"


def test_a_pending_charge_without_settle_time_waits_for_the_paid_hook(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)["order_no"]
    hook = {"outcome": "pending"}
    assert _control(sim, "POST", "/_sim/payments/next-charge", hook).json()["charges"] == {
        "queued": ["pending"]
    }
    assert _charge(client, order).json()["status"] == "pending"
    sim.advance(10 * MINUTE)
    assert _status(client, order) == "pending"
    assert _control(sim, "POST", f"/_sim/payments/{order}/paid").json()["status"] == "paid"


def test_a_pending_charge_unconfirmed_when_the_order_expires_never_pays(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)["order_no"]
    sim.next_charge(Charge(ChargeOutcome.PENDING, settle_s=20 * MINUTE))
    _charge(client, order)
    sim.advance(30 * MINUTE)
    assert _status(client, order) == "expired"


def test_the_next_charge_hook_overrides_the_codes_shape_once(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)["order_no"]
    assert _control(sim, "POST", "/_sim/payments/next-charge", {"outcome": "declined"}).ok
    assert _problem(_charge(client, order)) == (402, "payment_declined")
    assert _charge(client, order).json()["status"] == "paid"
    sim.next_charge(Charge(ChargeOutcome.PAID))
    other = _order(client)["order_no"]
    declined_shape = client.post(
        f"/api/v1/payments/{other}/barcode", {"auth_code": "994567890123456789"}
    )
    assert declined_shape.json()["status"] == "paid"


def test_queued_charges_are_cleared_over_http(sim: RunningSimulator) -> None:
    sim.next_charge(Charge(ChargeOutcome.DECLINED), count=3)
    cleared = _control(sim, "DELETE", "/_sim/payments/next-charge").json()
    assert cleared["charges"] == {"queued": []}


@pytest.mark.parametrize(
    "body",
    [
        {"outcome": "refund"},
        {},
        {"outcome": "pending", "settle_s": -1},
        {"outcome": "timeout", "hold_s": 3600},
        {"outcome": "paid", "count": 0},
    ],
    ids=["unknown-outcome", "no-outcome", "negative-settle", "hold-too-long", "no-count"],
)
def test_a_malformed_next_charge_is_a_400_and_nothing_is_queued(
    sim: RunningSimulator, body: dict[str, Any]
) -> None:
    assert _control(sim, "POST", "/_sim/payments/next-charge", body).status_code == 400
    assert sim.charges.status() == {"queued": []}


def test_a_timed_out_charge_has_paid_and_a_resend_answers_at_once(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)["order_no"]
    sim.next_charge(Charge(ChargeOutcome.TIMEOUT, hold_s=3))
    key = str(uuid.uuid4())
    body = json.dumps({"auth_code": WECHAT}).encode()
    path = f"/api/v1/payments/{order}/barcode"
    headers = {"Content-Type": "application/json", "Idempotency-Key": key}
    headers.update(client.signer.headers("POST", path, body))
    with pytest.raises(requests.Timeout):
        requests.post(
            sim.base_url + path, data=body, headers=headers, timeout=1, verify=str(sim.ca_file)
        )
    assert _status(client, order) == "paid"
    assert _charge(client, order, key=key).json()["status"] == "paid"


def test_an_answer_lost_after_the_charge_leaves_the_order_paid(
    sim: RunningSimulator, client: SimClient
) -> None:
    order = _order(client)["order_no"]
    sim.faults.add(Fault(FaultKind.DROP_AFTER, operation="payByBarcode"))
    key = str(uuid.uuid4())
    with pytest.raises(requests.ConnectionError):
        _charge(client, order, key=key)
    assert _status(client, order) == "paid"
    assert _charge(client, order, key=key).json()["status"] == "paid"
