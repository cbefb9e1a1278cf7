"""The typed client of the central platform (``platform-api.yaml``), one method per operation.

Every request is signed (:mod:`platform_api.signing`, via :class:`Transport`), TLS-verified,
bounded by timeouts, and every POST/PUT carries the caller's ``Idempotency-Key`` (a UUID the
caller keeps across retries and restarts, so that a retry after a lost answer returns the first
result instead of creating a second one). Idempotent requests are retried with backoff and
jitter (:mod:`kiosk.platform.transport_retry`), all within one deadline per call
(``Timeouts.total_s``): no attempt and no wait runs past it.

Answers are checked against the contract before they become typed results: a documented
success status with a body declared ``application/json`` that validates, or a problem
document (→ :class:`PlatformError`). Anything else is :class:`MalformedResponse`; no answer
is :class:`PlatformUnreachable`. Methods, paths and success statuses are read from the
contract itself, so they cannot drift.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from kiosk.catalogue.model import Catalogue, catalogue_from_json
from kiosk.config import PlatformSettings
from kiosk.platform.errors import (
    MalformedResponse,
    PlatformError,
    PlatformUnreachable,
    parse_problem,
)
from kiosk.platform.exchange import RawResponse, Timeouts, TlsSettings, path_with_query
from kiosk.platform.models import (
    Application,
    ApplicationRequest,
    Appointment,
    Booking,
    CardVerifyRequest,
    Command,
    Correction,
    Evaluation,
    Heartbeat,
    License,
    Payment,
    PaymentQr,
    Slot,
    SubmitResult,
    Verification,
    VerifyRequest,
)
from kiosk.platform.transport_retry import (
    DEFAULT_RETRY,
    RetryPolicy,
    is_idempotent,
    parse_retry_after,
)
from platform_api.contract import (
    ContractError,
    find_operation,
    operation_request_schema,
    operation_response_schema,
    validate,
)
from platform_api.signing import SignAlg, Signer

if TYPE_CHECKING:  # requests (~200 ms of imports) loads when a transport is built
    from kiosk.platform.transport import Transport

log = logging.getLogger(__name__)

IdempotencyKey = uuid.UUID | str
T = TypeVar("T")
JSON_MEDIA_TYPE = "application/json"
UPLOAD_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "application/pdf"})


@dataclass(frozen=True)
class Operation:
    """One operation of the contract: method, path template and documented success statuses."""

    operation_id: str
    method: str
    path: str
    success: frozenset[int]


@cache
def operation(operation_id: str) -> Operation:
    """The contract's operation ``operation_id``; ``KeyError`` when the contract lacks it."""
    path, method, op = find_operation(operation_id)
    success = frozenset(int(s) for s in op["responses"] if s.isdigit() and s[0] in "23")
    return Operation(operation_id, method.upper(), path, success)


@dataclass(frozen=True)
class HttpReply:
    """A successful answer: its status, headers and the validated JSON body (None if none)."""

    status: int
    headers: Mapping[str, str]
    document: Any


@dataclass(frozen=True)
class CatalogueFetch:
    """The answer to a catalogue fetch: a new catalogue with its ETag, or "not modified"."""

    etag: str | None
    catalogue: Catalogue | None
    document: dict[str, Any] | None

    @property
    def not_modified(self) -> bool:
        """True when the platform answered 304 to ``If-None-Match``."""
        return self.catalogue is None


@dataclass(frozen=True)
class UploadResult:
    """A material file stored at the platform under its SHA-256; ``created`` False if it was
    already there."""

    sha256: str
    created: bool


