"""HTTPS transport for the simulated platform, and ``start_simulator`` to run it in-process.

Standard library only: a ``ThreadingHTTPServer`` whose sockets are wrapped with TLS (1.2+),
optionally requiring client certificates (mTLS). ``/api/v1/...`` goes to the
:class:`PlatformService`; ``/_sim/...`` to the loopback-only control endpoints.
"""

from __future__ import annotations

import ipaddress
import logging
import ssl
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from requests.structures import CaseInsensitiveDict

from platform_sim import control, routing
from platform_sim.call import World
from platform_sim.catalogue import CatalogueIndex, SeedData, default_seed
from platform_sim.charges import Charge, ChargePlan
from platform_sim.clock import SimClock
from platform_sim.faults import FaultKind, FaultPlan
from platform_sim.journal import Exchange, Journal
from platform_sim.persons import load_persons
from platform_sim.pki import KeyMaterial, ensure_key_material
from platform_sim.problems import Problem, Response
from platform_sim.service import PlatformService
from platform_sim.store import Store

log = logging.getLogger(__name__)

DEFAULT_TERMINAL_ID = "KIOSK-SIM-0001"
MAX_BODY_BYTES = 32 * 1024 * 1024
DATABASE_NAME = "platform.sqlite3"
HANDSHAKE_TIMEOUT_S = 10.0
IDLE_TIMEOUT_S = 30.0
POLL_INTERVAL_S = 0.05


class _Server(ThreadingHTTPServer):
    """Completes each TLS handshake on the connection's own thread, so one silent client
    cannot hold up accepting the others."""

    daemon_threads = True
    service: PlatformService
    journal: Journal | None

    def finish_request(self, request: Any, client_address: Any) -> None:
        try:
            request.settimeout(HANDSHAKE_TIMEOUT_S)
            request.do_handshake()
        except (OSError, ssl.SSLError) as exc:
            log.debug("TLS handshake with %s failed: %s", client_address[0], exc)
            return
        super().finish_request(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT_S
    # Headers and body go out in two writes; without TCP_NODELAY the body waits ~40 ms for
    # the delayed ACK of the headers on every keep-alive response.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        service = self.server.service
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(Problem(413, "too_large", "request body too large").response())
            return
        body = self.rfile.read(length) if length > 0 else b""
        if len(body) < length:  # the client went away mid-request: nothing to act on
            self.close_connection = True
            return
        path = urlsplit(self.path).path
        if path.startswith(control.PREFIX):
            if not ipaddress.ip_address(self.client_address[0]).is_loopback:
                self._send(Problem(HTTPStatus.FORBIDDEN, "forbidden", "loopback only").response())
                return
            self._send(control.handle(service, self.command, path, body))
            return
        headers: CaseInsensitiveDict[str] = CaseInsensitiveDict(dict(self.headers.items()))
        if self.server.journal is not None:
            self.server.journal.record(self.command, self.path, headers, body)
        fault = service.faults.take(_operation_id(self.command, path))
        if fault is not None:
            time.sleep(fault.delay_s)
            if fault.kind is FaultKind.RESPOND:
                self._send(fault.response())
                return
        if service.drop_connections or (fault is not None and fault.kind is FaultKind.DROP_BEFORE):
            self.close_connection = True
            return
        response = service.handle(self.command, self.path, headers, body)
        if (fault is not None and fault.kind is FaultKind.DROP_AFTER) or (
            service.faults.answer_lost()
        ):
            self.close_connection = True
            return
        if response.hold_s > 0:
            self._send_late(response)
            return
        self._send(response)

    def _send_late(self, response: Response) -> None:
        """Answer after ``hold_s`` (a slow upstream); the client may have given up by then."""
        time.sleep(response.hold_s)
        self.close_connection = True
        try:
            self._send(response)
        except OSError as error:
            log.debug("late answer not delivered: %s", error)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if response.body and self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.command, urlsplit(self.path).path)


def _operation_id(method: str, path: str) -> str | None:
    try:
        found = routing.match(method, path)
    except routing.MethodNotAllowed:
        return None
    return found.operation.operation_id if found is not None else None


