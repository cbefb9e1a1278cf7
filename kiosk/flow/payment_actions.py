"""The guards and steps of the payment phase (:mod:`kiosk.flow.phases.payment`).

They read and change the session's :class:`~kiosk.payment.progress.PaymentProgress`; every
platform call is an effect whose answer comes back as a reply.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.apply.draft import Accepted
from kiosk.flow import events as ev
from kiosk.flow.chart import decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    CancelPaymentOrder,
    ChargePaymentCode,
    CreatePaymentQr,
    Effect,
    OpenPaymentOrder,
    PaymentReceiptPrinted,
    StopWatchingPayment,
    WatchPayment,
)
from kiosk.payment.progress import PaymentProgress
from kiosk.payment.verdict import Verdict
from kiosk.payment.wallets import wallet_of
from kiosk.platform.models import Payment, PaymentStatus


def _progress(ctx: FlowContext) -> PaymentProgress | None:
    return ctx.session.payment


# --- guards ---------------------------------------------------------------------------------


@predicate
def payment_due(_ctx: FlowContext, event: ev.Event) -> bool:
    """The accepted submission came with an unpaid order (its matters have fees)."""
    return (
        isinstance(event, ev.ApplicationAccepted)
        and event.payment is not None
        and event.payment.status is PaymentStatus.PENDING
    )


@predicate
def is_payment_code(_ctx: FlowContext, event: ev.Event) -> bool:
    """The scanned text has the shape of a wallet's payment code (else it is never sent)."""
    return isinstance(event, ev.QrScanned) and wallet_of(event.payload) is not None


@decision
def charge_verdict(_ctx: FlowContext, event: ev.Event) -> Verdict:
    """What came of the charge."""
    return event.verdict if isinstance(event, ev.ChargeAnswered) else Verdict.PENDING


class Settled(StrEnum):
    """The answers of :data:`settled_as`."""

    PAID = "paid"
    EXPIRED = "expired"
    CLOSED = "closed"
    PENDING = "pending"


@decision
def settled_as(_ctx: FlowContext, event: ev.Event) -> Settled:
    """How the order stands in a PaymentSettled: paid, expired, otherwise closed (or still
    pending, as a cancel the platform could not take may answer)."""
    if not isinstance(event, ev.PaymentSettled):
        return Settled.PENDING
    status = event.payment.status
    if status is PaymentStatus.PAID:
        return Settled.PAID
    if status is PaymentStatus.PENDING:
        return Settled.PENDING
    return Settled.EXPIRED if status is PaymentStatus.EXPIRED else Settled.CLOSED


# --- steps ----------------------------------------------------------------------------------


def open_payment(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the order of the accepted submission and record it in the durable ledger."""
    if not isinstance(event, ev.ApplicationAccepted) or event.payment is None:
        return None
    numbers = tuple(a.application_no for a in event.applications)
    ctx.session.payment = PaymentProgress(event.payment, numbers)
    return OpenPaymentOrder(event.payment, numbers)


def request_qr(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Ask for a fresh pay QR code."""
    progress = _progress(ctx)
    if progress is None:
        return None
    progress.pay_url, progress.qr_deadline = "", None
    return CreatePaymentQr(ctx.new_request(), progress.order_no)


def show_qr(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the QR code and when it runs out (on the flow's clock)."""
    progress = _progress(ctx)
    if progress is None or not isinstance(event, ev.PaymentQrReady):
        return
    ctx.pending_request = None
    progress.pay_url = event.pay_url
    progress.qr_deadline = ctx.now + event.valid_s


def watch(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Start polling the order (with the QR code's deadline when one is being shown)."""
    progress = _progress(ctx)
    if progress is None:
        return None
    deadline = progress.qr_deadline if isinstance(event, ev.PaymentQrReady) else None
    return WatchPayment(ctx.new_request(), progress.order_no, deadline)


def stop_watching(ctx: FlowContext, _event: ev.Event) -> Effect:
    """Stop polling the order."""
    if ctx.pending_request is not None and ctx.pending_request == ctx.last_request:
        ctx.pending_request = None
    return StopWatchingPayment()


def charge(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Charge the scanned payment code."""
    progress = _progress(ctx)
    if progress is None or not isinstance(event, ev.QrScanned):
        return None
    progress.wallet = wallet_of(event.payload)
    return ChargePaymentCode(ctx.new_request(), progress.order_no, event.payload.strip())


def _learn(ctx: FlowContext, payment: Payment | None) -> None:
    progress = _progress(ctx)
    ctx.pending_request = None
    if progress is not None and payment is not None and payment.order_no == progress.order_no:
        progress.payment = payment


def record_charge(ctx: FlowContext, event: ev.Event) -> None:
    """Keep what the charge taught about the order."""
    if isinstance(event, ev.ChargeAnswered):
        _learn(ctx, event.payment)


def record_settled(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the order's state the platform gave."""
    if isinstance(event, ev.PaymentSettled):
        _learn(ctx, event.payment)


def cancel(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Close the unpaid order and wait for the platform's answer."""
    progress = _progress(ctx)
    if progress is None:
        return None
    return CancelPaymentOrder(progress.order_no, ctx.new_request())


def cancel_if_unpaid(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Leaving the payment with the order still open (the citizen left, timed out, or the
    session is being wiped): close it; nobody waits, the ledger keeps what the platform
    answers (``paid`` — the money arrived first — keeps the service as paid)."""
    progress = _progress(ctx)
    if progress is None or not progress.open:
        return None
    return CancelPaymentOrder(progress.order_no)


def paid_payment(ctx: FlowContext) -> Payment | None:
    """The paid order of the submission, for the receipt (None when nothing was paid)."""
    progress = _progress(ctx)
    draft = ctx.session.application
    if progress is None or not progress.paid or draft is None:
        return None
    return progress.payment if isinstance(draft.outcome, Accepted) else None


def confirm_printed(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """The receipt job printed: the payment receipt with it is confirmed."""
    payment = paid_payment(ctx)
    return None if payment is None else PaymentReceiptPrinted(payment.order_no)
