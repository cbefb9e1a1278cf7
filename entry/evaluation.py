"""好差评 at the app layer: the evaluation phase's effects, run in workers.

:class:`EvaluationEffects` is built by the app and its :meth:`~EvaluationEffects.handlers`
merged into the app's effect table.

* ``FindLatestService`` (home's 评价): card-level verification (contract 1.1 ``method:
  card``, :meth:`entry.backend.Backend.verify_card`), ``listApplications`` with it, the newest
  application, and whether the terminal's ledger knows it rated.
* ``SubmitEvaluation``: refused at once when the ledger knows the service rated; otherwise
  each contract ``Evaluation`` goes through the write-ahead outbox
  (:meth:`kiosk.outbox.submitter.Submitter.submit_evaluation`): sent now, or kept and
  delivered by the outbox worker later (its idempotency key makes a resend land once). The
  ledger records the service once every body is safe, or when the platform answers 409
  ``already_evaluated``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kiosk.evaluation.answers import EvaluationDraft
from kiosk.evaluation.ledger import EvaluationLedger
from kiosk.evaluation.service import Served, ServedItem, ServiceKind
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.phases.evaluation import ALREADY_EVALUATED
from kiosk.identity.card import IdentityCard
from kiosk.outbox.submitter import StoreUnavailable
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.workers import Workers

if TYPE_CHECKING:
    from datetime import datetime

    from entry.backend import Backend
    from kiosk.identity.card import SamReadCard

log = logging.getLogger(__name__)

Dispatch = Callable[[ev.Event], None]

class EvaluationEffects:
    """Executes the evaluation phase's effects with the platform, the outbox and the ledger."""

    def __init__(
        self,
        terminal_id: str,
        data_dir: Path,
        workers: Workers,
        backend: Callable[[], Backend],
        dispatch: Dispatch,
    ) -> None:
        self._terminal_id = terminal_id
        self._data_dir = data_dir
        self._workers = workers
        self._backend = backend
        self._dispatch = dispatch
        self._ledger: EvaluationLedger | None = None
        self._lock = threading.Lock()

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.FindLatestService: self._find,
            fx.SubmitEvaluation: self._submit,
        }

    def ledger(self) -> EvaluationLedger:
        """The terminal's ledger, opened on first use (worker thread)."""
        with self._lock:
            if self._ledger is None:
                self._ledger = EvaluationLedger.in_data_dir(self._data_dir)
            return self._ledger

    def close(self) -> None:
        """Close the ledger, if it was opened."""
        with self._lock:
            if self._ledger is not None:
                self._ledger.close()
                self._ledger = None

    # --- home's 评价: the latest application of a card --------------------------------------

    def _find(self, effect: fx.FindLatestService) -> None:
        rid, card = effect.request_id, effect.card

        self._workers.submit(
            lambda: self.latest_service(rid, card),
            self._dispatch,
            lambda error: self._unavailable(rid, error),
        )

    def latest_service(self, request_id: int, card: IdentityCard) -> ev.Event:
        """Verify ``card`` at card level and find its holder's newest application (worker
        thread); raises the platform's failure, or ``ValueError`` for a card no SAM read."""
        if not isinstance(getattr(card, "sam_id", None), str):
            raise ValueError("card-level verification needs the reader's SAM id")
        backend = self._backend()
        verification = backend.verify_card(cast("SamReadCard", card))
        if not verification.verified or verification.verification_id is None:
            return ev.VerifyFailed(request_id, verification.reason or "not_verified")
        applications = backend.client.list_applications(verification.verification_id)
        if not applications:
            return ev.NothingToEvaluate(request_id)
        latest = applications[0]  # newest first
        item = ServedItem(latest.matter_code, latest.matter_name, latest.application_no)
        served = Served(ServiceKind.LATEST, (item,))
        return ev.LatestServiceFound(request_id, served, self.ledger().rated(served.keys))

    def _unavailable(self, request_id: int, error: BaseException) -> None:
        from entry import backend  # imported by the start-up worker already

        if not isinstance(error, PlatformFailure):
            log.error("evaluation lookup failed: %s: %s", type(error).__name__, error)
        refused = backend.refusal_code(error)
        if refused is not None:
            self._dispatch(ev.PlatformRefused(request_id, refused))
        else:
            self._dispatch(ev.PlatformUnavailable(request_id))

    # --- sending ------------------------------------------------------------------------------

    def _submit(self, effect: fx.SubmitEvaluation) -> None:
        rid, draft, at = effect.request_id, effect.draft, effect.evaluated_at

        def failed(error: BaseException) -> None:
            log.error("evaluation not sent: %s: %s", type(error).__name__, error)
            self._dispatch(ev.EvaluationNotSaved(rid, "storage_unavailable"))

        self._workers.submit(lambda: self.send(rid, draft, at), self._dispatch, failed)

    def send(self, request_id: int, draft: EvaluationDraft, at: datetime) -> ev.Event:
        """Send the rating through the outbox unless it was rated already (worker thread)."""
        keys = draft.served.keys
        ledger = self.ledger()
        if ledger.rated(keys):
            return ev.EvaluationRefused(request_id, ALREADY_EVALUATED)
        submitter = self._backend().submitter
        if submitter is None:
            return ev.EvaluationNotSaved(request_id, "storage_unavailable")
        for body in draft.evaluations(at, self._terminal_id):
            try:
                outcome = submitter.submit_evaluation(body, idempotency_key=str(uuid.uuid4()))
            except PlatformError as refusal:
                log.info("evaluation refused: %s", refusal.code)
                if refusal.code == ALREADY_EVALUATED:
                    ledger.record(keys)
                return ev.EvaluationRefused(request_id, refusal.code)
            if isinstance(outcome, StoreUnavailable):
                return ev.EvaluationNotSaved(request_id, outcome.code)
        ledger.record(keys)
        return ev.EvaluationRecorded(request_id)
