"""Person–card verification, QR login, and the verification scoping every personal call needs.

verifyIdentity with ``method: face`` (the default): the card's ID number and name must be a
fixture person's (else verified false, reason ``card_not_found``); the card must not be
expired by the platform's clock (``card_expired``); the live image must be a decodable JPEG,
i.e. base64 of bytes starting with the JPEG SOI marker (else ``no_face``); the
``face_mismatch`` fixture never matches (``face_mismatch``, similarity below the threshold).
Everyone else verifies, with a similarity derived from the image bytes.

With ``method: card`` the card alone, as read by the terminal's SAM reader (``sam_id``, not
blank), establishes the person: the same card checks, no image (sending one is 422, as is a
face request without one or a card request without ``sam_id``). A verification records its
``level``: ``face``, ``card`` or ``app`` (qrLogin).

qrLogin payload format (what the simulated provincial app shows)::

    zjzwfw://login?token=<token>

where ``<token>`` is a fixture's name (``resident``, ``long_term``, …) or the first 32 hex
characters of sha256(id_number). Any other payload is 422 ``validation_failed`` on
``qr_payload``: there is no person behind it to return.

A verification lasts ten minutes of the platform's clock. Only a verified one, presented
by the terminal that obtained it and not expired, grants access, and only to its own
person's data; anything else is 403 ``verification_required``. A card-level verification
does not do for a matter whose ``identity`` is ``id_card_and_face``: 403
``insufficient_identity`` (:func:`require_level`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from platform_api.signing import parse_timestamp
from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.persons import FACE_MISMATCH_FIXTURE, Person
from platform_sim.problems import (
    FieldError,
    Problem,
    Response,
    validation_failed,
    verification_required,
)

VERIFICATION_TTL = timedelta(minutes=10)
THRESHOLD = 0.80
JPEG_SOI = b"\xff\xd8\xff"
QR_SCHEME = "zjzwfw"
QR_HOST = "login"


class Level(StrEnum):
    """How a verification established the person (the contract's ``Verification.level``)."""

    FACE = "face"
    CARD = "card"
    APP = "app"


FACE_REQUIRED = "id_card_and_face"
"""The matter ``identity`` a card-level verification does not satisfy."""


@dataclass(frozen=True)
class Verified:
    """A valid verification: whose data it opens, and how the person was established."""

    id_number: str
    name: str
    level: Level = Level.FACE


def _decode_jpeg(text: str) -> bytes | None:
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(JPEG_SOI) else None


def _similarity(image: bytes, matches: bool) -> float:
    spread = int.from_bytes(hashlib.sha256(image).digest()[:2], "big") / 65536
    return round(0.86 + 0.13 * spread if matches else 0.20 + 0.35 * spread, 4)


def _record(
    call: Call,
    name: str,
    id_number: str,
    phone: str | None,
    verified: bool,
    level: Level,
    sam_id: str | None = None,
) -> dict[str, Any]:
    verification_id = uuid.uuid4().hex
    expires_at = rfc3339(call.now + VERIFICATION_TTL)
    call.db.execute(
        "INSERT INTO verifications (verification_id, terminal_id, id_number, name, phone,"
        " verified, verified_at, expires_at, level, sam_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            verification_id,
            call.terminal_id,
            id_number,
            name,
            phone,
            int(verified),
            rfc3339(call.now),
            expires_at,
            level.value,
            sam_id,
        ),
    )
    person: dict[str, Any] = {"name": name, "id_number": id_number}
    if phone is not None:
        person["phone"] = phone
    return {
        "verified": verified,
        "level": level.value,
        "verification_id": verification_id,
        "expires_at": expires_at,
        "person": person,
    }


def _method(document: Mapping[str, Any]) -> Level:
    """The request's method, or 422 naming the member that does not fit it."""
    method = Level(document.get("method", Level.FACE.value))
    has_image = "live_face_jpeg_b64" in document
    if method is Level.FACE and not has_image:
        raise validation_failed([FieldError("live_face_jpeg_b64", "is required with method face")])
    if method is Level.CARD and has_image:
        raise validation_failed(
            [FieldError("live_face_jpeg_b64", "must be absent with method card")]
        )
    if method is Level.CARD and not document.get("sam_id", "").strip():
        raise validation_failed([FieldError("sam_id", "is required with method card")])
    return method


