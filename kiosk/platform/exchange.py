"""The plain values of one exchange with the platform: its timeouts, whom to trust, the raw
answer and the path-with-query. Apart from :mod:`kiosk.platform.transport` (which sends it with
``requests``, some 200 ms of imports), so that modules built before home's first frame can
name them without loading ``requests``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

if TYPE_CHECKING:
    from requests.structures import CaseInsensitiveDict


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for the TCP/TLS connection, for each read of the answer, and for a
    whole call (``total_s``: every attempt of it, the waits between them included)."""

    connect_s: float = 3.0
    read_s: float = 10.0
    total_s: float = 30.0


@dataclass(frozen=True)
class RawResponse:
    """An answer before interpretation: status, headers (case-insensitive) and body bytes."""

    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes


@dataclass(frozen=True)
class TlsSettings:
    """Whom to trust and who we are: CA bundle (None: system store) and optional client cert."""

    ca_file: Path | None = None
    client_cert: Path | None = None
    client_key: Path | None = None


def path_with_query(path: str, query: Mapping[str, str] | None = None) -> str:
    """``path`` with ``query`` URL-encoded in the given order (None values are left out)."""
    if not query:
        return path
    return f"{path}?{urlencode([(k, v) for k, v in query.items() if v is not None])}"


SYSTEM_TRUST = TlsSettings()
"""The default TLS settings: the system's trust store, no client certificate."""
DEFAULT_TIMEOUTS = Timeouts()
"""The default timeouts (3 s connect, 10 s per read, 30 s a call)."""
