"""Faults the simulated platform commits on request, so tests and the dev dock can show how a
terminal copes with a platform that fails, stalls or loses answers.

A :class:`Fault` is queued for the next request (of one operation, or any); each request to
``/api/v1`` takes at most one. Independently, :meth:`FaultPlan.lose_answers` makes the platform
act on a share of the requests and then close the connection without answering, the case an
idempotency key exists for. Faults apply before the offline switch and authentication, like a
failing network or gateway in front of the platform would.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from platform_sim.problems import Problem, Response


class FaultKind(StrEnum):
    """What a queued fault does to the request that takes it."""

    RESPOND = "respond"
    """Answer ``status`` (a problem with ``code``, or ``body`` as given) without acting."""
    DROP_BEFORE = "drop_before"
    """Close the connection before acting and without answering."""
    DROP_AFTER = "drop_after"
    """Act, then close the connection without the answer."""
    DELAY = "delay"
    """Only wait ``delay_s`` (every kind waits that long first), then act and answer."""


@dataclass(frozen=True)
class Fault:
    """One fault for one request; ``operation`` limits it to that ``operationId``."""

    kind: FaultKind
    status: int = 503
    code: str = "unavailable"
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    operation: str | None = None

    def response(self) -> Response:
        """The answer of a ``RESPOND`` fault: ``body`` as given, else a problem with ``code``."""
        if self.body is None:
            problem = Problem(self.status, self.code, "fault injected by the simulator")
            answer = problem.response()
            return Response(answer.status, answer.body, {**answer.headers, **self.headers})
        return Response(self.status, self.body, dict(self.headers))

    @classmethod
    def from_json(cls, document: Mapping[str, Any]) -> Fault:
        """A fault from the ``/_sim/faults`` body; ``body`` there is text (UTF-8).

        Raises ``KeyError``/``ValueError``/``TypeError`` for a malformed document.
        """
        body = document.get("body")
        if body is not None and not isinstance(body, str):
            raise TypeError("body must be text")
        headers = document.get("headers", {})
        if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
            raise TypeError("headers must map names to text")
        operation = document.get("operation")
        if operation is not None and not isinstance(operation, str):
            raise TypeError("operation must be an operationId")
        delay_s = float(document.get("delay_s", 0.0))
        if not 0.0 <= delay_s <= 60.0:
            raise ValueError("delay_s must be between 0 and 60")
        return cls(
            kind=FaultKind(document["kind"]),
            status=int(document.get("status", 503)),
            code=str(document.get("code", "unavailable")),
            body=body.encode("utf-8") if body is not None else None,
            headers=headers,
            delay_s=delay_s,
            operation=operation,
        )


class FaultPlan:
    """The queued faults and the share of answers to lose; safe to use from any thread."""

    def __init__(self) -> None:
        self._queue: list[Fault] = []
        self._lose_rate = 0.0
        self._rng = random.Random()
        self._lock = threading.Lock()

    def add(self, fault: Fault, count: int = 1) -> None:
        """Queue ``fault`` for the next ``count`` requests it applies to."""
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._queue.extend([fault] * count)

    def lose_answers(self, rate: float, seed: int | None = None) -> None:
        """Act on every request but drop the answer of ``rate`` (0–1) of them, chosen by a
        generator seeded with ``seed`` (repeatable) or at random."""
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        with self._lock:
            self._lose_rate = rate
            self._rng = random.Random(seed)

    def clear(self) -> None:
        """No more faults: empty the queue and lose no answers."""
        with self._lock:
            self._queue.clear()
            self._lose_rate = 0.0

    def take(self, operation_id: str | None) -> Fault | None:
        """The first queued fault for a request to ``operation_id`` (None: not an operation of
        the contract), removed from the queue; None when none applies."""
        with self._lock:
            for index, fault in enumerate(self._queue):
                if fault.operation is None or fault.operation == operation_id:
                    return self._queue.pop(index)
        return None

    def answer_lost(self) -> bool:
        """Whether the answer to the request just handled is to be dropped."""
        with self._lock:
            return self._lose_rate > 0.0 and self._rng.random() < self._lose_rate

    def status(self) -> dict[str, Any]:
        """How many faults are queued and which share of answers is lost (for ``/_sim/status``)."""
        with self._lock:
            return {"queued": len(self._queue), "lose_rate": self._lose_rate}
