"""A small JSON-over-HTTP server bound to the loopback interface only.

Routes are registered as ``(method, path) -> handler``; a handler receives the parsed JSON
body (``None`` for a request without one) and returns ``(status, json_value)``. Handlers run
on the server's worker threads, so anything that touches Qt must marshal itself to the GUI
thread. A handler raises :class:`BadRequest` for input it refuses; the client then gets a
400 with the message, and the server goes on.

Listening on loopback is not enough to keep web pages out: a page in a browser on the same
machine can send requests to 127.0.0.1 (a cross-origin ``text/plain`` POST needs no
preflight), and a rebound DNS name can make the browser read the answers. So every request
is refused, with a 4xx JSON error and before any route runs, unless:

- its ``Host`` is a loopback name with this server's port (``127.0.0.1``, ``localhost`` or
  ``[::1]``), which a DNS-rebinding page cannot send (403);
- it carries no ``Origin`` and no cross-site ``Sec-Fetch-Site``, which every browser adds
  to requests a page makes, and the dev dock, tests and scripts never send (403);
- its body, if any, is declared ``application/json``, which a page cannot send cross-origin
  without a preflight this server never grants (415).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import threading
from collections.abc import Callable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger(__name__)

JsonBody = Mapping[str, Any] | None
Handler = Callable[[JsonBody], tuple[int, Any]]

MAX_BODY_BYTES = 1 << 20
LOOPBACK_HOST = "127.0.0.1"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
JSON_MEDIA_TYPE = "application/json"
BROWSER_SITES = frozenset({"cross-site", "same-site"})
"""``Sec-Fetch-Site`` values of a request made by another site's page (``same-site``
includes a page served from another port of this machine)."""


class BadRequest(ValueError):
    """A request the handler refuses; its message goes back to the client with a 400."""


class NotLoopback(ValueError):
    """The control API was asked to listen on an address other than loopback."""


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ControlServer:
    """Serves registered JSON routes on ``127.0.0.1:port`` from a background thread."""

    def __init__(self, port: int, host: str = LOOPBACK_HOST) -> None:
        """Bind ``host:port`` now (so :attr:`base_url` is known before :meth:`start`)."""
        if not _is_loopback(host):
            raise NotLoopback(f"the simulation control API listens on loopback only, not {host}")
        self._host = host
        self._routes: dict[tuple[str, str], Handler] = {}
        self._server: ThreadingHTTPServer | None = ThreadingHTTPServer(
            (host, port), self._handler_class()
        )
        self._server.daemon_threads = True
        self._port = int(self._server.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port bound at construction (useful when constructed with port 0)."""
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self._host}:{self.port}"

    def route(self, method: str, path: str, handler: Handler) -> None:
        """Register ``handler`` for ``method path`` (exact path match)."""
        self._routes[(method.upper(), path)] = handler

    def routes(self) -> frozenset[tuple[str, str]]:
        """Every registered ``(method, path)``."""
        return frozenset(self._routes)

    def refusal(self, headers: Mapping[str, str], has_body: bool) -> tuple[int, str] | None:
        """Why a request with ``headers`` (names in lower case) is refused before routing
        (status, message), or None when it may go on: see the module's rules."""
        if headers.get("host", "").lower() not in {f"{n}:{self.port}" for n in LOOPBACK_NAMES}:
            return HTTPStatus.FORBIDDEN, f"Host must be 127.0.0.1:{self.port} or localhost"
        if headers.get("origin") is not None:
            return HTTPStatus.FORBIDDEN, "requests from web pages (with Origin) are refused"
        if headers.get("sec-fetch-site", "").lower() in BROWSER_SITES:
            return HTTPStatus.FORBIDDEN, "cross-site requests are refused"
        media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if has_body and media_type != JSON_MEDIA_TYPE:
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json"
        return None

    def start(self) -> None:
        """Serve in a daemon thread (the port was bound at construction)."""
        if self._server is None:
            raise RuntimeError("the control API was stopped")
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="simulation-control-api",
            daemon=True,
        )
        self._thread.start()
        log.info("simulation control API on %s", self.base_url)

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def dispatch(self, method: str, path: str, body: JsonBody) -> tuple[int, Any]:
        """Run the handler for ``method path``; unknown paths are 404, wrong methods 405."""
        handler = self._routes.get((method, path))
        if handler is None:
            if any(p == path for _, p in self._routes):
                return HTTPStatus.METHOD_NOT_ALLOWED, {"error": f"{method} not allowed on {path}"}
            return HTTPStatus.NOT_FOUND, {"error": f"no route {path}"}
        try:
            return handler(body)
        except BadRequest as error:
            return HTTPStatus.BAD_REQUEST, {"error": str(error)}
        except Exception as error:
            log.exception("simulation control API: %s %s failed", method, path)
            return HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"{type(error).__name__}: {error}"}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            """Parses JSON, refuses non-loopback peers and browsers, and answers with JSON."""

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

            def do_DELETE(self) -> None:
                self._serve("DELETE")

            def log_message(self, format: str, *args: Any) -> None:
                log.debug("control API: " + format, *args)

            def _serve(self, method: str) -> None:
                if not _is_loopback(self.client_address[0]):
                    self._reply(HTTPStatus.FORBIDDEN, {"error": "loopback only"})
                    return
                has_body = self.headers.get("Content-Length", "0") not in ("", "0") or (
                    self.headers.get("Transfer-Encoding") is not None
                )
                headers = {name.lower(): value for name, value in self.headers.items()}
                refused = server.refusal(headers, has_body)
                if refused is not None:
                    self.close_connection = True
                    self._reply(refused[0], {"error": refused[1]})
                    return
                try:
                    body = self._read_body()
                except BadRequest as error:
                    self._reply(HTTPStatus.BAD_REQUEST, {"error": str(error)})
                    return
                path = self.path.split("?", 1)[0]
                status, payload = server.dispatch(method, path, body)
                self._reply(status, payload)

            def _read_body(self) -> JsonBody:
                length_text = self.headers.get("Content-Length", "0") or "0"
                try:
                    length = int(length_text)
                except ValueError:
                    raise BadRequest("bad Content-Length") from None
                if length > MAX_BODY_BYTES:
                    raise BadRequest("body too large")
                if length <= 0:
                    return None
                raw = self.rfile.read(length)
                try:
                    value = json.loads(raw)
                except (UnicodeDecodeError, json.JSONDecodeError):
                    raise BadRequest("body is not JSON") from None
                if not isinstance(value, dict):
                    raise BadRequest("body must be a JSON object")
                return value

            def _reply(self, status: int, payload: Any) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return RequestHandler


def require_str(body: JsonBody, key: str) -> str:
    """``body[key]`` as a non-empty string, else :class:`BadRequest` naming the key."""
    value = (body or {}).get(key)
    if not isinstance(value, str) or not value:
        raise BadRequest(f"'{key}' must be a non-empty string")
    return value
