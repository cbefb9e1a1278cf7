"""The citizen's payment as the session holds it: the order, the QR code on screen and what
the platform said last. Wiped with the session."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.payment.wallets import WalletId
from kiosk.platform.models import Payment, PaymentStatus


@dataclass
class PaymentProgress:
    """One order being paid at the terminal.

    ``qr_deadline`` is on the flow's clock (monotonic seconds), so a skewed wall clock cannot
    stretch or cut the countdown. ``wallet`` is the wallet of the last code scanned.
    """

    payment: Payment
    application_nos: tuple[str, ...]
    pay_url: str = ""
    qr_deadline: float | None = None
    wallet: WalletId | None = None

    @property
    def order_no(self) -> str:
        """The order's number."""
        return self.payment.order_no

    @property
    def paid(self) -> bool:
        """The platform said the order is paid."""
        return self.payment.status is PaymentStatus.PAID

    @property
    def open(self) -> bool:
        """Neither paid nor closed, as far as the terminal knows: leaving must cancel it."""
        return self.payment.status is PaymentStatus.PENDING

    def qr_left_s(self, now: float) -> float:
        """Seconds the QR code on screen is still valid (0 without one)."""
        return 0.0 if self.qr_deadline is None else max(0.0, self.qr_deadline - now)
