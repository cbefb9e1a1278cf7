"""Payment orders: QR code, settlement by the dock, payment codes of real apps."""

from __future__ import annotations

from typing import Any

import requests

from platform_sim import RunningSimulator
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