def verify_identity(call: Call) -> Response:
    """verifyIdentity: compare the live face with the card holder's portrait (method face), or
    accept the card as read by the terminal's SAM reader (method card)."""
    document = call.document
    method = _method(document)
    sam_id = document.get("sam_id") if method is Level.CARD else None
    card = document["card"]
    person = call.world.persons.get(card["id_number"])
    if person is None or person.name != card["name"]:
        result = _record(call, card["name"], card["id_number"], None, False, method, sam_id)
        result["reason"] = "card_not_found"
        return Response.json(200, result)
    image = _decode_jpeg(document["live_face_jpeg_b64"]) if method is Level.FACE else None
    reason = None
    if person.card_expired(call.now.date()):
        reason = "card_expired"
    elif method is Level.FACE and image is None:
        reason = "no_face"
    elif method is Level.FACE and person.fixture == FACE_MISMATCH_FIXTURE:
        reason = "face_mismatch"
    result = _record(
        call, person.name, person.id_number, person.phone, reason is None, method, sam_id
    )
    if image is not None:
        result["similarity"] = _similarity(image, matches=reason is None)
        result["threshold"] = THRESHOLD
    if reason is not None:
        result["reason"] = reason
    return Response.json(200, result)


def _qr_person(call: Call, payload: str) -> Person | None:
    parts = urlsplit(payload)
    if parts.scheme != QR_SCHEME or parts.netloc != QR_HOST:
        return None
    tokens = parse_qs(parts.query).get("token", [])
    if len(tokens) != 1:
        return None
    return next(
        (p for p in call.world.persons.values() if tokens[0] in (p.fixture, p.qr_token)), None
    )


def qr_login(call: Call) -> Response:
    """qrLogin: the person the provincial app's login code names."""
    person = _qr_person(call, call.document["qr_payload"])
    if person is None:
        raise validation_failed(
            [FieldError("qr_payload", "not a login code of the provincial app")]
        )
    return Response.json(
        200, _record(call, person.name, person.id_number, person.phone, True, Level.APP)
    )


def require(
    db: sqlite3.Connection, terminal_id: str, verification_id: str, at: datetime
) -> Verified:
    """The verification ``verification_id`` if it was successful, obtained by this terminal
    and valid at the moment ``at``; 403 ``verification_required`` otherwise."""
    row = db.execute(
        "SELECT * FROM verifications WHERE verification_id = ?", (verification_id,)
    ).fetchone()
    if row is None or not row["verified"] or row["terminal_id"] != terminal_id:
        raise verification_required("no successful verification with this id")
    if not parse_timestamp(row["verified_at"]) <= at < parse_timestamp(row["expires_at"]):
        raise verification_required("the verification has expired")
    return Verified(row["id_number"], row["name"], Level(row["level"]))


def require_level(verified: Verified, matters: Iterable[Mapping[str, Any]]) -> None:
    """403 ``insufficient_identity`` when a card-level verification is used for a matter that
    needs the face comparison (``identity: id_card_and_face``)."""
    if verified.level is not Level.CARD:
        return
    needing_face = [m["code"] for m in matters if m["identity"] == FACE_REQUIRED]
    if needing_face:
        raise Problem(
            HTTPStatus.FORBIDDEN,
            "insufficient_identity",
            f"{', '.join(needing_face)} needs a face verification, not the card alone",
        )


def require_header(call: Call) -> Verified:
    """The verification named by ``X-Verification-Id``."""
    return require(call.db, call.terminal_id, call.headers["X-Verification-Id"], call.now)


def require_body(call: Call) -> Verified:
    """The verification named by the body's ``verification_id``."""
    return require(call.db, call.terminal_id, call.document["verification_id"], call.now)
