"""The payment phase's effects, executed: the ledger, QR codes, charges, polling, cancels,
and the dev dock's payment controls.

:class:`PaymentEffects` is built by the app and its :meth:`~PaymentEffects.handlers` merged
into the app's effect table. Platform calls run in workers through the Qt-free
:class:`kiosk.payment.cashier.Cashier` (durable ledger in the outbox's database); each answer
goes back to the flow as the reply event carrying the effect's request id (GUI thread).

* ``OpenPaymentOrder``: recorded at once, on the GUI thread (one small transaction), so every
  later step finds the order in the ledger.
* ``WatchPayment``: a thread asks getPayment every ``PAYMENT_POLL_S`` until the order is no
  longer pending, or until the QR code's deadline (on the flow's clock) passes.
* ``CancelPaymentOrder`` without a request id: the citizen left; the answer only settles the
  ledger (``paid`` keeps the service as paid, its receipt in the ledger for a reprint).

On start-up, :meth:`PaymentEffects.recover` resolves what a crash left open (the citizen is
gone: unpaid orders are cancelled) in a worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from drivers.printer.document import Document
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.timeouts import PAYMENT_POLL_S
from kiosk.outbox.payments import LedgerOrder, OrderState, PaymentLedger
from kiosk.payment.cashier import Cashier
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.platform.models import Application, PaymentStatus
from kiosk.receipts.documents import Hall
from kiosk.receipts.payment import payment_receipt
from kiosk.workers import Workers
from ui.receipt_text import payment_receipt_wording

if TYPE_CHECKING:
    from entry.backend import Backend
    from simulation.server import ControlServer

log = logging.getLogger(__name__)

Dispatch = Callable[[ev.Event], None]
Clock = Callable[[], float]

class PaymentWatch:
    """Polls one order in its own thread until settled, expired (QR deadline) or stopped."""

    def __init__(
        self,
        cashier: Cashier,
        effect: fx.WatchPayment,
        clock: Clock,
        post: Callable[[ev.Event], None],
        interval_s: float = PAYMENT_POLL_S,
    ) -> None:
        self._cashier = cashier
        self._effect = effect
        self._clock = clock
        self._post = post
        self._interval_s = interval_s
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="payment-watch", daemon=True)

    def start(self) -> None:
        """Start polling."""
        self._thread.start()

    def stop(self) -> None:
        """Stop polling (a request under way finishes; its answer is not posted)."""
        self._stopped.set()

    def _run(self) -> None:
        rid, order_no = self._effect.request_id, self._effect.order_no
        deadline = self._effect.qr_deadline
        while not self._stopped.wait(self._interval_s):
            if deadline is not None and self._clock() >= deadline:
                self._post(ev.PaymentQrExpired(rid))
                return
            try:
                payment = self._cashier.poll(order_no)
            except PlatformFailure as error:
                log.info("order %s not polled (%s)", order_no, type(error).__name__)
                continue
            if payment.status is not PaymentStatus.PENDING and not self._stopped.is_set():
                self._post(ev.PaymentSettled(rid, payment))
                return


class PaymentEffects:
    """Executes the payment phase's effects with the platform and the ledger."""

    def __init__(
        self,
        workers: Workers,
        backend: Callable[[], Backend],
        dispatch: Dispatch,
        clock: Clock,
    ) -> None:
        self._workers = workers
        self._backend = backend
        self._dispatch = dispatch
        self._clock = clock
        self._cashier: Cashier | None = None
        self._lock = threading.Lock()
        self._watch: PaymentWatch | None = None
        self.order_no = ""
        """The order the citizen is paying now (the dock's 模拟手机支付 pays it)."""

    def cashier(self) -> Cashier:
        """The cashier, built on first use from the backend (any thread)."""
        with self._lock:
            if self._cashier is None:
                backend = self._backend()
                if backend.outbox is None:
                    raise RuntimeError("no outbox: payments need its durable store")
                ledger = PaymentLedger(backend.outbox.store.path)
                self._cashier = Cashier(backend.client, ledger)
            return self._cashier

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.OpenPaymentOrder: self._open,
            fx.CreatePaymentQr: self._qr,
            fx.ChargePaymentCode: self._charge,
            fx.WatchPayment: self._start_watch,
            fx.StopWatchingPayment: lambda _: self._stop_watch(),
            fx.CancelPaymentOrder: self._cancel,
            fx.PaymentReceiptPrinted: self._printed,
        }

    def _post(self, event: ev.Event) -> None:
        self._workers.post(lambda: self._dispatch(event))

    def _open(self, effect: fx.OpenPaymentOrder) -> None:
        self.order_no = effect.payment.order_no
        try:
            self.cashier().open(effect.payment, effect.application_nos)
        except Exception:  # the order is still at the platform; recovery cannot see it
            log.exception("payment order %s not recorded", effect.payment.order_no)

    def _qr(self, effect: fx.CreatePaymentQr) -> None:
        rid, order_no = effect.request_id, effect.order_no

        def create() -> ev.Event:
            cashier = self.cashier()
            try:
                qr = cashier.show_qr(order_no)
            except PlatformError as error:
                if error.status != 409:
                    raise
                return ev.PaymentSettled(rid, cashier.poll(order_no))  # paid or closed
            return ev.PaymentQrReady(rid, qr.pay_url, qr.valid_s)

        self._workers.submit(create, self._dispatch, self._unavailable(rid))

    def _charge(self, effect: fx.ChargePaymentCode) -> None:
        rid, order_no, code = effect.request_id, effect.order_no, effect.code

        def charge() -> ev.Event:
            answer = self.cashier().charge(order_no, code)
            return ev.ChargeAnswered(rid, answer.verdict, answer.payment)

        self._workers.submit(charge, self._dispatch, self._unavailable(rid))

    def _unavailable(self, rid: int) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if not isinstance(error, PlatformFailure):
                log.error("payment call failed: %s: %s", type(error).__name__, error)
            self._dispatch(ev.PlatformUnavailable(rid))

        return failed

    def _start_watch(self, effect: fx.WatchPayment) -> None:
        self._stop_watch()
        self._watch = PaymentWatch(self.cashier(), effect, self._clock, self._post)
        self._watch.start()

    def _stop_watch(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None

    def _cancel(self, effect: fx.CancelPaymentOrder) -> None:
        rid, order_no = effect.request_id, effect.order_no

        def cancel() -> ev.Event | None:
            payment = self.cashier().cancel(order_no)
            log.info("order %s cancelled: the platform says %s", order_no, payment.status)
            return None if rid is None else ev.PaymentSettled(rid, payment)

        def done(event: ev.Event | None) -> None:
            if event is not None:
                self._dispatch(event)

        def failed(error: BaseException) -> None:
            log.warning("order %s not cancelled (%s); recovery retries it", order_no,
                        type(error).__name__)
            if rid is not None:
                self._dispatch(ev.PlatformUnavailable(rid))

        self._workers.submit(cancel, done, failed)

    def _printed(self, effect: fx.PaymentReceiptPrinted) -> None:
        order_no = effect.order_no
        self._workers.submit(lambda: self.cashier().printed(order_no), lambda _: None,
                             lambda e: log.error("order %s not marked printed: %s", order_no, e))

    # --- start-up and reprints --------------------------------------------------------------

    def recover(self) -> None:
        """Resolve in a worker what a crash left open (backend started)."""

        def done(unprinted: list[LedgerOrder]) -> None:
            if unprinted:
                log.warning("%d paid orders wait for their receipt (reprint by card)",
                            len(unprinted))

        self._workers.submit(lambda: self.cashier().recover(), done,
                             lambda e: log.warning("payment recovery: %s", e))

    def paid_receipts_for(self, application_no: str) -> list[LedgerOrder]:
        """The paid orders of an application, for a reprint (worker thread)."""
        return self.cashier().ledger.paid_receipts_for(application_no)

    def stop(self) -> None:
        """Stop polling."""
        self._stop_watch()

    # --- the dev dock -----------------------------------------------------------------------

    def register_routes(self, control: ControlServer) -> None:
        """``POST /sim/payment/paid`` (the citizen pays the order on screen with the phone),
        ``POST /sim/payment/next-charge {"outcome"}`` (paid, declined, pending, timeout) and
        ``POST /sim/payment/lose-answer`` (the next charge acts, its answer is lost)."""
        control.route("POST", "/sim/payment/paid", self._paid_route)
        control.route("POST", "/sim/payment/next-charge", self._next_charge_route)
        control.route("POST", "/sim/payment/lose-answer", self._lose_route)

    def _simulator(self) -> Any:
        sim = self._backend().platform_sim
        if sim is None:
            raise RuntimeError("the platform is not the embedded simulator")
        return sim

    def _paid_route(self, _: object) -> tuple[int, Any]:
        if not self.order_no:
            return 409, {"error": "no payment order yet"}
        return 200, self._simulator().mark_paid(self.order_no)

    def _next_charge_route(self, body: object) -> tuple[int, Any]:
        from platform_sim import Charge, ChargeOutcome

        outcome = body.get("outcome") if isinstance(body, dict) else None
        try:
            charge = Charge(ChargeOutcome(str(outcome)))
        except ValueError:
            return 400, {"error": "outcome must be paid, declined, pending or timeout"}
        self._simulator().next_charge(charge)
        return 200, {"ok": True}

    def _lose_route(self, _: object) -> tuple[int, Any]:
        from platform_sim import Fault, FaultKind

        self._simulator().faults.add(Fault(FaultKind.DROP_AFTER, operation="payByBarcode"))
        return 200, {"ok": True}


class PaidReceipts:
    """补打回执's local extras: the payment receipts (缴费凭证) the ledger keeps for the chosen
    applications, each order once; a confirmed reprint marks an unprinted order printed."""

    def __init__(self, ledger: Callable[[], PaymentLedger], hall: Hall) -> None:
        self._ledger = ledger
        self._hall = hall

    def _orders(self, applications: Sequence[Application]) -> list[LedgerOrder]:
        orders: dict[str, LedgerOrder] = {}
        for application in applications:
            for order in self._ledger().paid_receipts_for(application.application_no):
                orders.setdefault(order.order_no, order)
        return list(orders.values())

    def extra_documents(self, applications: Sequence[Application]) -> tuple[Document, ...]:
        """One payment receipt per paid order of ``applications``."""
        wording = payment_receipt_wording()
        return tuple(
            payment_receipt(wording, self._hall, order.payment, order.application_nos)
            for order in self._orders(applications)
        )

    def confirmed(self, applications: Sequence[Application]) -> None:
        """The payment receipts printed: no order of them waits for its receipt any more."""
        ledger = self._ledger()
        for order in self._orders(applications):
            if order.state is OrderState.PAID:
                ledger.mark_printed(order.order_no)
