"""The kiosk's path for everything the outbox carries: online first with a short timeout,
else into the outbox.

The caller chooses the idempotency keys (one per upload, one for the request) before the
first try and they go into the outbox unchanged, so an online attempt whose answer was lost
and its later redelivery from the outbox are one and the same request to the platform.

- Answered: the typed result at once (e.g. :class:`Submitted` with the application numbers,
  so the receipt is printed on the spot).
- No answer, or the platform's passing trouble (5xx, 429, 401 clock skew, ...):
  :class:`Queued` with a local reference (``L-20261123-0001``) for a "saved, will be sent"
  receipt; the answer arrives later through the worker's listener or
  :meth:`OutboxStore.result`.
- Refused for good (e.g. 422 with field errors): the :class:`PlatformError` goes to the caller,
  so the citizen can correct the form while still at the terminal.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from kiosk.outbox.policy import judge
from kiosk.outbox.store import NewRecord, OutboxStore
from kiosk.outbox.worker import OutboxWorker, send
from kiosk.platform.client import PlatformClient, Reply, encode_request, parse_reply
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
    """The platform accepted the application online."""

    result: SubmitResult

    @property
    def application_nos(self) -> tuple[str, ...]:
        """The application numbers (办件编号)."""
        return self.result.application_nos


@dataclass(frozen=True)
class Corrected:
    """The platform took the correction online; the application as it is now."""

    application: Application


@dataclass(frozen=True)
class Evaluated:
    """The platform recorded the rating online."""


@dataclass(frozen=True)
class Queued:
    """Saved in the outbox; the worker delivers it when the platform can be reached."""

    local_ref: str


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
    ) -> Submitted | Queued:
        """Send ``uploads`` then the application (办件申报)."""
        final = NewRecord(
            "submitApplication",
            encode_request("submitApplication", request.to_json()),
            idempotency_key,
        )
        outcome = self._send([*self._uploads(uploads, request.verification_id), final])
        if isinstance(outcome, Queued):
            return outcome
        return Submitted(parse_reply(outcome, SubmitResult.from_json))

    def submit_correction(
        self,
        application_no: str,
        correction: Correction,
        uploads: Sequence[Upload] = (),
        *,
        idempotency_key: str,
    ) -> Corrected | Queued:
        """Send ``uploads`` then a correction (补齐补正) of ``application_no``."""
        final = NewRecord(
            "submitCorrection",
            encode_request("submitCorrection", correction.to_json()),
            idempotency_key,
            path_params={"application_no": application_no},
        )
        outcome = self._send([*self._uploads(uploads, correction.verification_id), final])
        if isinstance(outcome, Queued):
            return outcome
        return Corrected(parse_reply(outcome, Application.from_json))

    def submit_evaluation(
        self, evaluation: Evaluation, *, idempotency_key: str
    ) -> Evaluated | Queued:
        """Send a rating (好差评)."""
        body = encode_request("submitEvaluation", evaluation.to_json())
        outcome = self._send([NewRecord("submitEvaluation", body, idempotency_key)])
        return outcome if isinstance(outcome, Queued) else Evaluated()

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

    def _send(self, records: Sequence[NewRecord]) -> Reply | Queued:
        """Send ``records`` in order; queue what is left if one fails for now."""
        pending = list(records)
        try:
            while True:
                reply = send(self._client, pending[0])
                pending.pop(0)
                if not pending:
                    return reply
        except PlatformFailure as failure:
            if not judge(failure).retry:
                raise
            log.info("%s online failed (%s); queued", records[-1].operation, failure)
        local_ref = self._store.enqueue(pending)
        if self._worker is not None:
            self._worker.wake()
        return Queued(local_ref)
