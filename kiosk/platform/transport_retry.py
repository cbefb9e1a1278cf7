"""When a failed platform call is tried again, and how long to wait first.

Only idempotent requests are retried: GETs, and POST/PUT that carry an ``Idempotency-Key``
(the platform returns the first result again for the same key and body, so a retry after a
lost answer cannot create a second application). Retried failures are those that say
"later may work": no answer (connection refused/reset, timeout) and the statuses 408, 429,
500, 502, 503, 504. A refused TLS certificate and every other status are final.

Waits grow exponentially with "full jitter" (a uniform share of the exponential ceiling), so
that a hall full of terminals coming back online does not hammer the platform in step; a
``Retry-After`` the platform sends is honoured up to ``max_delay_s``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


def is_idempotent(method: str, headers: Mapping[str, str]) -> bool:
    """True for GET/HEAD, and for any request that carries an ``Idempotency-Key``."""
    return method.upper() in ("GET", "HEAD") or bool(headers.get("Idempotency-Key"))


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header given in seconds; None when absent or a date."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


@dataclass(frozen=True)
class RetryPolicy:
    """How many attempts in all, and the bounds of the waits between them."""

    max_attempts: int = 3
    base_delay_s: float = 0.25
    max_delay_s: float = 4.0

    def retryable_status(self, status: int) -> bool:
        """Whether an answer with ``status`` may succeed when tried again."""
        return status in RETRYABLE_STATUSES

    def delay(
        self, retry: int, rng: Callable[[], float], retry_after_s: float | None = None
    ) -> float:
        """Seconds to wait before retry number ``retry`` (0 for the first retry).

        ``rng`` returns a float in [0, 1); the wait is ``rng() * min(max, base * 2**retry)``,
        raised to ``Retry-After`` (capped at ``max_delay_s``) when the platform asked for one.
        """
        ceiling = min(self.max_delay_s, self.base_delay_s * 2.0**retry)
        wait = ceiling * rng()
        if retry_after_s is not None:
            wait = max(wait, min(retry_after_s, self.max_delay_s))
        return wait


DEFAULT_RETRY = RetryPolicy()
NO_RETRY = RetryPolicy(max_attempts=1)
