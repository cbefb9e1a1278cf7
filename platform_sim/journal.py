"""A record of the requests the simulated platform received, for tests that check what a
terminal sent (headers, exact body, whether the signature verifies).

Kept in memory and only when asked for (``start_simulator(record=True)``): it holds request
bodies, personal data included.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from platform_api.signing import verify


@dataclass(frozen=True)
class Exchange:
    """One complete request to ``/api/v1`` as received, before any fault or check applied."""

    method: str
    target: str
    headers: Mapping[str, str]
    body: bytes
    signature_ok: bool

    @property
    def path(self) -> str:
        """The path without the query."""
        return self.target.split("?", 1)[0]

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


class Journal:
    """The exchanges in arrival order; safe to use from the request threads."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret
        self._exchanges: list[Exchange] = []
        self._lock = threading.Lock()

    def record(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> None:
        """Add one request, noting whether its signature verifies with the terminal secret."""
        exchange = Exchange(
            method, target, dict(headers), body, verify(headers, self._secret, method, target, body)
        )
        with self._lock:
            self._exchanges.append(exchange)

    def exchanges(self) -> list[Exchange]:
        """A copy of the exchanges so far."""
        with self._lock:
            return list(self._exchanges)
