"""Payment orders (统一公共支付) and their whole lifecycle.

An order is created with an application that has fees (one item per fee) and is ``pending``
(unpaid) until it is paid, cancelled or expires. Each read brings it up to date with the
platform's clock, as ``lifecycle`` does for applications:

- **QR code** (createPaymentQr): a pay URL valid five minutes (never past the order's expiry);
  the citizen's payment is signalled by a test or the dev dock (``mark_paid``,
  ``/_sim/payments/<order_no>/paid``).
- **Payment code** (payByBarcode): without a queued outcome (``charges``), a code of 18 digits
  with a real app's prefix (WeChat Pay 10–15, Alipay 25–30) pays at once and any other code is
  declined (402 ``payment_declined``, the order stays payable). A queued outcome may instead
  leave the charge ``pending`` until the citizen confirms, or pay but hold the answer.
  While a charge awaits confirmation, another charge answers ``pending`` without charging.
- **Expiry**: an order unpaid ``ORDER_TTL`` after its creation is ``expired``.
- **Cancel** (cancelPayment): closes an unpaid order (``cancelled``; a charge awaiting
  confirmation then never completes) and answers the order's real state: ``paid`` when the
  money arrived first. A closed order can't be paid.

Charging or showing a code for a paid order is 409 ``already_paid``; for a cancelled or
expired one 409 ``order_closed``.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import Any

from platform_api.signing import parse_timestamp
from platform_sim.call import Call
from platform_sim.charges import Charge, ChargeOutcome
from platform_sim.clock import rfc3339
from platform_sim.problems import Problem, Response, not_found

PAYMENT_CODE = re.compile(r"^(1[0-5]|2[5-9]|30)[0-9]{16}$")
QR_TTL = timedelta(minutes=5)
ORDER_TTL = timedelta(minutes=15)
PAY_URL_BASE = "https://pay.sim.invalid/qr/"
INVOICE_URL_BASE = "https://pay.sim.invalid/invoice/"
PENDING = "pending"
PAID = "paid"


def create_order(db: sqlite3.Connection, now: datetime, items: list[dict[str, Any]]) -> str:
    """A pending order for ``items`` (name, amount_cents); returns its order number."""
    order_no = f"P{now:%Y%m%d%H%M%S}{secrets.token_hex(5).upper()}"
    db.execute(
        "INSERT INTO payments (order_no, amount_cents, items, status, created_at, expires_at)"
        " VALUES (?, ?, ?, 'pending', ?, ?)",
        (
            order_no,
            sum(item["amount_cents"] for item in items),
            json.dumps(items, ensure_ascii=False),
            rfc3339(now),
            rfc3339(now + ORDER_TTL),
        ),
    )
    return order_no


def _row(db: sqlite3.Connection, order_no: str) -> sqlite3.Row:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM payments WHERE order_no = ?", (order_no,)
    ).fetchone()
    if row is None:
        raise not_found(f"no payment order {order_no}")
    return row


def _expires_at(row: sqlite3.Row) -> datetime:
    """The order's expiry (orders of an older simulator have none stored)."""
    if row["expires_at"] is not None:
        return parse_timestamp(row["expires_at"])
    return parse_timestamp(row["created_at"]) + ORDER_TTL


def _pay(db: sqlite3.Connection, order_no: str, at: datetime) -> None:
    db.execute(
        "UPDATE payments SET status = 'paid', paid_at = ?, charge_pending = 0,"
        " charge_settles_at = NULL WHERE order_no = ? AND status = 'pending'",
        (rfc3339(at), order_no),
    )


def _close(db: sqlite3.Connection, order_no: str, status: str) -> None:
    db.execute(
        "UPDATE payments SET status = ?, charge_pending = 0, charge_settles_at = NULL"
        " WHERE order_no = ? AND status = 'pending'",
        (status, order_no),
    )


