"""Idempotency-Key handling for every POST and PUT, as the contract's description requires.

The first result an operation produced for a key is kept (status, content type, body), keyed
by terminal and key, with a fingerprint of method, path and body. The same key with the same
fingerprint gets that result again; a different fingerprint is 409 ``idempotency_conflict``.
Rejections before the operation ran (authentication, parameters, offline) are not kept, so a
retry after them runs the operation.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from http import HTTPStatus

from platform_sim.clock import rfc3339
from platform_sim.problems import Problem, Response

METHODS = ("POST", "PUT")


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What must be equal for a retry to count as the same request."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode("utf-8"), body):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def replay(db: sqlite3.Connection, terminal_id: str, key: str, print_: str) -> Response | None:
    """The kept response for ``key``; None when the key is new; 409 when the body differs."""
    row = db.execute(
        "SELECT * FROM idempotency WHERE terminal_id = ? AND key = ?", (terminal_id, key)
    ).fetchone()
    if row is None:
        return None
    if row["fingerprint"] != print_:
        raise Problem(
            HTTPStatus.CONFLICT,
            "idempotency_conflict",
            "this Idempotency-Key was used with a different request",
        )
    headers = {"Content-Type": row["content_type"]} if row["content_type"] else {}
    return Response(row["status"], bytes(row["body"]), headers)


def keep(
    db: sqlite3.Connection,
    terminal_id: str,
    key: str,
    print_: str,
    response: Response,
    now: datetime,
) -> None:
    """Remember ``response`` as the result for ``key``."""
    db.execute(
        "INSERT INTO idempotency (terminal_id, key, fingerprint, status, content_type, body,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            terminal_id,
            key,
            print_,
            response.status,
            response.headers.get("Content-Type"),
            response.body,
            rfc3339(now),
        ),
    )
