"""What can go wrong when the kiosk talks to the platform, as typed exceptions.

Three kinds, because callers react differently to each:

- :class:`PlatformError`: the platform answered with an RFC 9457 problem (``code``,
  ``status``, ``detail``, per-field ``errors``); the request was understood and refused.
- :class:`PlatformUnreachable`: no answer at all (connection refused, TLS failure, timeout).
- :class:`MalformedResponse`: an answer that does not follow the contract (not JSON, or JSON
  that does not validate, or larger than the kiosk accepts: :class:`AnswerTooLarge`); never a
  crash further up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from platform_api.contract import ContractError, schema_ref, validate

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ProblemCode(StrEnum):
    """The stable codes the contract names for ``Problem.code``; a platform may send others, so
    :attr:`PlatformError.code` stays a string that compares equal to these."""

    BAD_SIGNATURE = "bad_signature"
    CLOCK_SKEW = "clock_skew"
    REPLAYED = "replayed"
    VERIFICATION_REQUIRED = "verification_required"
    VALIDATION_FAILED = "validation_failed"
    IDEMPOTENCY_CONFLICT = "idempotency_conflict"
    NOT_FOUND = "not_found"
    SLOT_FULL = "slot_full"
    PAYMENT_DECLINED = "payment_declined"
    INSUFFICIENT_IDENTITY = "insufficient_identity"
    """A card-level verification was used for a matter that needs ``id_card_and_face``."""
    ALREADY_PAID = "already_paid"
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"


class PlatformFailure(Exception):
    """Base of every failure of a platform call, so callers can catch them together."""


@dataclass(frozen=True)
class FieldError:
    """One entry of a problem's ``errors``: which form field and what is wrong with it."""

    field: str
    message: str


class PlatformError(PlatformFailure):
    """The platform refused the request with a problem document (``application/problem+json``)."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str = "",
        detail: str = "",
        errors: tuple[FieldError, ...] = (),
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(f"{status} {code}" + (f": {detail}" if detail else ""))
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.retry_after_s = retry_after_s

    def to_json(self) -> dict[str, Any]:
        """The problem as a JSON object (for the outbox's dead-letter table and logs)."""
        problem: dict[str, Any] = {"status": self.status, "code": self.code, "title": self.title}
        if self.detail:
            problem["detail"] = self.detail
        if self.errors:
            problem["errors"] = [{"field": e.field, "message": e.message} for e in self.errors]
        return problem


class PlatformUnreachable(PlatformFailure):
    """No usable answer: connection refused or reset, DNS, TLS verification, or a timeout.

    ``tls`` is True when the server's certificate was refused, which retrying cannot mend.
    """

    def __init__(self, reason: str, tls: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.tls = tls


class MalformedResponse(PlatformFailure):
    """The platform answered ``status`` with something the contract does not allow."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"malformed {status} response: {reason}")
        self.status = status
        self.reason = reason


class AnswerTooLarge(MalformedResponse):
    """The answer (after decompression) is larger than the ``limit`` in bytes the kiosk reads;
    it was refused before it could fill memory. ``seen`` says how that was known."""

    def __init__(self, status: int, limit: int, seen: str) -> None:
        super().__init__(status, f"answer larger than {limit} bytes ({seen})")
        self.limit = limit


def parse_problem(status: int, body: bytes, retry_after_s: float | None = None) -> PlatformError:
    """Turn an error response's body into a :class:`PlatformError`.

    Raises :class:`MalformedResponse` when the body is not a problem document that validates
    against the contract's ``Problem`` schema (e.g. an HTML page from a proxy).
    """
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedResponse(status, f"problem body is not JSON ({exc})") from None
    try:
        validate(document, schema_ref("Problem"), "Problem")
    except ContractError as exc:
        raise MalformedResponse(status, str(exc)) from None
    errors = tuple(FieldError(e["field"], e["message"]) for e in document.get("errors", []))
    return PlatformError(
        status=status,
        code=document["code"],
        title=document["title"],
        detail=document.get("detail", ""),
        errors=errors,
        retry_after_s=retry_after_s,
    )
