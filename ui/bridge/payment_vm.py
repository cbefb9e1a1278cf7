"""The payment screens' view-model (``payment`` in QML): fee items and total, the pay QR code
with its countdown, the order number and the e-invoice QR once paid. Amounts are the
platform's integer cents, shown as ``¥12.50``; the countdown is the flow clock's time left
on the QR code, refreshed every second while a code is shown."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.flow.view import FlowView
from kiosk.payment.money import yuan
from kiosk.payment.progress import PaymentProgress
from ui import text
from ui.bridge.images import QR_PROVIDER

ProgressSource = Callable[[], PaymentProgress | None]
Clock = Callable[[], float]
COUNTDOWN_MS = 1000


def _qr(payload: str) -> str:
    return f"image://{QR_PROVIDER}/{quote(payload, safe='')}" if payload else ""


def countdown(seconds: float) -> str:
    """``m:ss`` of the time left (rounded up, never negative)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class PaymentViewModel(QObject):
    """What the payment screens bind to as ``payment``."""

    changed = Signal()
    ticked = Signal()

    def __init__(self, progress: ProgressSource, clock: Clock,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(COUNTDOWN_MS)
        self._timer.timeout.connect(self.ticked)
        self._problem = False

    def set_view(self, view: FlowView) -> None:
        """Refresh on every view; count down while a QR code is shown."""
        self._problem = view.reason is not None
        self.changed.emit()
        progress = self._progress()
        if progress is not None and progress.qr_deadline is not None:
            self._timer.start()
        else:
            self._timer.stop()
        self.ticked.emit()

    @Property(bool, notify=changed)
    def problem(self) -> bool:
        """The screen says why the last try did not work (not a code, declined, ...)."""
        return self._problem

    @Property(str, notify=changed)
    def amount(self) -> str:
        """The order's total, ``¥12.50`` (empty without an order)."""
        progress = self._progress()
        return yuan(progress.payment.amount_cents) if progress else ""

    @Property(str, notify=changed)
    def amountLine(self) -> str:  # noqa: N802
        """应付金额 ¥12.50, or 已支付 ¥12.50 once paid."""
        progress = self._progress()
        if progress is None:
            return ""
        key = "paid_amount" if progress.paid else "amount"
        return text.payment_word(key).format(amount=yuan(progress.payment.amount_cents))

    @Property(list, notify=changed)
    def items(self) -> list[dict[str, str]]:
        """Each fee item with its amount."""
        progress = self._progress()
        items = progress.payment.items if progress else ()
        return [{"name": i.name, "amount": yuan(i.amount_cents)} for i in items]

    @Property(str, notify=changed)
    def orderLine(self) -> str:  # noqa: N802
        """订单号 P…"""
        progress = self._progress()
        return text.payment_word("order_no").format(order_no=progress.order_no) if progress else ""

    @Property(str, notify=changed)
    def payQr(self) -> str:  # noqa: N802
        """The image source of the pay QR code (empty while there is none)."""
        progress = self._progress()
        return _qr(progress.pay_url) if progress else ""

    @Property(str, notify=ticked)
    def countdownText(self) -> str:  # noqa: N802
        """二维码有效期还剩 4:59 (or 二维码已过期)."""
        progress = self._progress()
        if progress is None or progress.qr_deadline is None:
            return ""
        left = progress.qr_left_s(self._clock())
        if left <= 0:
            return text.payment_word("expired")
        return text.payment_word("countdown").format(time=countdown(left))

    @Property(str, notify=changed)
    def invoiceQr(self) -> str:  # noqa: N802
        """The e-invoice (电子票据) QR of a paid order (empty otherwise)."""
        progress = self._progress()
        return _qr(progress.payment.e_invoice_url) if progress and progress.paid else ""

    @Slot(str, result=str)
    def word(self, key: str) -> str:
        """A word of the payment screens."""
        return text.payment_word(key)
