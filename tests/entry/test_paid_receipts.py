"""补打回执 reprints the payment receipts the ledger keeps: one per paid order of the chosen
applications, none for an unpaid order, and a confirmed reprint marks the order printed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from drivers.printer.document import QrCode
from entry.payment import PaidReceipts
from kiosk.outbox.payments import OrderState, PaymentLedger
from kiosk.platform.models import Application, Payment, PaymentItem, PaymentStatus
from kiosk.receipts.documents import Hall

HALL = Hall("市民中心政务服务大厅", "0571-12345")


def _payment(order_no: str, status: PaymentStatus) -> Payment:
    paid = status is PaymentStatus.PAID
    return Payment(
        order_no, 1000, status, (PaymentItem("工本费", 1000),),
        paid_at=datetime(2026, 11, 30, 8, tzinfo=UTC) if paid else None,
        e_invoice_url=f"https://pay.sim.invalid/invoice/{order_no}" if paid else "",
    )


def _application(no: str) -> Application:
    return Application(no, "Q1W2E3", "M1", "不动产权证书补证换证", "accepted",
                       datetime(2026, 11, 30, 8, tzinfo=UTC), ())


def test_a_reprint_adds_each_paid_orders_receipt_once_and_marks_it_printed(
    tmp_path: Path,
) -> None:
    ledger = PaymentLedger.in_data_dir(tmp_path)
    ledger.open_order(_payment("P1", PaymentStatus.PENDING), ("A1", "A2"))
    ledger.settle(_payment("P1", PaymentStatus.PAID))
    ledger.open_order(_payment("P2", PaymentStatus.PENDING), ("A3",))  # never paid
    receipts = PaidReceipts(lambda: ledger, HALL)
    chosen = (_application("A1"), _application("A2"), _application("A3"))

    documents = receipts.extra_documents(chosen)

    assert len(documents) == 1, "one receipt for the bundle's one order, none for unpaid"
    qr_codes = [b.data for b in documents[0].blocks if isinstance(b, QrCode)]
    assert qr_codes == ["https://pay.sim.invalid/invoice/P1"], "the order's e-invoice"
    receipts.confirmed(chosen)
    recorded = ledger.order("P1")
    assert recorded is not None and recorded.state is OrderState.PRINTED
    assert len(receipts.extra_documents(chosen)) == 1, "a printed order still reprints"


def test_applications_without_payments_add_nothing(tmp_path: Path) -> None:
    receipts = PaidReceipts(lambda: PaymentLedger.in_data_dir(tmp_path), HALL)
    assert receipts.extra_documents((_application("A9"),)) == ()