def encode_request(operation_id: str, document: Any) -> bytes:
    """The exact bytes sent as ``operation_id``'s JSON body (UTF-8, compact, Chinese
    unescaped), after checking ``document`` against the contract: an invalid request is a bug
    here, raised as ``ContractError`` before anything is sent or queued."""
    schema = operation_request_schema(operation_id)
    if schema is not None:
        validate(document, schema, f"{operation_id} request")
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class PlatformClient:
    """Calls the platform's operations and returns typed results or raises typed errors.

    ``sleep`` and ``rng`` are injectable so that tests run the retry policy without waiting.
    Thread-safe (the transport keeps one connection pool per thread).
    """

    def __init__(
        self,
        transport: Transport,
        retry: RetryPolicy = DEFAULT_RETRY,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.transport = transport
        self.retry = retry
        self._sleep = sleep
        self._rng = rng

    @classmethod
    def from_settings(
        cls, settings: PlatformSettings, terminal_id: str, retry: RetryPolicy = DEFAULT_RETRY
    ) -> PlatformClient:
        """A client for the configured platform; the terminal secret is read from its file."""
        secret = settings.secret_file.read_bytes().strip()
        signer = Signer(terminal_id, secret, SignAlg(settings.sign_alg))
        tls = TlsSettings(settings.ca_file, settings.client_cert, settings.client_key)
        timeouts = Timeouts(
            settings.connect_timeout_s, settings.read_timeout_s, settings.total_timeout_s
        )
        from kiosk.platform.transport import Transport  # requests: only for a real platform

        transport = Transport(settings.base_url, signer, tls, timeouts, settings.max_answer_bytes)
        return cls(transport, retry)

    def tuned(
        self, timeouts: Timeouts | None = None, retry: RetryPolicy | None = None
    ) -> PlatformClient:
        """The same client with other timeouts and/or retry policy (e.g. a short online try)."""
        transport = self.transport.tuned(timeouts) if timeouts else self.transport
        return PlatformClient(transport, retry or self.retry, self._sleep, self._rng)

    # --- the generic call -----------------------------------------------------------------

    def call(
        self,
        operation_id: str,
        path_params: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        body: bytes = b"",
        content_type: str = "",
        idempotency_key: IdempotencyKey | None = None,
        verification_id: str | None = None,
        if_none_match: str | None = None,
    ) -> HttpReply:
        """Send one operation with an already-encoded ``body``, retrying where that is safe
        and while the call's deadline (``Timeouts.total_s`` from now) leaves time.

        The outbox uses this directly to resend the exact bytes it stored. Raises
        :class:`PlatformError`, :class:`PlatformUnreachable` or :class:`MalformedResponse`.
        """
        op = operation(operation_id)
        if op.method in ("POST", "PUT") and not idempotency_key:
            raise ValueError(f"{operation_id}: every POST and PUT needs an Idempotency-Key")
        path = op.path.format_map({k: quote(v, safe="") for k, v in (path_params or {}).items()})
        target = path_with_query(path, query)
        headers = {"Accept": "application/json, application/problem+json"}
        if content_type:
            headers["Content-Type"] = content_type
        if idempotency_key:
            headers["Idempotency-Key"] = str(idempotency_key)
        if verification_id is not None:
            headers["X-Verification-Id"] = verification_id
        if if_none_match is not None:
            headers["If-None-Match"] = if_none_match
        idempotent = is_idempotent(op.method, headers)
        deadline = time.monotonic() + self.transport.timeouts.total_s
        retry = 0
        while True:
            started = time.monotonic()
            try:
                return self._attempt(op, target, body, headers, deadline)
            except (PlatformError, PlatformUnreachable, MalformedResponse) as exc:
                elapsed_ms = (time.monotonic() - started) * 1000
                log.info("%s %s failed in %.0f ms: %s", op.method, path, elapsed_ms, exc)
                last = retry + 1 >= self.retry.max_attempts
                if last or not (idempotent and self._transient(exc)):
                    raise
                retry_after = exc.retry_after_s if isinstance(exc, PlatformError) else None
                wait = self.retry.delay(retry, self._rng, retry_after)
                if time.monotonic() + wait >= deadline:
                    raise  # no time left for another attempt within the call's deadline
                self._sleep(wait)
                retry += 1

    def _transient(self, exc: Exception) -> bool:
        if isinstance(exc, PlatformUnreachable):
            return not exc.tls
        if isinstance(exc, PlatformError | MalformedResponse):
            return self.retry.retryable_status(exc.status)
        return False

    def _attempt(
        self,
        op: Operation,
        target: str,
        body: bytes,
        headers: Mapping[str, str],
        deadline: float,
    ) -> HttpReply:
        started = time.monotonic()
        raw = self.transport.send(op.method, target, body, headers, deadline)
        log.info(
            "%s %s -> %d in %.0f ms",
            op.method,
            target.split("?", 1)[0],
            raw.status,
            (time.monotonic() - started) * 1000,
        )
        if raw.status not in op.success:
            if 200 <= raw.status < 400:
                raise MalformedResponse(raw.status, f"not a status of {op.operation_id}")
            retry_after = parse_retry_after(raw.headers.get("Retry-After"))
            raise parse_problem(raw.status, raw.body, retry_after)
        return HttpReply(raw.status, raw.headers, _document(op, raw))

    def _call_json(
        self,
        operation_id: str,
        document: Any,
        idempotency_key: IdempotencyKey,
        path_params: Mapping[str, str] | None = None,
    ) -> HttpReply:
        """:meth:`call` with ``document`` as the JSON body (checked by :func:`encode_request`)."""
        return self.call(
            operation_id,
            path_params=path_params,
            body=encode_request(operation_id, document),
            content_type="application/json",
            idempotency_key=idempotency_key,
        )

    # --- typed operations -----------------------------------------------------------------

    def get_catalogue(self, etag: str | None = None, region: str | None = None) -> CatalogueFetch:
        """The catalogue, or "not modified" when ``etag`` is still current (304)."""
        reply = self.call(
            "getCatalogue", query={"region": region} if region else None, if_none_match=etag
        )
        if reply.status == 304:
            return CatalogueFetch(etag, None, None)
        catalogue = parse_reply(reply, catalogue_from_json)
        return CatalogueFetch(reply.headers.get("ETag"), catalogue, reply.document)

    def verify_identity(
        self, request: VerifyRequest | CardVerifyRequest, *, idempotency_key: IdempotencyKey
    ) -> Verification:
        """Person–card verification (人证比对) with a live face, or card-level verification
        with the reader's SAM id; ``verified`` may be False with a reason, and ``level`` says
        which kind the platform granted."""
        reply = self._call_json("verifyIdentity", request.to_json(), idempotency_key)
        return parse_reply(reply, Verification.from_json)

    def qr_login(self, qr_payload: str, *, idempotency_key: IdempotencyKey) -> Verification:
        """Log in with the provincial app's dynamic QR code (扫码登录)."""
        reply = self._call_json("qrLogin", {"qr_payload": qr_payload}, idempotency_key)
        return parse_reply(reply, Verification.from_json)

    def list_licenses(self, verification_id: str) -> tuple[License, ...]:
        """The verified person's electronic licences (电子证照)."""
        reply = self.call("listLicenses", verification_id=verification_id)
        return parse_reply(reply, lambda d: tuple(License.from_json(x) for x in d["licenses"]))

    def put_upload(
        self,
        data: bytes,
        content_type: str,
        *,
        verification_id: str,
        idempotency_key: IdempotencyKey,
    ) -> UploadResult:
        """Upload one material file (JPEG, PNG or PDF), addressed by its SHA-256."""
        if content_type not in UPLOAD_MEDIA_TYPES:
            raise ValueError(f"uploads are JPEG, PNG or PDF, not {content_type}")
        digest = hashlib.sha256(data).hexdigest()
        reply = self.call(
            "putUpload",
            path_params={"sha256": digest},
            body=data,
            content_type=content_type,
            idempotency_key=idempotency_key,
            verification_id=verification_id,
        )
        return UploadResult(digest, created=reply.status == 201)

    def submit_application(
        self, request: ApplicationRequest, *, idempotency_key: IdempotencyKey
    ) -> SubmitResult:
        """Submit an application (办件申报); a bundle returns one application per matter."""
        reply = self._call_json("submitApplication", request.to_json(), idempotency_key)
        return parse_reply(reply, SubmitResult.from_json)

    def list_applications(self, verification_id: str) -> tuple[Application, ...]:
        """The verified person's applications, newest first."""
        reply = self.call("listApplications", verification_id=verification_id)
        return parse_reply(
            reply, lambda d: tuple(Application.from_json(x) for x in d["applications"])
        )

    def get_application(self, application_no: str, query_code: str) -> Application:
        """Progress of one application (办件查询), with the receipt's query code."""
        reply = self.call(
            "getApplication",
            path_params={"application_no": application_no},
            query={"query_code": query_code},
        )
        return parse_reply(reply, Application.from_json)

    def submit_correction(
        self, application_no: str, correction: Correction, *, idempotency_key: IdempotencyKey
    ) -> Application:
        """Supply what a ``correction_required`` application lacks (补齐补正)."""
        reply = self._call_json(
            "submitCorrection",
            correction.to_json(),
            idempotency_key,
            path_params={"application_no": application_no},
        )
        return parse_reply(reply, Application.from_json)

    def get_payment(self, order_no: str) -> Payment:
        """A payment order's state (e.g. poll after showing a payment QR code)."""
        reply = self.call("getPayment", path_params={"order_no": order_no})
        return parse_reply(reply, Payment.from_json)

    def create_payment_qr(self, order_no: str, *, idempotency_key: IdempotencyKey) -> PaymentQr:
        """A code for the citizen to scan with a payment app."""
        reply = self.call(
            "createPaymentQr", path_params={"order_no": order_no}, idempotency_key=idempotency_key
        )
        return parse_reply(reply, PaymentQr.from_json)

    def pay_by_barcode(
        self, order_no: str, auth_code: str, *, idempotency_key: IdempotencyKey
    ) -> Payment:
        """Charge the payment code (付款码) the citizen shows to the scanner. The answer may be
        ``pending`` (the citizen confirms in the payment app): poll :meth:`get_payment`. When
        no answer comes, resend with the same key or ask :meth:`get_payment`, never charge
        again with a new key."""
        reply = self._call_json(
            "payByBarcode",
            {"auth_code": auth_code},
            idempotency_key,
            path_params={"order_no": order_no},
        )
        return parse_reply(reply, Payment.from_json)

    def cancel_payment(self, order_no: str, *, idempotency_key: IdempotencyKey) -> Payment:
        """Close an unpaid order (关单). Answers the order's real state: ``cancelled``, or
        ``paid`` when the money arrived first (then finish the service or say how the fee is
        refunded)."""
        reply = self.call(
            "cancelPayment", path_params={"order_no": order_no}, idempotency_key=idempotency_key
        )
        return parse_reply(reply, Payment.from_json)

    def submit_evaluation(self, evaluation: Evaluation, *, idempotency_key: IdempotencyKey) -> None:
        """Record a rating (好差评)."""
        self._call_json("submitEvaluation", evaluation.to_json(), idempotency_key)

    def list_slots(self, matter_code: str, hall_code: str, day: date) -> tuple[Slot, ...]:
        """Appointment slots for a matter in a hall on ``day``."""
        reply = self.call(
            "listSlots",
            query={"matter_code": matter_code, "hall_code": hall_code, "date": day.isoformat()},
        )
        return parse_reply(reply, lambda d: tuple(Slot.from_json(x) for x in d["slots"]))

    def book_appointment(self, booking: Booking, *, idempotency_key: IdempotencyKey) -> Appointment:
        """Book a slot; a full slot is ``PlatformError`` with code ``slot_full``."""
        reply = self._call_json("bookAppointment", booking.to_json(), idempotency_key)
        return parse_reply(reply, Appointment.from_json)

    def heartbeat(
        self, terminal_id: str, heartbeat: Heartbeat, *, idempotency_key: IdempotencyKey
    ) -> tuple[Command, ...]:
        """Report the terminal's status; returns the platform's commands, oldest first."""
        reply = self._call_json(
            "heartbeat",
            heartbeat.to_json(),
            idempotency_key,
            path_params={"terminal_id": terminal_id},
        )
        return parse_reply(reply, lambda d: tuple(Command.from_json(x) for x in d["commands"]))


def _document(op: Operation, raw: RawResponse) -> Any:
    """The validated JSON body of a success answer, or None where the contract has none.

    The body must be declared ``application/json``: an HTML page or a text that happens to
    parse as JSON (a captive portal, a misrouted proxy) is not the platform's answer."""
    schema = operation_response_schema(op.operation_id, str(raw.status))
    if schema is None or raw.status == 304:
        return None
    media_type = raw.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if media_type != JSON_MEDIA_TYPE:
        declared = media_type or "no Content-Type"
        raise MalformedResponse(raw.status, f"{declared} is not {JSON_MEDIA_TYPE}")
    try:
        document = json.loads(raw.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedResponse(raw.status, f"body is not JSON ({exc})") from None
    try:
        validate(document, schema, op.operation_id)
    except ContractError as exc:
        raise MalformedResponse(raw.status, str(exc)) from None
    return document


def parse_reply(reply: HttpReply, build: Callable[[Any], T]) -> T:
    """Build a typed result from a reply's validated JSON; what the schema could not catch
    (e.g. a date-time that does not parse) becomes ``MalformedResponse``."""
    try:
        return build(reply.document)
    except (KeyError, ValueError, TypeError) as exc:
        raise MalformedResponse(reply.status, f"{type(exc).__name__}: {exc}") from None
