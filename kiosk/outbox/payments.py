"""The payment ledger: what the terminal knows of each payment order, durably.

It lives in the outbox's database (same file, WAL, ``synchronous=FULL``, same key), so that a
kill at any moment leaves the terminal knowing, after its restart:

- each **order** of an accepted submission, with its application numbers, and whether it is
  ``open`` (unpaid, the citizen at the terminal), ``paid`` (the platform said so; the payment
  receipt not yet confirmed printed), ``printed`` (the receipt came out) or ``closed``
  (cancelled, expired or failed at the platform);
- each **attempt** that may move money (``payByBarcode``) or close the order
  (``cancelPayment``), with the ``Idempotency-Key`` it was sent with, stored *before* the
  request goes out and marked ``answered`` once the platform answered. An attempt still
  ``sent`` after a restart is resolved by asking the platform for the order's state
  (getPayment), never by charging again; a cancel is resent with its one key.

The order's details (amount, items, paid time, e-invoice URL) are sealed with the outbox's
key; the order number, application numbers and states are in clear, as the worker's routing
data is in the outbox. The payment code itself is never stored.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.outbox.sealing import Sealer, load_or_create_key
from kiosk.outbox.store import locked_transaction, open_database
from kiosk.platform.models import Payment, PaymentItem, PaymentStatus

SCHEMA = """
CREATE TABLE IF NOT EXISTS payment_orders (
    order_no TEXT PRIMARY KEY,
    application_nos TEXT NOT NULL,
    state TEXT NOT NULL,
    sealed BLOB NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS payment_attempts (
    idempotency_key TEXT PRIMARY KEY,
    order_no TEXT NOT NULL,
    operation TEXT NOT NULL,
    state TEXT NOT NULL,
    started_at REAL NOT NULL
);
"""

CHARGE = "payByBarcode"
CANCEL = "cancelPayment"


class OrderState(StrEnum):
    """Where the terminal is with one payment order."""

    OPEN = "open"
    PAID = "paid"
    """Paid at the platform; the payment receipt is not confirmed printed."""
    PRINTED = "printed"
    CLOSED = "closed"


@dataclass(frozen=True)
class LedgerOrder:
    """One order as the ledger knows it."""

    order_no: str
    application_nos: tuple[str, ...]
    state: OrderState
    payment: Payment


@dataclass(frozen=True)
class Attempt:
    """A request that may move money or close the order, with its key."""

    idempotency_key: str
    order_no: str
    operation: str
    answered: bool


def _payment_json(payment: Payment) -> bytes:
    return json.dumps(
        {
            "order_no": payment.order_no,
            "amount_cents": payment.amount_cents,
            "status": payment.status.value,
            "items": [{"name": i.name, "amount_cents": i.amount_cents} for i in payment.items],
            "paid_at": payment.paid_at.isoformat() if payment.paid_at else None,
            "e_invoice_url": payment.e_invoice_url,
        },
        ensure_ascii=False,
    ).encode()


def _payment_from(raw: dict[str, Any]) -> Payment:
    return Payment(
        order_no=raw["order_no"],
        amount_cents=raw["amount_cents"],
        status=PaymentStatus(raw["status"]),
        items=tuple(PaymentItem(i["name"], i["amount_cents"]) for i in raw["items"]),
        paid_at=datetime.fromisoformat(raw["paid_at"]) if raw["paid_at"] else None,
        e_invoice_url=raw["e_invoice_url"],
    )


def _sealing_id(order_no: str) -> str:
    return f"payment:{order_no}"


class PaymentLedger:
    """The ledger in the outbox database at ``path`` (key at ``key_path``). Thread-safe.

    Every change is one transaction; a disk that cannot take it raises
    :class:`~kiosk.outbox.store.OutboxUnavailable` and nothing of it is kept.
    """

    def __init__(
        self, path: Path, key_path: Path | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)  # the key lives beside the database
        self._sealer = Sealer(load_or_create_key(key_path or path.with_suffix(".key")))
        self._clock = clock
        self._lock = threading.Lock()
        self._db = open_database(path, SCHEMA)

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> PaymentLedger:
        """The kiosk's ledger, in ``<data_dir>/outbox/outbox.sqlite3`` beside the outbox."""
        return cls(data_dir / "outbox" / "outbox.sqlite3")

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with locked_transaction(self._db, self._lock) as db:
            yield db

    # --- orders -----------------------------------------------------------------------------

    def open_order(self, payment: Payment, application_nos: tuple[str, ...]) -> None:
        """Record an order of an accepted submission (kept as it is when already recorded:
        a replayed submission answers the same order)."""
        sealed = self._sealer.seal(_sealing_id(payment.order_no), _payment_json(payment))
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO payment_orders(order_no, application_nos, state, sealed, "
                "updated_at) VALUES (?, ?, ?, ?, ?)",
                (payment.order_no, json.dumps(list(application_nos)), OrderState.OPEN.value,
                 sealed, self._clock()),
            )

    def settle(self, payment: Payment) -> OrderState:
        """Record what the platform answered about the order: ``paid`` moves an open order to
        paid (receipt due); a closed status closes it; ``pending`` changes nothing. A paid or
        printed order never goes back. Returns the order's state afterwards."""
        order_no = payment.order_no
        with self._transaction() as db:
            row = db.execute(
                "SELECT state FROM payment_orders WHERE order_no = ?", (order_no,)
            ).fetchone()
            if row is None:
                raise KeyError(order_no)
            state = OrderState(row[0])
            if state is not OrderState.OPEN:
                return state
            if payment.status is PaymentStatus.PAID:
                state = OrderState.PAID
            elif payment.status is not PaymentStatus.PENDING:
                state = OrderState.CLOSED
            else:
                return state
            sealed = self._sealer.seal(_sealing_id(order_no), _payment_json(payment))
            db.execute(
                "UPDATE payment_orders SET state = ?, sealed = ?, updated_at = ? "
                "WHERE order_no = ?",
                (state.value, sealed, self._clock(), order_no),
            )
        return state

    def mark_printed(self, order_no: str) -> None:
        """The payment receipt came out (the printer confirmed the job)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE payment_orders SET state = ?, updated_at = ? "
                "WHERE order_no = ? AND state = ?",
                (OrderState.PRINTED.value, self._clock(), order_no, OrderState.PAID.value),
            )

    def order(self, order_no: str) -> LedgerOrder | None:
        """The order as recorded, or None for one never recorded."""
        with self._lock:
            row = self._db.execute(
                "SELECT order_no, application_nos, state, sealed FROM payment_orders "
                "WHERE order_no = ?",
                (order_no,),
            ).fetchone()
        return None if row is None else self._order(row)

    def orders(self, *states: OrderState) -> list[LedgerOrder]:
        """The orders in ``states`` (every order without), oldest change first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT order_no, application_nos, state, sealed FROM payment_orders "
                "ORDER BY updated_at, order_no"
            ).fetchall()
        found = [self._order(row) for row in rows]
        return [o for o in found if not states or o.state in states]

    def paid_receipts_for(self, application_no: str) -> list[LedgerOrder]:
        """The paid orders of ``application_no`` (receipt printed or not), for a reprint:
        each carries the paid :class:`Payment` (amount, items, paid time, e-invoice URL)."""
        return [
            o for o in self.orders(OrderState.PAID, OrderState.PRINTED)
            if application_no in o.application_nos
        ]

    def _order(self, row: tuple[Any, ...]) -> LedgerOrder:
        order_no, application_nos, state, sealed = row
        opened = json.loads(self._sealer.open(_sealing_id(order_no), sealed))
        return LedgerOrder(order_no, tuple(json.loads(application_nos)), OrderState(state),
                           _payment_from(opened))

    # --- attempts ---------------------------------------------------------------------------

    def begin_attempt(self, order_no: str, operation: str) -> str:
        """A new attempt's idempotency key, on disk before the request is sent."""
        key = str(uuid.uuid4())
        with self._transaction() as db:
            db.execute(
                "INSERT INTO payment_attempts(idempotency_key, order_no, operation, state, "
                "started_at) VALUES (?, ?, ?, 'sent', ?)",
                (key, order_no, operation, self._clock()),
            )
        return key

    def cancel_key(self, order_no: str) -> str:
        """The one key of the order's cancel: the recorded one, else a new one recorded now
        (a cancel resent after a restart reuses it)."""
        with self._lock:
            row = self._db.execute(
                "SELECT idempotency_key FROM payment_attempts WHERE order_no = ? "
                "AND operation = ? ORDER BY started_at LIMIT 1",
                (order_no, CANCEL),
            ).fetchone()
        return str(row[0]) if row is not None else self.begin_attempt(order_no, CANCEL)

    def answered(self, idempotency_key: str) -> None:
        """The platform answered the attempt (its outcome is in the order's state)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE payment_attempts SET state = 'answered' WHERE idempotency_key = ?",
                (idempotency_key,),
            )

    def attempts(self, order_no: str) -> list[Attempt]:
        """The order's attempts, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT idempotency_key, order_no, operation, state FROM payment_attempts "
                "WHERE order_no = ? ORDER BY started_at, rowid",
                (order_no,),
            ).fetchall()
        return [Attempt(k, o, op, state == "answered") for k, o, op, state in rows]

