"""What came of charging a payment code, as the flow and the cashier both name it."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """The outcome of one charge."""

    PAID = "paid"
    PENDING = "pending"
    """The citizen must confirm in the wallet app (or the outcome is not known yet): poll."""
    DECLINED = "declined"
    """Refused; the order stays payable (another code or the QR code may pay it)."""
    CLOSED = "closed"
    """The order can no longer be paid (cancelled, expired, failed)."""
    NOT_A_CODE = "not_a_code"
    """The scanned text is no wallet's payment code; nothing was sent."""
