"""What the next payment-code charges (payByBarcode) do, chosen by tests and the dev dock.

Without a queued :class:`Charge`, a charge follows the payment code's shape (see
``payments``). A queued one overrides it for one charge, whatever the code:

- ``paid``: the money arrives at once; the answer says ``paid``.
- ``declined``: 402 ``payment_declined``; the order stays payable.
- ``pending``: the citizen must confirm in the payment app; the answer says ``pending`` and the
  charge completes ``settle_s`` seconds of the platform's clock later (or, without
  ``settle_s``, when ``/_sim/payments/<order_no>/paid`` says so), unless the order is cancelled
  or expires first.
- ``timeout``: the money arrives, but the answer is held ``hold_s`` seconds (longer than a
  terminal waits), as when the payment channel is slow: the terminal must learn the outcome
  with getPayment, or by resending the same request (its idempotency key replays at once).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

MAX_HOLD_S = 60.0
DEFAULT_HOLD_S = 15.0
"""Longer than the kiosk's default read timeout (10 s)."""


class ChargeOutcome(StrEnum):
    """What one payment-code charge does."""

    PAID = "paid"
    DECLINED = "declined"
    PENDING = "pending"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class Charge:
    """The outcome of one charge; ``settle_s`` for ``pending``, ``hold_s`` for ``timeout``."""

    outcome: ChargeOutcome
    settle_s: float | None = None
    hold_s: float = DEFAULT_HOLD_S

    def __post_init__(self) -> None:
        if self.settle_s is not None and self.settle_s < 0:
            raise ValueError("settle_s must not be negative")
        if not 0.0 <= self.hold_s <= MAX_HOLD_S:
            raise ValueError(f"hold_s must be between 0 and {MAX_HOLD_S:g}")

    @classmethod
    def from_json(cls, document: Mapping[str, Any]) -> Charge:
        """A charge from the ``/_sim/payments/next-charge`` body.

        Raises ``KeyError``/``ValueError``/``TypeError`` for a malformed document.
        """
        settle_s = document.get("settle_s")
        return cls(
            outcome=ChargeOutcome(document["outcome"]),
            settle_s=None if settle_s is None else float(settle_s),
            hold_s=float(document.get("hold_s", DEFAULT_HOLD_S)),
        )


class ChargePlan:
    """The queued outcomes of the next charges, oldest first; safe to use from any thread."""

    def __init__(self) -> None:
        self._queue: list[Charge] = []
        self._lock = threading.Lock()

    def add(self, charge: Charge, count: int = 1) -> None:
        """Let the next ``count`` charges end as ``charge`` says."""
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._queue.extend([charge] * count)

    def take(self) -> Charge | None:
        """The outcome queued for the charge being made, removed; None when none is queued."""
        with self._lock:
            return self._queue.pop(0) if self._queue else None

    def clear(self) -> None:
        """Charges follow the payment code's shape again."""
        with self._lock:
            self._queue.clear()

    def status(self) -> dict[str, Any]:
        """The queued outcomes (for ``/_sim/status``)."""
        with self._lock:
            return {"queued": [c.outcome.value for c in self._queue]}
