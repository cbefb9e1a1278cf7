"""The simulated platform's clock: real time or a fixed start, shifted by ``advance``.

Every time-dependent rule of the simulator (signature skew, nonce window, verification
expiry, application lifecycle, payment-code expiry, slot dates) reads this clock, so tests
and the dev dock move time forward instead of sleeping.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from platform_api.signing import format_timestamp


class SimClock:
    """``now()`` is the system time (or ``start`` when given) plus everything advanced so far."""

    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("start must carry a time zone")
        self._start = start
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The current simulated time, in UTC."""
        with self._lock:
            base = self._start if self._start is not None else datetime.now(UTC)
            return (base + self._offset).astimezone(UTC)

    def advance(self, seconds: float) -> None:
        """Move the clock forward (or back, for a negative value) by ``seconds``."""
        with self._lock:
            self._offset += timedelta(seconds=seconds)


# A UTC date-time as the contract's ``date-time`` strings are written (``Z``, seconds): the
# same format the client writes its timestamps in, from the module both sides share.
rfc3339 = format_timestamp
