"""The kiosk's path for everything the outbox carries: written ahead into the outbox, then
sent online at once with a short timeout, else left to the worker.

The caller chooses the idempotency keys (one per upload, one for the request) before the
first try and they go into the outbox unchanged. The records are durable in the outbox, under
a local reference, before the first byte goes out, and the online try sends those very
records (claimed, so the worker does not send them at the same time) and marks them
delivered with the platform's answer. A crash at any point therefore leaves either the
records queued, which the worker delivers after the restart (the platform replays its first
answer to the same key: one application, never two), or the answer kept under the local
reference (:meth:`OutboxStore.results`), from which the receipt can still be produced.

- Answered: the typed result at once (e.g. :class:`Submitted` with the application numbers,
  so the receipt is printed on the spot), with the local reference it was kept under.
- No answer, or the platform's passing trouble (5xx, 429, 401 clock skew, ...):
  :class:`Queued` with the local reference (``L-20261123-0001``) for a "saved, will be sent"
  receipt; the answer arrives later through the worker's listener or
  :meth:`OutboxStore.result`.
- Refused for good (e.g. 422 with field errors): the records are withdrawn and the
  :class:`PlatformError` goes to the caller, so the citizen can correct the form while still
  at the terminal.
- The outbox cannot store the records (disk full, storage failing): :class:`StoreUnavailable`
  with its ``code``, and nothing is sent, since nothing could be redelivered or receipted;
  what was queued before is kept. The UI tells the citizen to go to a staffed counter.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from kiosk.outbox.policy import judge
from kiosk.outbox.store import NewRecord, OutboxStore, OutboxUnavailable, Record
from kiosk.outbox.worker import OutboxWorker, send
from kiosk.platform.client import HttpReply, PlatformClient, encode_request, parse_reply
from kiosk.platform.errors import PlatformFailure
from kiosk.platform.models import (
    Application,
    ApplicationRequest,
    Correction,
    Evaluation,
    SubmitResult,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Upload:
    """One scanned material (JPEG, PNG or PDF) with the idempotency key of its PUT."""

    data: bytes = field(repr=False)
    content_type: str
    idempotency_key: str

    @property
    def sha256(self) -> str:
        """The hex SHA-256 the platform addresses it by (and ``MaterialRef.sha256``)."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Submitted:
    """The platform accepted the application online (its answer is also kept in the outbox
    under ``local_ref``)."""

    result: SubmitResult
    local_ref: str

    @property
    def application_nos(self) -> tuple[str, ...]:
        """The application numbers (办件编号)."""
        return self.result.application_nos


@dataclass(frozen=True)
class Corrected:
    """The platform took the correction online; the application as it is now."""

    application: Application
    local_ref: str


@dataclass(frozen=True)
class Evaluated:
    """The platform recorded the rating online."""

    local_ref: str


@dataclass(frozen=True)
class Queued:
    """Saved in the outbox; the worker delivers it when the platform can be reached."""

    local_ref: str


@dataclass(frozen=True)
class StoreUnavailable:
    """The outbox could not store the request, so nothing was sent; nothing queued before
    was lost. ``code``: ``storage_full`` or ``storage_unavailable`` (see
    :class:`OutboxUnavailable`); the UI shows its own text for it."""

    code: str
    detail: str


class Submitter:
    """Sends through ``client`` (give it short timeouts and few retries), falling back to
    ``store`` (and waking ``worker``) when that fails for now."""

    def __init__(
        self, client: PlatformClient, store: OutboxStore, worker: OutboxWorker | None = None
    ) -> None:
        self._client = client
        self._store = store
        self._worker = worker

    def submit(
        self,
        request: ApplicationRequest,
        uploads: Sequence[Upload] = (),
        *,
        idempotency_key: str,
    ) -> Submitted | Queued | StoreUnavailable:
        """Send ``uploads`` then the application (办件申报)."""
        final = NewRecord(
            "submitApplication",
            encode_request("submitApplication", request.to_json()),
            idempotency_key,
        )
        outcome = self._send([*self._uploads(uploads, request.verification_id), final])
        if isinstance(outcome, Queued | StoreUnavailable):
            return outcome
        local_ref, reply = outcome
        return Submitted(parse_reply(reply, SubmitResult.from_json), local_ref)

    def submit_correction(
        self,
        application_no: str,
        correction: Correction,
        uploads: Sequence[Upload] = (),
        *,
        idempotency_key: str,
    ) -> Corrected | Queued | StoreUnavailable:
        """Send ``uploads`` then a correction (补齐补正) of ``application_no``."""
        final = NewRecord(
            "submitCorrection",
            encode_request("submitCorrection", correction.to_json()),
            idempotency_key,
            path_params={"application_no": application_no},
        )
        outcome = self._send([*self._uploads(uploads, correction.verification_id), final])
        if isinstance(outcome, Queued | StoreUnavailable):
            return outcome
        local_ref, reply = outcome
        return Corrected(parse_reply(reply, Application.from_json), local_ref)

    def submit_evaluation(
        self, evaluation: Evaluation, *, idempotency_key: str
    ) -> Evaluated | Queued | StoreUnavailable:
        """Send a rating (好差评)."""
        body = encode_request("submitEvaluation", evaluation.to_json())
        outcome = self._send([NewRecord("submitEvaluation", body, idempotency_key)])
        if isinstance(outcome, Queued | StoreUnavailable):
            return outcome
        return Evaluated(outcome[0])

    @staticmethod
    def _uploads(uploads: Sequence[Upload], verification_id: str) -> list[NewRecord]:
        return [
            NewRecord(
                "putUpload",
                u.data,
                u.idempotency_key,
                u.content_type,
                {"sha256": u.sha256},
                verification_id,
            )
            for u in uploads
        ]

    def _send(
        self, records: Sequence[NewRecord]
    ) -> tuple[str, HttpReply] | Queued | StoreUnavailable:
        """Write ``records`` ahead, then send them in order; leave what is left to the worker
        if one fails for now. Returns the local reference and the last answer when all went."""
        try:
            local_ref = self._store.enqueue(records, claimed=True)
        except OutboxUnavailable as unavailable:
            log.warning("%s not saved, not sent: %s", records[-1].operation, unavailable)
            return StoreUnavailable(unavailable.code, unavailable.detail)
        try:
            return local_ref, self._deliver(self._store.records(local_ref))
        except PlatformFailure as failure:
            if not judge(failure).retry:
                self._forget(local_ref)
                raise
            log.info("%s %s online failed (%s); queued", local_ref, records[-1].operation, failure)
        finally:
            self._store.release(local_ref)
        if self._worker is not None:
            self._worker.wake()
        return Queued(local_ref)

    def _deliver(self, records: Sequence[Record]) -> HttpReply:
        """Send each record and mark it delivered; the last one's answer."""
        for record in records:
            reply = send(self._client, record)
            try:
                self._store.confirm(record, reply.document)
            except OutboxUnavailable as unavailable:
                # Delivered all the same; the worker resends it later and gets the replay.
                log.warning("%s delivered but not marked: %s", record.local_ref, unavailable)
        return reply

    def _forget(self, local_ref: str) -> None:
        try:
            self._store.withdraw(local_ref)
        except OutboxUnavailable as unavailable:
            # The worker will meet the same refusal and dead-letter it.
            log.warning("%s refused but not withdrawn: %s", local_ref, unavailable)
