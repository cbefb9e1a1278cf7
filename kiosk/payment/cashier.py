"""The terminal's side of a payment order, Qt-free: show a QR code, charge a payment code,
ask the order's state, cancel it, and recover after a restart — every step recorded in the
:class:`~kiosk.outbox.payments.PaymentLedger` before and after it talks to the platform.

Never charge twice: a charge's idempotency key is on disk before the request goes out, and
when no answer comes back (network failure, a 5xx from a gateway) the outcome is learned with
getPayment, never by charging again. Every answer about the order is settled in the ledger, so
a paid order is known as paid (its receipt due) whatever happens next.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.outbox.payments import CHARGE, LedgerOrder, OrderState, PaymentLedger
from kiosk.payment.verdict import Verdict
from kiosk.payment.wallets import WalletId, wallet_of
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformError, PlatformFailure, ProblemCode
from kiosk.platform.models import Payment, PaymentQr, PaymentStatus
from kiosk.platform.transport_retry import NO_RETRY

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChargeAnswer:
    """A charge's verdict, the order as last known (None when nothing was learned) and the
    wallet the code belongs to."""

    verdict: Verdict
    payment: Payment | None = None
    wallet: WalletId | None = None


def verdict_of(payment: Payment) -> Verdict:
    """The verdict an order's state gives."""
    if payment.status is PaymentStatus.PAID:
        return Verdict.PAID
    if payment.status is PaymentStatus.PENDING:
        return Verdict.PENDING
    return Verdict.CLOSED


def _unanswered(error: PlatformFailure) -> bool:
    """True when the platform may have acted without our knowing (no answer, or a gateway's
    5xx/429): only the order's state can tell."""
    if isinstance(error, PlatformError):
        return error.status >= 500 or error.status == 429
    return True


@dataclass(frozen=True)
class ShownQr:
    """A QR code to show and how long it is valid, measured from when it was received."""

    pay_url: str
    valid_s: float


class Cashier:
    """Payments of one terminal: the platform client and the ledger. Thread-safe (both are);
    each call blocks on the platform, so the app calls it from a worker."""

    def __init__(self, client: PlatformClient, ledger: PaymentLedger) -> None:
        self.client = client
        self.ledger = ledger
        self._charger = client.tuned(retry=NO_RETRY)
        """Charges are sent once: a lost answer is resolved with getPayment, not a resend."""

    def open(self, payment: Payment, application_nos: tuple[str, ...]) -> None:
        """Record the order that came with an accepted submission."""
        self.ledger.open_order(payment, application_nos)
        self.ledger.settle(payment)

    def show_qr(self, order_no: str, now: datetime | None = None) -> ShownQr:
        """A fresh QR code for the order (a new key each time: an expired code is replaced,
        not replayed). Raises the client's errors (409 ``already_paid``/``order_closed``)."""
        qr: PaymentQr = self.client.create_payment_qr(order_no, idempotency_key=uuid.uuid4())
        valid = (qr.expires_at - (now or datetime.now(UTC))).total_seconds()
        return ShownQr(qr.pay_url, max(0.0, valid))

    def charge(self, order_no: str, code: str) -> ChargeAnswer:
        """Charge the scanned payment code ``code``; never raises for the platform."""
        wallet = wallet_of(code)
        if wallet is None:
            return ChargeAnswer(Verdict.NOT_A_CODE)
        key = self.ledger.begin_attempt(order_no, CHARGE)
        try:
            payment = self._charger.pay_by_barcode(order_no, code.strip(), idempotency_key=key)
        except PlatformFailure as error:
            if not isinstance(error, PlatformError) or _unanswered(error):
                log.warning("charge of %s unanswered (%s): asking its state",
                            order_no, type(error).__name__)
                return self._with_wallet(self.resolve(order_no), wallet)
            self.ledger.answered(key)
            if error.code in (ProblemCode.ALREADY_PAID, "order_closed"):
                return self._with_wallet(self.resolve(order_no), wallet)
            return ChargeAnswer(Verdict.DECLINED, None, wallet)
        self.ledger.answered(key)
        self.ledger.settle(payment)
        return ChargeAnswer(verdict_of(payment), payment, wallet)

    @staticmethod
    def _with_wallet(answer: ChargeAnswer, wallet: WalletId) -> ChargeAnswer:
        return ChargeAnswer(answer.verdict, answer.payment, wallet)

    def resolve(self, order_no: str) -> ChargeAnswer:
        """The order's state from the platform, settled in the ledger, and every charge that
        was sent marked answered by it. Unreachable: ``pending`` (keep asking), nothing
        settled."""
        try:
            payment = self.client.get_payment(order_no)
        except PlatformFailure as error:
            log.warning("state of %s not known (%s)", order_no, type(error).__name__)
            return ChargeAnswer(Verdict.PENDING)
        self._settle(payment)
        return ChargeAnswer(verdict_of(payment), payment)

    def poll(self, order_no: str) -> Payment:
        """The order's state now, settled (raises the client's errors)."""
        payment = self.client.get_payment(order_no)
        self._settle(payment)
        return payment

    def _settle(self, payment: Payment) -> None:
        """Keep the order's state; a charge sent without an answer is answered by it."""
        self.ledger.settle(payment)
        for attempt in self.ledger.attempts(payment.order_no):
            if attempt.operation == CHARGE and not attempt.answered:
                self.ledger.answered(attempt.idempotency_key)

    def cancel(self, order_no: str) -> Payment:
        """Close the unpaid order (its one cancel key, reused after a restart). The answer is
        the order's real state: ``paid`` when the money arrived first, which the ledger then
        keeps as paid with its receipt due. Raises the client's errors."""
        key = self.ledger.cancel_key(order_no)
        payment = self.client.cancel_payment(order_no, idempotency_key=key)
        self.ledger.answered(key)
        self.ledger.settle(payment)
        return payment

    def printed(self, order_no: str) -> None:
        """The payment receipt came out."""
        self.ledger.mark_printed(order_no)

    def recover(self) -> list[LedgerOrder]:
        """After a restart (the citizen is gone): every order still open is resolved and, when
        unpaid, cancelled. Returns the paid orders whose receipt is not confirmed printed (a
        reprint by card includes them). An order the platform cannot be asked about now stays
        open for the next recovery."""
        for order in self.ledger.orders(OrderState.OPEN):
            try:
                self.resolve(order.order_no)
                current = self.ledger.order(order.order_no)
                if current is not None and current.state is OrderState.OPEN:
                    self.cancel(order.order_no)
            except PlatformFailure as error:
                log.warning("order %s not recovered yet (%s)", order.order_no,
                            type(error).__name__)
        return self.ledger.orders(OrderState.PAID)
