"""The payment receipt (缴费凭证) printed with the acceptance receipt once the fees are paid:
each fee item, the total, the order number, the time it was paid and the electronic receipt
(电子票据) as a QR code. Amounts are integer cents shown as ``¥12.50``; times China time."""

from __future__ import annotations

from dataclasses import dataclass

from drivers.printer.document import Align, Document
from kiosk.payment.money import yuan
from kiosk.platform.models import Payment
from kiosk.receipts.documents import CHINA, Hall


@dataclass(frozen=True)
class PaymentReceiptWording:
    """Every word printed on a payment receipt (``ui.receipt_text.payment_receipt_wording``)."""

    title: str
    hall: str
    total: str
    order_no: str
    paid_at: str
    application_no: str
    scan_for_invoice: str
    phone: str
    time_format: str


def payment_receipt(
    wording: PaymentReceiptWording, hall: Hall, payment: Payment, application_nos: tuple[str, ...]
) -> Document:
    """The payment receipt of a paid order."""
    w = wording
    document = Document().title(w.title).row(w.hall, hall.name).separator()
    for item in payment.items:
        document.row(item.name, yuan(item.amount_cents))
    document.row(w.total, yuan(payment.amount_cents), bold=True).separator()
    document.row(w.order_no, payment.order_no)
    if payment.paid_at is not None:
        document.row(w.paid_at, payment.paid_at.astimezone(CHINA).strftime(w.time_format))
    for number in application_nos:
        document.row(w.application_no, number)
    if payment.e_invoice_url:
        document.separator().qr(payment.e_invoice_url).line(w.scan_for_invoice, Align.CENTER)
    if hall.phone:
        document.row(w.phone, hall.phone)
    return document.feed(3).cut()
