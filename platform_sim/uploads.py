"""Material uploads addressed by the SHA-256 of their bytes, kept per verified person.

A file is stored for the person whose verification uploaded it, so an application can
only cite scans its own applicant uploaded.
"""

from __future__ import annotations

import hashlib
import sqlite3

from platform_sim import identity
from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.problems import FieldError, Problem, Response, validation_failed

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MEDIA_TYPES = ("image/jpeg", "image/png", "application/pdf")


def put_upload(call: Call) -> Response:
    """putUpload: 201 stored, 200 already stored, 422 when the bytes do not fit the path."""
    verified = identity.require_header(call)
    media_type = call.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPES:
        raise Problem(
            415, "unsupported_media_type", f"Content-Type must be one of {', '.join(MEDIA_TYPES)}"
        )
    if len(call.body) > MAX_UPLOAD_BYTES:
        raise validation_failed([FieldError("body", "larger than 10 MiB")])
    digest = call.path_params["sha256"]
    if hashlib.sha256(call.body).hexdigest() != digest:
        raise validation_failed([FieldError("sha256", "the bytes do not hash to this sha256")])
    if is_stored(call.db, digest, verified.id_number):
        return Response.empty(200)
    call.db.execute(
        "INSERT INTO uploads (sha256, id_number, content_type, data, stored_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (digest, verified.id_number, media_type, call.body, rfc3339(call.now)),
    )
    return Response.empty(201)


def is_stored(db: sqlite3.Connection, digest: str, id_number: str) -> bool:
    """True when ``id_number`` has uploaded a file with this SHA-256."""
    row = db.execute(
        "SELECT 1 FROM uploads WHERE sha256 = ? AND id_number = ?", (digest, id_number)
    ).fetchone()
    return row is not None
