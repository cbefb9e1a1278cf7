"""One signed HTTPS exchange with the platform, and nothing else.

TLS is always verified: against the configured CA bundle, or the system's trust store when
none is configured (never ``verify=False``). A client certificate is presented when one is
configured (mTLS). The request is prepared first and signed afterwards, over the exact body
bytes and the exact path-with-query that ``requests`` will put on the wire, so that URL
quoting can never make the signature disagree with the request. Every attempt is signed
afresh (new timestamp and nonce).

Every exchange is bounded twice: each socket operation by the connect/read timeouts, and the
whole exchange (connect, TLS handshake, request, every byte of the answer) by a deadline
(:mod:`kiosk.platform.deadline`), so that a server trickling its answer cannot hold a call
open. The answer is read as a stream and refused once it exceeds ``max_answer_bytes``, by its
declared ``Content-Length`` before any of the body is read, and otherwise counted as it
arrives after decompression (a small gzip bomb cannot inflate in memory).

Failures to get an answer become :class:`~kiosk.platform.errors.PlatformUnreachable`, an
answer too large :class:`~kiosk.platform.errors.AnswerTooLarge`; retrying and the meaning of
the answer are the client's business. The exchange's plain values (timeouts, TLS settings,
the raw answer) live in :mod:`kiosk.platform.exchange`, which does not import ``requests``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

import requests

from kiosk.platform.deadline import Deadline, DeadlineAdapter
from kiosk.platform.errors import AnswerTooLarge, PlatformUnreachable
from kiosk.platform.exchange import (
    DEFAULT_TIMEOUTS,
    SYSTEM_TRUST,
    RawResponse,
    Timeouts,
    TlsSettings,
)
from platform_api.signing import Signer

DEFAULT_MAX_ANSWER_BYTES = 16 * 1024 * 1024
"""16 MiB: some 50 times the simulated platform's whole catalogue (the largest answer)."""
READ_CHUNK_BYTES = 64 * 1024


class Transport:
    """Sends one signed request to ``base_url`` and returns the raw answer.

    Thread-safe: each thread gets its own ``requests.Session`` (connection pool).
    """

    def __init__(
        self,
        base_url: str,
        signer: Signer,
        tls: TlsSettings = SYSTEM_TRUST,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.signer = signer
        self.tls = tls
        self.timeouts = timeouts
        self.max_answer_bytes = max_answer_bytes
        self._local = threading.local()

    def tuned(self, timeouts: Timeouts) -> Transport:
        """The same platform and identity with other timeouts (e.g. a short online try)."""
        return Transport(self.base_url, self.signer, self.tls, timeouts, self.max_answer_bytes)

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = False
            session.mount("https://", DeadlineAdapter())
            session.mount("http://", DeadlineAdapter())
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
        deadline: float | None = None,
    ) -> RawResponse:
        """Send ``method target`` (a path with its query) with ``body``, signed.

        ``deadline`` (``time.monotonic()``; default: ``timeouts.total_s`` from now) is when
        the whole exchange must be over. Raises :class:`PlatformUnreachable` when no complete
        answer arrives in time (``tls=True`` when the server's certificate is refused), and
        :class:`AnswerTooLarge` for an answer over ``max_answer_bytes``.
        """
        limit = Deadline(time.monotonic() + self.timeouts.total_s if deadline is None else deadline)
        remaining = limit.remaining()
        if remaining <= 0:
            raise PlatformUnreachable("timeout: no time left for this call")
        session = self._session()
        request = requests.Request(
            method, self.base_url + target, headers=dict(headers or {}), data=body or None
        )
        prepared = session.prepare_request(request)
        sent_body = prepared.body if isinstance(prepared.body, bytes) else b""
        prepared.headers.update(self.signer.headers(method, prepared.path_url, sent_body))
        timeout = (min(self.timeouts.connect_s, remaining), min(self.timeouts.read_s, remaining))
        late = PlatformUnreachable(f"timeout: no complete answer within {remaining:.1f} s")
        with limit.armed():
            try:
                response = session.send(
                    prepared, timeout=timeout, allow_redirects=False, stream=True
                )
                try:
                    content = self._read_answer(response, limit)
                finally:
                    response.close()
            except requests.exceptions.RequestException as exc:
                if limit.expired:
                    raise late from None
                if isinstance(exc, requests.exceptions.SSLError):
                    raise PlatformUnreachable(f"TLS: {_reason(exc)}", tls=True) from None
                if isinstance(exc, requests.exceptions.Timeout):
                    raise PlatformUnreachable(f"timeout: {_reason(exc)}") from None
                raise PlatformUnreachable(f"connection: {_reason(exc)}") from None
        if limit.expired:
            raise late  # cut short: what did arrive is not the whole answer
        return RawResponse(response.status_code, response.headers, content)

    def _read_answer(self, response: requests.Response, limit: Deadline) -> bytes:
        """The whole (decompressed) body, refused as soon as it is known to be too large."""
        cap = self.max_answer_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.strip().isdigit() and int(declared) > cap:
            raise AnswerTooLarge(response.status_code, cap, f"Content-Length {declared.strip()}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(READ_CHUNK_BYTES):
            size += len(chunk)
            if size > cap:
                raise AnswerTooLarge(response.status_code, cap, "the body as it arrived")
            if limit.expired:
                break
            chunks.append(chunk)
        return b"".join(chunks)

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
