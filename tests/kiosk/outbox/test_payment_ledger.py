"""The payment ledger in the outbox database: orders and attempt keys survive a restart, a
paid order never goes back, the order's details are sealed, and a reprint finds the paid
orders of an application."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kiosk.outbox.payments import CANCEL, CHARGE, OrderState, PaymentLedger
from kiosk.outbox.store import OutboxStore
from kiosk.platform.models import Payment, PaymentItem, PaymentStatus

INVOICE = "https://pay.sim.invalid/invoice/P1"


def order(status: PaymentStatus = PaymentStatus.PENDING) -> Payment:
    paid = status is PaymentStatus.PAID
    return Payment(
        "P1", 2000, status, (PaymentItem("工本费", 2000),),
        paid_at=datetime(2026, 11, 30, 8, tzinfo=UTC) if paid else None,
        e_invoice_url=INVOICE if paid else "",
    )


def test_an_order_and_its_attempt_keys_survive_a_restart(tmp_path: Path) -> None:
    ledger = PaymentLedger.in_data_dir(tmp_path)
    ledger.open_order(order(), ("A1", "A2"))
    charge = ledger.begin_attempt("P1", CHARGE)
    cancel = ledger.cancel_key("P1")
    ledger.close()

    again = PaymentLedger.in_data_dir(tmp_path)
    recorded = again.order("P1")
    assert recorded is not None and recorded.state is OrderState.OPEN
    assert recorded.application_nos == ("A1", "A2")
    assert [(a.idempotency_key, a.answered) for a in again.attempts("P1")] == [
        (charge, False), (cancel, False)
    ]
    assert again.cancel_key("P1") == cancel, "a cancel resent after a restart reuses its key"


def test_a_paid_order_never_goes_back_and_prints_once(tmp_path: Path) -> None:
    ledger = PaymentLedger.in_data_dir(tmp_path)
    ledger.open_order(order(), ("A1",))
    assert ledger.settle(order(PaymentStatus.PAID)) is OrderState.PAID
    assert ledger.settle(order(PaymentStatus.CANCELLED)) is OrderState.PAID
    ledger.open_order(order(), ("A1",))  # a replayed submission answers the same order
    assert ledger.orders(OrderState.PAID)[0].payment.e_invoice_url == INVOICE
    ledger.mark_printed("P1")
    assert [o.state for o in ledger.orders()] == [OrderState.PRINTED]


def test_an_unpaid_order_closes_and_a_pending_answer_changes_nothing(tmp_path: Path) -> None:
    ledger = PaymentLedger.in_data_dir(tmp_path)
    ledger.open_order(order(), ("A1",))
    assert ledger.settle(order()) is OrderState.OPEN
    assert ledger.settle(order(PaymentStatus.EXPIRED)) is OrderState.CLOSED
    assert ledger.paid_receipts_for("A1") == []


def test_a_reprint_finds_the_paid_orders_of_an_application(tmp_path: Path) -> None:
    ledger = PaymentLedger.in_data_dir(tmp_path)
    ledger.open_order(order(), ("A1", "A2"))
    ledger.settle(order(PaymentStatus.PAID))
    found = ledger.paid_receipts_for("A2")
    assert [(o.order_no, o.payment.amount_cents, o.payment.e_invoice_url) for o in found] == [
        ("P1", 2000, INVOICE)
    ]
    assert ledger.paid_receipts_for("A3") == []


def test_the_ledger_shares_the_outbox_database_and_seals_the_details(tmp_path: Path) -> None:
    store = OutboxStore.in_data_dir(tmp_path)
    ledger = PaymentLedger.in_data_dir(tmp_path)
    ledger.open_order(order(), ("A1",))
    ledger.settle(order(PaymentStatus.PAID))
    ledger.close()
    store.close()
    files = list((tmp_path / "outbox").iterdir())
    assert {f.name for f in files} >= {"outbox.sqlite3", "outbox.key"}
    raw = b"".join(f.read_bytes() for f in files if f.name.startswith("outbox.sqlite3"))
    assert INVOICE.encode() not in raw and "工本费".encode() not in raw
    assert CANCEL == "cancelPayment"
