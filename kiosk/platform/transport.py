"""One signed HTTPS exchange with the platform, and nothing else.

TLS is always verified: against the configured CA bundle, or the system's trust store when
none is configured (never ``verify=False``). A client certificate is presented when one is
configured (mTLS). The request is prepared first and signed afterwards, over the exact body
bytes and the exact path-with-query that ``requests`` will put on the wire, so that URL
quoting can never make the signature disagree with the request. Every attempt is signed
afresh (new timestamp and nonce).

Failures to get an answer become :class:`~kiosk.platform.errors.PlatformUnreachable`;
retrying and the meaning of the answer are the client's business.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import requests
from requests.structures import CaseInsensitiveDict

from kiosk.platform.errors import PlatformUnreachable
from platform_api.signing import Signer


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for the TCP/TLS connection and for each read of the answer."""

    connect_s: float = 3.0
    read_s: float = 10.0


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


class Transport:
    """Sends one signed request to ``base_url`` and returns the raw answer.

    Thread-safe: each thread gets its own ``requests.Session`` (connection pool).
    """

    def __init__(
        self,
        base_url: str,
        signer: Signer,
        tls: TlsSettings = TlsSettings(),
        timeouts: Timeouts = Timeouts(),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.signer = signer
        self.tls = tls
        self.timeouts = timeouts
        self._local = threading.local()

    def tuned(self, timeouts: Timeouts) -> Transport:
        """The same platform and identity with other timeouts (e.g. a short online try)."""
        return Transport(self.base_url, self.signer, self.tls, timeouts)

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = False
            session.verify = str(self.tls.ca_file) if self.tls.ca_file else True
            if self.tls.client_cert is not None:
                session.cert = (
                    (str(self.tls.client_cert), str(self.tls.client_key))
                    if self.tls.client_key is not None
                    else str(self.tls.client_cert)
                )
            self._local.session = session
        return session

    def send(
        self,
        method: str,
        target: str,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
    ) -> RawResponse:
        """Send ``method target`` (a path with its query) with ``body``, signed.

        Raises :class:`PlatformUnreachable` when no answer arrives (``tls=True`` when the
        server's certificate is refused).
        """
        session = self._session()
        request = requests.Request(
            method, self.base_url + target, headers=dict(headers or {}), data=body or None
        )
        prepared = session.prepare_request(request)
        sent_body = prepared.body if isinstance(prepared.body, bytes) else b""
        prepared.headers.update(self.signer.headers(method, prepared.path_url, sent_body))
        try:
            response = session.send(
                prepared,
                timeout=(self.timeouts.connect_s, self.timeouts.read_s),
                allow_redirects=False,
            )
            content = response.content
        except requests.exceptions.SSLError as exc:
            raise PlatformUnreachable(f"TLS: {_reason(exc)}", tls=True) from None
        except requests.exceptions.Timeout as exc:
            raise PlatformUnreachable(f"timeout: {_reason(exc)}") from None
        except requests.exceptions.RequestException as exc:
            raise PlatformUnreachable(f"connection: {_reason(exc)}") from None
        return RawResponse(response.status_code, response.headers, content)

    def close(self) -> None:
        """Close this thread's connections (other threads' sessions close with them)."""
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None


def _reason(exc: BaseException) -> str:
    """A short, single-line reason without request data."""
    text = str(exc.args[0]) if exc.args else type(exc).__name__
    return text.splitlines()[0][:300] if text else type(exc).__name__
