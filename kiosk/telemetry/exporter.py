"""The ``/metrics`` HTTP exporter on the configured address (``[telemetry] metrics_listen``).

Off unless configured: a port opened on a terminal is a site decision (firewall, which
monitoring host scrapes), and kiosks started side by side in tests must not fight over one.
``127.0.0.1:9464`` serves a local agent or an SSH tunnel; a LAN address serves a monitoring
host directly. Port 9464 is the one commonly used for application exporters.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drivers.config import ConfigError

if TYPE_CHECKING:  # the settings parse the address before home shows; serving comes later
    from wsgiref.simple_server import WSGIServer

    from prometheus_client import CollectorRegistry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ListenAddress:
    """An IP address (v4, or v6 written in brackets) and a TCP port to serve on."""

    host: str
    port: int


def parse_listen(text: str) -> ListenAddress | None:
    """``"127.0.0.1:9464"`` or ``"[::1]:9464"`` as a :class:`ListenAddress`; None for ``""``
    (no exporter). Anything else is a :class:`ConfigError`."""
    if not text:
        return None
    host, sep, port_text = text.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        ipaddress.ip_address(host)
        port = int(port_text)
    except ValueError:
        port = -1
    if not sep or not 0 <= port <= 65535:
        raise ConfigError(
            f"telemetry.metrics_listen: expected IP:port such as 127.0.0.1:9464, not {text!r}"
        )
    return ListenAddress(host, port)


class MetricsExporter:
    """Serves ``registry`` over HTTP (any path answers the exposition text) on a thread."""

    def __init__(self, registry: CollectorRegistry, address: ListenAddress) -> None:
        self._registry = registry
        self._address = address
        self._server: WSGIServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        """Start serving; returns the bound port (useful with port 0). Raises ``OSError``
        when the address cannot be bound."""
        from prometheus_client import start_http_server

        self._server, self._thread = start_http_server(
            self._address.port, self._address.host, self._registry
        )
        port: int = self._server.server_address[1]
        log.info("metrics exporter on %s:%d", self._address.host, port)
        return port

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None