def _tls_context(material: KeyMaterial, client_ca: Path | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(material.server_cert, material.server_key)
    if client_ca is not None:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    return context


@dataclass
class RunningSimulator:
    """A simulator serving on a thread, with the hooks tests and the dev dock use."""

    service: PlatformService
    material: KeyMaterial
    host: str
    port: int
    _server: _Server
    _thread: threading.Thread

    @property
    def base_url(self) -> str:
        """``https://host:port`` to put in ``[platform] base_url``."""
        return f"https://{self.host}:{self.port}"

    @property
    def ca_file(self) -> Path:
        """The CA bundle that verifies the simulator's certificate."""
        return self.material.ca_file

    @property
    def secret(self) -> bytes:
        """The terminal secret the simulator verifies signatures with."""
        return self.material.secret

    @property
    def clock(self) -> SimClock:
        """The platform's clock."""
        return self.service.clock

    def advance(self, seconds: float) -> None:
        """Move the platform's clock on by ``seconds``."""
        self.service.clock.advance(seconds)

    def mark_paid(self, order_no: str) -> dict[str, Any]:
        """The citizen paid the order (QR code, or a pending charge confirmed); returns the
        Payment (a closed order stays closed)."""
        return self.service.mark_paid(order_no)

    @property
    def charges(self) -> ChargePlan:
        """What the next payment-code charges do: ``charges.add(Charge(...), count)``,
        ``charges.clear()`` (also under ``/_sim/payments/next-charge``)."""
        return self.service.charges

    def next_charge(self, charge: Charge, count: int = 1) -> None:
        """Let the next ``count`` payByBarcode charges end as ``charge`` says."""
        self.service.charges.add(charge, count)

    def set_offline(self, offline: bool, *, drop: bool = False) -> None:
        """Answer 503 ``unavailable`` (or drop connections with ``drop``) until set back."""
        self.service.set_offline(offline, drop=drop)

    @property
    def faults(self) -> FaultPlan:
        """The fault hook: ``faults.add(Fault(...), count)``, ``faults.lose_answers(rate)``,
        ``faults.clear()`` (also under ``/_sim/faults``)."""
        return self.service.faults

    @property
    def exchanges(self) -> list[Exchange]:
        """The requests received so far (empty unless started with ``record=True``)."""
        return self._server.journal.exchanges() if self._server.journal is not None else []

    def queue_command(self, terminal_id: str, command: str, reason: str | None = None) -> str:
        """Queue a heartbeat command for a terminal; returns its id."""
        return self.service.queue_command(terminal_id, command, reason)

    def fill_slot(self, slot_id: str) -> dict[str, Any]:
        """Book every remaining place of a listed appointment slot, as other citizens would."""
        return self.service.fill_slot(slot_id)

    def request_correction(self, application_no: str, note: str) -> dict[str, Any]:
        """Send an application back for correction; returns the Application."""
        return self.service.request_correction(application_no, note)

    def stop(self) -> None:
        """Stop serving and close the database."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self.service.store.close()


def start_simulator(
    data_dir: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: SimClock | None = None,
    *,
    seed: SeedData | None = None,
    terminal_ids: Iterable[str] = (DEFAULT_TERMINAL_ID,),
    mtls: bool = False,
    client_ca: Path | None = None,
    record: bool = False,
) -> RunningSimulator:
    """Generate what is missing in ``data_dir``, open its state and serve on a thread.

    ``port=0`` picks a free port. ``mtls`` requires client certificates issued by the
    simulator's CA (``terminal.pem``), ``client_ca`` by another CA. ``record`` keeps every
    request received (see :attr:`RunningSimulator.exchanges`); for tests only.
    """
    terminals = frozenset(terminal_ids)
    material = ensure_key_material(data_dir, min(terminals))
    source = seed or default_seed()
    world = World(
        catalogue=CatalogueIndex.build(source.catalogue()),
        persons=load_persons(),
        licences=source.licences(),
    )
    service = PlatformService(
        Store(data_dir / DATABASE_NAME), clock or SimClock(), world, terminals, material.secret
    )
    server = _Server((host, port), _Handler, bind_and_activate=False)
    try:
        server.server_bind()
        server.server_activate()
    except OSError:
        server.server_close()
        service.store.close()
        raise
    context = _tls_context(material, client_ca or (material.ca_file if mtls else None))
    server.socket = context.wrap_socket(
        server.socket, server_side=True, do_handshake_on_connect=False
    )
    server.service = service
    server.journal = Journal(material.secret) if record else None
    thread = threading.Thread(
        target=server.serve_forever, args=(POLL_INTERVAL_S,), name="platform-sim", daemon=True
    )
    thread.start()
    return RunningSimulator(service, material, host, server.server_address[1], server, thread)
