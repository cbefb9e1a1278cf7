"""Errors as ``application/problem+json`` (RFC 9457) with the contract's stable ``code``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

PROBLEM_TYPE_BASE = "https://platform.sim.invalid/problems/"


@dataclass(frozen=True)
class FieldError:
    """One entry of a problem's ``errors``: which field and what is wrong with it."""

    field: str
    message: str


@dataclass
class Response:
    """What the simulator answers: status, body bytes and the headers that go with them.

    ``hold_s`` delays the answer (after the operation has committed), as a slow upstream
    would; it is not kept with an idempotency record, so a resend is answered at once.
    """

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hold_s: float = 0.0

    @classmethod
    def json(cls, status: int, payload: Any, content_type: str = "application/json") -> Response:
        """A JSON response (UTF-8, not ASCII-escaped, so Chinese stays readable)."""
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return cls(status, body, {"Content-Type": content_type})

    @classmethod
    def empty(cls, status: int) -> Response:
        """A response without a body (201/200 of uploads and evaluations, 304)."""
        return cls(status)


class Problem(Exception):
    """Raised anywhere in a request's handling; becomes a problem+json response."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or []

    def payload(self) -> dict[str, Any]:
        """The RFC 9457 document with ``code`` and, when any, ``errors``."""
        document: dict[str, Any] = {
            "type": PROBLEM_TYPE_BASE + self.code,
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "code": self.code,
            "detail": self.detail,
        }
        if self.errors:
            document["errors"] = [{"field": e.field, "message": e.message} for e in self.errors]
        return document

    def response(self) -> Response:
        """This problem as the response to send."""
        return Response.json(self.status, self.payload(), "application/problem+json")


def validation_failed(errors: list[FieldError], detail: str = "") -> Problem:
    """422 ``validation_failed`` naming every field that is wrong."""
    return Problem(
        HTTPStatus.UNPROCESSABLE_ENTITY,
        "validation_failed",
        detail or "; ".join(f"{e.field}: {e.message}" for e in errors),
        errors,
    )


def not_found(detail: str) -> Problem:
    """404 ``not_found``."""
    return Problem(HTTPStatus.NOT_FOUND, "not_found", detail)


def verification_required(detail: str) -> Problem:
    """403 ``verification_required``: no valid verification for this person's data."""
    return Problem(HTTPStatus.FORBIDDEN, "verification_required", detail)
