"""The simulated platform independent of HTTP: one request in, one response out.

Every request to ``/api/v1`` passes, in order: offline switch (503 ``unavailable``),
authentication (``security``), routing from the contract (404/405), parameter checks
(422), ``Idempotency-Key`` (required on every POST and PUT; replay or 409), body checks
against the contract schema (422), then the operation's handler, committed in one transaction
with its idempotency record. Requests are handled one at a time, which keeps idempotency,
nonces and slot capacity exact.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Mapping
from datetime import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from platform_sim import (
    applications,
    appointments,
    catalogue,
    evaluations,
    idempotency,
    identity,
    licences,
    payments,
    routing,
    security,
    terminals,
    uploads,
    validation,
)
from platform_sim.call import Call, Handler, World
from platform_sim.charges import ChargePlan
from platform_sim.clock import SimClock
from platform_sim.faults import FaultPlan
from platform_sim.problems import FieldError, Problem, Response, validation_failed
from platform_sim.store import Store

log = logging.getLogger(__name__)

HANDLERS: dict[str, Handler] = {
    "getCatalogue": catalogue.get_catalogue,
    "verifyIdentity": identity.verify_identity,
    "qrLogin": identity.qr_login,
    "listLicenses": licences.list_licenses,
    "putUpload": uploads.put_upload,
    "submitApplication": applications.submit_application,
    "listApplications": applications.list_applications,
    "getApplication": applications.get_application,
    "submitCorrection": applications.submit_correction,
    "getPayment": payments.get_payment,
    "createPaymentQr": payments.create_payment_qr,
    "payByBarcode": payments.pay_by_barcode,
    "cancelPayment": payments.cancel_payment,
    "submitEvaluation": evaluations.submit_evaluation,
    "listSlots": appointments.list_slots,
    "bookAppointment": appointments.book_appointment,
    "heartbeat": terminals.heartbeat,
}


def _idempotency_key(headers: Mapping[str, str]) -> str:
    key = headers.get("Idempotency-Key", "")
    try:
        uuid.UUID(key)
    except ValueError:
        raise validation_failed(
            [FieldError("Idempotency-Key", "a UUID is required on every POST and PUT")]
        ) from None
    return key


class PlatformService:
    """The platform's behaviour over its store, clock and world."""

    def __init__(
        self,
        store: Store,
        clock: SimClock,
        world: World,
        terminal_ids: frozenset[str],
        secret: bytes,
    ) -> None:
        self.store = store
        self.clock = clock
        self.world = world
        self.terminal_ids = terminal_ids
        self._secret = secret
        self._lock = threading.RLock()
        self.offline = False
        self.drop_connections = False
        self.faults = FaultPlan()
        self.charges = ChargePlan()

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Response:
        """Answer one request to the contract's API (``target`` is the raw path and query)."""
        if self.offline:
            return Problem(
                HTTPStatus.SERVICE_UNAVAILABLE, "unavailable", "the platform is offline"
            ).response()
        with self._lock:
            try:
                return self._handle(method, target, headers, body)
            except Problem as problem:
                return problem.response()
            except Exception:
                log.exception("simulated platform failed on %s %s", method, urlsplit(target).path)
                return Problem(
                    HTTPStatus.INTERNAL_SERVER_ERROR, "internal_error", "simulator failure"
                ).response()

    def _handle(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> Response:
        now = self.clock.now()
        with self.store.transaction() as db:
            terminal_id = security.authenticate(
                db,
                headers,
                method,
                target,
                body,
                terminals=self.terminal_ids,
                secret=self._secret,
                now=now,
            )
        parts = urlsplit(target)
        try:
            found = routing.match(method, parts.path)
        except routing.MethodNotAllowed:
            raise Problem(
                HTTPStatus.METHOD_NOT_ALLOWED, "method_not_allowed", f"{method} is not offered here"
            ) from None
        if found is None:
            raise Problem(HTTPStatus.NOT_FOUND, "not_found", f"no such resource {parts.path}")
        path_params = {k: unquote(v) for k, v in found.path_params.items()}
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        validation.check_parameters(found.operation, path_params, query, headers)
        if method.upper() not in idempotency.METHODS:
            return self._run(found.operation, path_params, query, headers, body, terminal_id, now)
        key = _idempotency_key(headers)
        print_ = idempotency.fingerprint(method.upper(), target, body)
        # One transaction for the operation and its key: a crash between them must not leave
        # an operation whose key is unknown (a resend would act a second time).
        with self.store.transaction() as db:
            kept = idempotency.replay(db, terminal_id, key, print_)
            if kept is not None:
                return kept
            try:
                with self.store.savepoint():
                    response = self._run(
                        found.operation, path_params, query, headers, body, terminal_id, now
                    )
            except Problem as problem:
                response = problem.response()
            idempotency.keep(db, terminal_id, key, print_, response, now)
            return response

    def _run(
        self,
        operation: routing.Operation,
        path_params: dict[str, str],
        query: dict[str, str],
        headers: Mapping[str, str],
        body: bytes,
        terminal_id: str,
        now: datetime,
    ) -> Response:
        document = validation.parse_body(operation, body)
        with self.store.transaction() as db:
            return HANDLERS[operation.operation_id](
                Call(
                    db=db,
                    now=now,
                    terminal_id=terminal_id,
                    path_params=path_params,
                    query=query,
                    headers=headers,
                    body=body,
                    document=document,
                    world=self.world,
                    charges=self.charges,
                )
            )

    def set_offline(self, offline: bool, *, drop: bool = False) -> None:
        """Take the platform offline (503 ``unavailable``, or dropped connections) or back."""
        self.offline = offline
        self.drop_connections = offline and drop

    def _control_call(self, db: sqlite3.Connection) -> Call:
        return Call(db, self.clock.now(), "", {}, {}, {}, b"", None, self.world, self.charges)

    def mark_paid(self, order_no: str) -> dict[str, Any]:
        """The citizen paid by the QR code, or confirmed a pending charge in the payment app;
        a closed order stays closed."""
        with self._lock, self.store.transaction() as db:
            return payments.mark_paid(db, order_no, self.clock.now())

    def queue_command(self, terminal_id: str, command: str, reason: str | None = None) -> str:
        """Queue a command for a terminal's next heartbeat; returns its id."""
        with self._lock, self.store.transaction() as db:
            return terminals.queue_command(db, terminal_id, command, reason, self.clock.now())

    def fill_slot(self, slot_id: str) -> dict[str, Any]:
        """Book every remaining place of a listed appointment slot (a ``slot_full`` race)."""
        with self._lock, self.store.transaction() as db:
            return appointments.fill_slot(db, slot_id)

    def request_correction(self, application_no: str, note: str) -> dict[str, Any]:
        """Send an application under way back to the applicant for correction (补正)."""
        with self._lock, self.store.transaction() as db:
            return applications.request_correction(self._control_call(db), application_no, note)