def _current(db: sqlite3.Connection, order_no: str, now: datetime) -> sqlite3.Row:
    """The order brought up to date with the clock: a charge the citizen confirmed before the
    expiry pays it; past its expiry an unpaid order is expired. 404 when unknown."""
    row = _row(db, order_no)
    if row["status"] != PENDING:
        return row
    expires_at = _expires_at(row)
    settles_at = (
        parse_timestamp(row["charge_settles_at"])
        if row["charge_pending"] and row["charge_settles_at"] is not None
        else None
    )
    if settles_at is not None and settles_at <= now and settles_at < expires_at:
        _pay(db, order_no, settles_at)
    elif expires_at <= now:
        _close(db, order_no, "expired")
    else:
        return row
    return _row(db, order_no)


def _render(row: sqlite3.Row) -> dict[str, Any]:
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


def payment(db: sqlite3.Connection, order_no: str, now: datetime) -> dict[str, Any]:
    """The order as the contract's Payment, as of ``now``; 404 when there is no such order."""
    return _render(_current(db, order_no, now))


def mark_paid(db: sqlite3.Connection, order_no: str, now: datetime) -> dict[str, Any]:
    """The citizen paid (by the QR code, or confirmed a pending charge): a pending order is
    paid; any other stays as it is (a closed order can't be paid)."""
    _current(db, order_no, now)
    _pay(db, order_no, now)
    return payment(db, order_no, now)


def _payable(row: sqlite3.Row) -> None:
    """409 unless the order can still be paid."""
    if row["status"] == PAID:
        raise Problem(HTTPStatus.CONFLICT, "already_paid", "the order is paid")
    if row["status"] != PENDING:
        raise Problem(HTTPStatus.CONFLICT, "order_closed", f"the order is {row['status']}")


def get_payment(call: Call) -> Response:
    """getPayment."""
    return Response.json(200, payment(call.db, call.path_params["order_no"], call.now))


def create_payment_qr(call: Call) -> Response:
    """createPaymentQr: a pay URL for a payable order, valid five minutes at most."""
    order_no = call.path_params["order_no"]
    row = _current(call.db, order_no, call.now)
    _payable(row)
    return Response.json(
        200,
        {
            "pay_url": f"{PAY_URL_BASE}{order_no}?t={secrets.token_hex(8)}",
            "expires_at": rfc3339(min(call.now + QR_TTL, _expires_at(row))),
        },
    )


def _outcome(call: Call) -> Charge:
    queued = call.charges.take()
    if queued is not None:
        return queued
    if PAYMENT_CODE.match(call.document["auth_code"]):
        return Charge(ChargeOutcome.PAID)
    return Charge(ChargeOutcome.DECLINED)


def pay_by_barcode(call: Call) -> Response:
    """payByBarcode: charge the citizen's payment code."""
    order_no = call.path_params["order_no"]
    row = _current(call.db, order_no, call.now)
    _payable(row)
    if row["charge_pending"]:
        return Response.json(200, _render(row))
    charge = _outcome(call)
    if charge.outcome is ChargeOutcome.DECLINED:
        raise Problem(402, "payment_declined", "the payment code was declined")
    if charge.outcome is ChargeOutcome.PENDING:
        settles_at = (
            None
            if charge.settle_s is None
            else rfc3339(call.now + timedelta(seconds=charge.settle_s))
        )
        call.db.execute(
            "UPDATE payments SET charge_pending = 1, charge_settles_at = ? WHERE order_no = ?",
            (settles_at, order_no),
        )
        return Response.json(200, payment(call.db, order_no, call.now))
    _pay(call.db, order_no, call.now)
    response = Response.json(200, payment(call.db, order_no, call.now))
    if charge.outcome is ChargeOutcome.TIMEOUT:
        response.hold_s = charge.hold_s
    return response


def cancel_payment(call: Call) -> Response:
    """cancelPayment: close an unpaid order; answers the order's real state."""
    order_no = call.path_params["order_no"]
    _current(call.db, order_no, call.now)
    _close(call.db, order_no, "cancelled")
    return Response.json(200, payment(call.db, order_no, call.now))
