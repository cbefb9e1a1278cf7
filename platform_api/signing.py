"""Request signing exactly as the platform contract's ``info.description`` defines it.

``canonical = METHOD \\n PATH_WITH_QUERY \\n X-Timestamp \\n X-Nonce \\n hex(sha256(body))`` and
``X-Signature = base64(HMAC(terminal_secret, canonical))`` with SHA-256 (default) or SM3.
Client and simulated platform both use this module, so they cannot drift apart.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from gmssl import sm3

SM3_BLOCK_SIZE = 64


class SignAlg(StrEnum):
    """The signature algorithms the contract names (``X-Sign-Alg``)."""

    HMAC_SHA256 = "HMAC-SHA256"
    SM3_HMAC = "SM3-HMAC"


def _sm3_digest(data: bytes) -> bytes:
    return bytes.fromhex(sm3.sm3_hash(list(data)))


def sm3_hmac(key: bytes, message: bytes) -> bytes:
    """HMAC (RFC 2104) over the SM3 hash (GB/T 32905), 64-byte blocks, 32-byte digest."""
    if len(key) > SM3_BLOCK_SIZE:
        key = _sm3_digest(key)
    key = key.ljust(SM3_BLOCK_SIZE, b"\x00")
    inner = _sm3_digest(bytes(b ^ 0x36 for b in key) + message)
    return _sm3_digest(bytes(b ^ 0x5C for b in key) + inner)


def mac(alg: SignAlg, key: bytes, message: bytes) -> bytes:
    """The raw MAC of ``message`` under ``key`` with ``alg``."""
    if alg is SignAlg.SM3_HMAC:
        return sm3_hmac(key, message)
    return hmac.new(key, message, hashlib.sha256).digest()


def canonical_string(
    method: str, path_with_query: str, timestamp: str, nonce: str, body: bytes
) -> str:
    """The exact string the contract signs."""
    return "\n".join(
        [method.upper(), path_with_query, timestamp, nonce, hashlib.sha256(body).hexdigest()]
    )


def signature(
    alg: SignAlg,
    secret: bytes,
    method: str,
    path_with_query: str,
    timestamp: str,
    nonce: str,
    body: bytes,
) -> str:
    """``X-Signature`` for one request."""
    message = canonical_string(method, path_with_query, timestamp, nonce, body).encode("utf-8")
    return base64.b64encode(mac(alg, secret, message)).decode("ascii")


def format_timestamp(moment: datetime) -> str:
    """RFC 3339 UTC with a ``Z``, second precision, as sent in ``X-Timestamp``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_timestamp(text: str) -> datetime:
    """Parse an RFC 3339 timestamp (``Z`` or offset); raises ``ValueError`` when malformed."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("timestamp without a zone")
    return moment


@dataclass(frozen=True)
class Signer:
    """Produces the five signature headers for a terminal's requests."""

    terminal_id: str
    secret: bytes
    alg: SignAlg = SignAlg.HMAC_SHA256
    now: Callable[[], datetime] = lambda: datetime.now(UTC)

    def headers(self, method: str, path_with_query: str, body: bytes) -> dict[str, str]:
        """``X-Terminal-Id``, ``X-Timestamp``, ``X-Nonce``, ``X-Sign-Alg``, ``X-Signature``."""
        timestamp = format_timestamp(self.now())
        nonce = secrets.token_hex(16)
        return {
            "X-Terminal-Id": self.terminal_id,
            "X-Timestamp": timestamp,
            "X-Nonce": nonce,
            "X-Sign-Alg": str(self.alg),
            "X-Signature": signature(
                self.alg, self.secret, method, path_with_query, timestamp, nonce, body
            ),
        }


def verify(
    headers: Mapping[str, str],
    secret: bytes,
    method: str,
    path_with_query: str,
    body: bytes,
) -> bool:
    """True when the request's ``X-Signature`` matches; compared in constant time."""
    try:
        alg = SignAlg(headers.get("X-Sign-Alg", str(SignAlg.HMAC_SHA256)))
    except ValueError:
        return False
    expected = signature(
        alg,
        secret,
        method,
        path_with_query,
        headers.get("X-Timestamp", ""),
        headers.get("X-Nonce", ""),
        body,
    )
    return hmac.compare_digest(expected, headers.get("X-Signature", ""))
