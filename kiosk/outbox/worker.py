"""The outbox's delivery worker: one thread sending queued requests oldest first.

A record leaves the queue only after the platform confirmed it (a documented 2xx, which for
a redelivered record is the platform's replay of its first answer), or refused it for good
(:mod:`kiosk.outbox.policy`). Anything else leaves it at the head of the queue and the worker
waits, exponentially longer with jitter, before trying it again: the queue's order is kept, so
an application is never sent before the uploads it refers to.

A crash or ``kill -9`` at any point is safe: the worst case is a record the platform has
confirmed but the store has not yet deleted, which is resent with the same idempotency key
and answered by replay, so the platform acts on it exactly once.
"""

from __future__ import annotations

import enum
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.outbox.policy import judge
from kiosk.outbox.store import NewRecord, OutboxStore, Record
from kiosk.platform.client import HttpReply, PlatformClient
from kiosk.platform.errors import PlatformFailure
from kiosk.platform.transport_retry import NO_RETRY

log = logging.getLogger(__name__)


class DeliveryStep(enum.Enum):
    """What one delivery step did."""

    EMPTY = "empty"
    DELIVERED = "delivered"
    REJECTED = "rejected"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class DeliveryEvent:
    """Told to the listener when a local reference is settled: ``delivered`` with the
    platform's answer (e.g. a ``SubmitResult`` JSON) or ``rejected`` with the problem."""

    local_ref: str
    operation: str
    state: str
    answer: Any = field(repr=False)


@dataclass(frozen=True)
class DrainReport:
    """What :meth:`OutboxWorker.drain` did, and whether it stopped on a failure."""

    delivered: int
    rejected: int
    stopped_on_failure: bool


@dataclass(frozen=True)
class Backoff:
    """Waits between failed attempts: ``base * 2**(n-1)`` capped at ``cap``, times a random
    factor in [0.5, 1) so that terminals recovering together spread out."""

    base_s: float = 1.0
    cap_s: float = 120.0

    def delay(self, failures: int, rng: Callable[[], float]) -> float:
        """Seconds to wait after the ``failures``-th failure in a row (1-based)."""
        return min(self.cap_s, self.base_s * 2.0 ** max(0, failures - 1)) * (0.5 + rng() / 2)


def send(client: PlatformClient, record: NewRecord | Record) -> HttpReply:
    """Send one outbox request as it was (or would be) stored: its exact body and key."""
    return client.call(
        record.operation,
        path_params=record.path_params,
        body=record.body,
        content_type=record.content_type,
        idempotency_key=record.idempotency_key,
        verification_id=record.verification_id,
    )


class OutboxWorker:
    """Delivers ``store``'s records through ``client``; run it as a thread with :meth:`start`,
    or step it with :meth:`deliver_next` / :meth:`drain` (CLI, tests, benchmarks)."""

    def __init__(
        self,
        store: OutboxStore,
        client: PlatformClient,
        backoff: Backoff = Backoff(),
        poll_s: float = 5.0,
        rng: Callable[[], float] = random.random,
        listener: Callable[[DeliveryEvent], None] | None = None,
    ) -> None:
        self.store = store
        self._client = client.tuned(retry=NO_RETRY)
        self._backoff = backoff
        self._poll_s = poll_s
        self._rng = rng
        self._listener = listener
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def deliver_next(self) -> DeliveryStep:
        """Try to deliver the oldest record once."""
        record = self.store.head()
        if record is None:
            return DeliveryStep.EMPTY
        try:
            reply = send(self._client, record)
        except PlatformFailure as failure:
            verdict = judge(failure)
            if verdict.retry:
                self.store.note_failure(record, str(failure))
                log.info("outbox %s %s deferred: %s", record.local_ref, record.operation, failure)
                return DeliveryStep.DEFERRED
            self.store.reject(record, verdict.problem)
            log.warning("outbox %s %s rejected: %s", record.local_ref, record.operation, failure)
            self._tell(
                DeliveryEvent(record.local_ref, record.operation, "rejected", verdict.problem)
            )
            return DeliveryStep.REJECTED
        self.store.confirm(record, reply.document)
        if record.final:
            self._tell(
                DeliveryEvent(record.local_ref, record.operation, "delivered", reply.document)
            )
        return DeliveryStep.DELIVERED

    def _tell(self, event: DeliveryEvent) -> None:
        if self._listener is None:
            return
        try:
            self._listener(event)
        except Exception:
            log.exception("outbox listener failed on %s", event.local_ref)

    def drain(self) -> DrainReport:
        """Deliver until the queue is empty or a delivery fails for now."""
        delivered = rejected = 0
        while True:
            outcome = self.deliver_next()
            if outcome is DeliveryStep.DELIVERED:
                delivered += 1
            elif outcome is DeliveryStep.REJECTED:
                rejected += 1
            else:
                return DrainReport(delivered, rejected, outcome is DeliveryStep.DEFERRED)

    def wake(self) -> None:
        """Something was enqueued: stop idling (a backoff after a failure is not cut short)."""
        self._wake.set()

    def start(self) -> None:
        """Run the delivery loop in a daemon thread."""
        if self._thread is not None:
            raise RuntimeError("worker already started")
        self._thread = threading.Thread(target=self._run, name="outbox-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop the loop and wait for the thread (an in-flight request finishes or times out)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                outcome = self.deliver_next()
            except Exception:
                log.exception("outbox delivery step failed")
                outcome = DeliveryStep.DEFERRED
            if outcome is DeliveryStep.DEFERRED:
                failures += 1
                self._stop.wait(self._backoff.delay(failures, self._rng))
                continue
            failures = 0
            if outcome is DeliveryStep.EMPTY and self._wake.wait(self._poll_s):
                self._wake.clear()
