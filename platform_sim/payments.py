"""Payment orders (统一公共支付): created with an application that has fees, paid by a
payment-app QR code (marked paid by a test or the dev dock) or by a payment code the
citizen shows to the scanner.

A payment code succeeds when it is 18 digits with a real app's prefix: WeChat Pay 10–15,
Alipay 25–30. Any other code is declined (402 ``payment_declined``).
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.problems import Problem, Response, not_found

PAYMENT_CODE = re.compile(r"^(1[0-5]|2[5-9]|30)[0-9]{16}$")
QR_TTL = timedelta(minutes=5)
PAY_URL_BASE = "https://pay.sim.invalid/qr/"
INVOICE_URL_BASE = "https://pay.sim.invalid/invoice/"


def create_order(db: sqlite3.Connection, now: datetime, items: list[dict[str, Any]]) -> str:
    """A pending order for ``items`` (name, amount_cents); returns its order number."""
    order_no = f"P{now:%Y%m%d%H%M%S}{secrets.token_hex(5).upper()}"
    db.execute(
        "INSERT INTO payments (order_no, amount_cents, items, status, created_at)"
        " VALUES (?, ?, ?, 'pending', ?)",
        (
            order_no,
            sum(item["amount_cents"] for item in items),
            json.dumps(items, ensure_ascii=False),
            rfc3339(now),
        ),
    )
    return order_no


def payment(db: sqlite3.Connection, order_no: str) -> dict[str, Any]:
    """The order as the contract's Payment; 404 when there is no such order."""
    row = db.execute("SELECT * FROM payments WHERE order_no = ?", (order_no,)).fetchone()
    if row is None:
        raise not_found(f"no payment order {order_no}")
    result: dict[str, Any] = {
        "order_no": row["order_no"],
        "amount_cents": row["amount_cents"],
        "items": json.loads(row["items"]),
        "status": row["status"],
    }
    if row["paid_at"] is not None:
        result["paid_at"] = row["paid_at"]
        result["e_invoice_url"] = INVOICE_URL_BASE + row["order_no"]
    return result


def mark_paid(db: sqlite3.Connection, order_no: str, now: datetime) -> dict[str, Any]:
    """Settle a pending order (the citizen paid); a paid order stays as it was."""
    payment(db, order_no)
    db.execute(
        "UPDATE payments SET status = 'paid', paid_at = ?"
        " WHERE order_no = ? AND status = 'pending'",
        (rfc3339(now), order_no),
    )
    return payment(db, order_no)


def get_payment(call: Call) -> Response:
    """getPayment."""
    return Response.json(200, payment(call.db, call.path_params["order_no"]))


def create_payment_qr(call: Call) -> Response:
    """createPaymentQr: a pay URL for the order, valid for five minutes."""
    order_no = call.path_params["order_no"]
    payment(call.db, order_no)
    return Response.json(
        200,
        {
            "pay_url": f"{PAY_URL_BASE}{order_no}?t={secrets.token_hex(8)}",
            "expires_at": rfc3339(call.now + QR_TTL),
        },
    )


def pay_by_barcode(call: Call) -> Response:
    """payByBarcode: charge the citizen's payment code."""
    order_no = call.path_params["order_no"]
    current = payment(call.db, order_no)
    if current["status"] != "pending":
        return Response.json(200, current)
    if not PAYMENT_CODE.match(call.document["auth_code"]):
        raise Problem(402, "payment_declined", "the payment code was declined")
    return Response.json(200, mark_paid(call.db, order_no, call.now))
