"""Request authentication as the contract's ``info.description`` requires.

Checked in this order, each a 401 problem: a known ``X-Terminal-Id`` and a signature that
verifies (``bad_signature``, also for missing or malformed headers), a timestamp within
300 s of the platform's clock (``clock_skew``), a nonce not seen in the last 600 s
(``replayed``). Only a request that passed every check records its nonce.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from http import HTTPStatus

from platform_api.signing import parse_timestamp, verify
from platform_sim.clock import rfc3339
from platform_sim.problems import Problem

MAX_SKEW = timedelta(seconds=300)
NONCE_WINDOW = timedelta(seconds=600)
NONCE_PATTERN = re.compile(r"^[0-9a-fA-F]{16,128}$")
REQUIRED_HEADERS = ("X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Signature")


def _reject(code: str, detail: str) -> Problem:
    return Problem(HTTPStatus.UNAUTHORIZED, code, detail)


def authenticate(
    db: sqlite3.Connection,
    headers: Mapping[str, str],
    method: str,
    path_with_query: str,
    body: bytes,
    *,
    terminals: Collection[str],
    secret: bytes,
    now: datetime,
) -> str:
    """The authenticated terminal id; raises a 401 :class:`Problem` otherwise."""
    missing = [name for name in REQUIRED_HEADERS if not headers.get(name)]
    if missing:
        raise _reject("bad_signature", f"missing {', '.join(missing)}")
    terminal_id = headers["X-Terminal-Id"]
    if terminal_id not in terminals:
        raise _reject("bad_signature", "unknown terminal")
    if not NONCE_PATTERN.match(headers["X-Nonce"]):
        raise _reject("bad_signature", "X-Nonce must be 16 or more hex characters")
    if not verify(headers, secret, method, path_with_query, body):
        raise _reject("bad_signature", "signature does not verify")
    try:
        sent = parse_timestamp(headers["X-Timestamp"])
    except ValueError:
        raise _reject("bad_signature", "X-Timestamp is not an RFC 3339 date-time") from None
    if abs(now - sent) > MAX_SKEW:
        raise _reject("clock_skew", f"X-Timestamp is more than 300 s from {rfc3339(now)}")
    db.execute("DELETE FROM nonces WHERE seen_at < ?", (rfc3339(now - NONCE_WINDOW),))
    nonce = headers["X-Nonce"]
    seen = db.execute(
        "SELECT 1 FROM nonces WHERE terminal_id = ? AND nonce = ?", (terminal_id, nonce)
    ).fetchone()
    if seen is not None:
        raise _reject("replayed", "nonce already used in the last 600 s")
    db.execute(
        "INSERT INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)",
        (terminal_id, nonce, rfc3339(now)),
    )
    return terminal_id
