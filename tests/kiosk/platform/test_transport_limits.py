"""The transport's limits against a scripted HTTPS server: a whole call ends by its deadline
however slowly the server answers, and an answer over the size cap is refused before it can
fill memory (declared, streamed, or inflated from gzip), with the client's typed errors."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk import config
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import AnswerTooLarge, MalformedResponse, PlatformUnreachable
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY, RetryPolicy
from platform_api.signing import Signer
from platform_sim.pki import ensure_key_material

TERMINAL_ID = "T-LIMITS-01"
CAP = 1024 * 1024
CATALOGUE = json.dumps({"version": "v1", "matters": [], "bundles": []}).encode()

Script = Callable[[ssl.SSLSocket], None]


class ScriptedServer:
    """HTTPS on 127.0.0.1:0: reads each request, then lets ``script`` write the answer."""

    def __init__(self, pki_dir: Path, script: Script) -> None:
        material = ensure_key_material(pki_dir, TERMINAL_ID)
        self.ca_file = material.ca_file
        self.script = script
        self.requests = 0
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(material.server_cert, material.server_key)
        self._listener = context.wrap_socket(socket.create_server(("127.0.0.1", 0)), True)
        self.base_url = f"https://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: ssl.SSLSocket) -> None:
        with conn:
            received = b""
            try:
                while b"\r\n\r\n" not in received:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    received += chunk
                self.requests += 1
                self.script(conn)
            except OSError:
                return  # the client hung up, as it should when it stops reading

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()


def head(status: int = 200, **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def trickle(data: bytes, every_s: float = 0.2) -> Callable[[ssl.SSLSocket], None]:
    def write(conn: ssl.SSLSocket) -> None:
        for byte in data:
            conn.sendall(bytes([byte]))
            time.sleep(every_s)

    return write


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[Script], ScriptedServer]]:
    servers: list[ScriptedServer] = []

    def start(script: Script) -> ScriptedServer:
        servers.append(ScriptedServer(tmp_path / "pki", script))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def client_for(
    server: ScriptedServer, timeouts: Timeouts, retry: RetryPolicy = NO_RETRY
) -> PlatformClient:
    signer = Signer(TERMINAL_ID, b"secret")
    transport = Transport(server.base_url, signer, TlsSettings(server.ca_file), timeouts, CAP)
    return PlatformClient(transport, retry, sleep=lambda _: None)


# Each read returns within 0.2 s, far inside the 1 s read timeout: only a deadline stops it.
SLOW = Timeouts(connect_s=1.0, read_s=1.0, total_s=1.0)


def test_a_body_trickled_a_byte_at_a_time_ends_at_the_deadline(
    serve: Callable[[Script], ScriptedServer],
) -> None:
    def answer(conn: ssl.SSLSocket) -> None:
        conn.sendall(head(Content_Type="application/json", Content_Length=str(len(CATALOGUE))))
        trickle(CATALOGUE)(conn)

    with pytest.raises(PlatformUnreachable) as caught:
        client_for(serve(answer), SLOW).get_catalogue()
    assert caught.value.reason.startswith("timeout")
    assert not caught.value.tls


def test_headers_trickled_a_byte_at_a_time_end_at_the_deadline(
    serve: Callable[[Script], ScriptedServer],
) -> None:
    slow_head = head(Content_Type="application/json", X_Padding="p" * 60, Content_Length="2")
    with pytest.raises(PlatformUnreachable) as caught:
        client_for(serve(trickle(slow_head + b"{}")), SLOW).get_catalogue()
    assert caught.value.reason.startswith("timeout")


def test_retries_stay_inside_the_deadline(serve: Callable[[Script], ScriptedServer]) -> None:
    def unavailable_slowly(conn: ssl.SSLSocket) -> None:
        problem = b'{"status":503,"code":"unavailable","title":"x"}'
        time.sleep(0.3)
        conn.sendall(head(503, Content_Type="application/problem+json") + problem)

    server = serve(unavailable_slowly)
    client = client_for(server, SLOW, RetryPolicy(max_attempts=50, base_delay_s=0.0))
    with pytest.raises((PlatformUnreachable, MalformedResponse)):
        client.get_catalogue()
    # 50 attempts were allowed, but each takes 0.3 s and the whole call 1 s.
    assert server.requests <= 4


def test_a_declared_length_over_the_cap_is_refused_before_the_body(
    serve: Callable[[Script], ScriptedServer],
) -> None:
    def huge(conn: ssl.SSLSocket) -> None:
        conn.sendall(head(Content_Type="application/json", Content_Length=str(100 * 2**20)))
        block = b" " * 65536
        for _ in range(1600):  # 100 MiB, generated as it is sent
            conn.sendall(block)

    with pytest.raises(AnswerTooLarge) as caught:
        client_for(serve(huge), Timeouts()).get_catalogue()
    assert "Content-Length" in str(caught.value)
    assert caught.value.limit == CAP


def streamed_zeros(conn: ssl.SSLSocket) -> None:
    conn.sendall(head(Content_Type="application/json", Connection="close"))
    block = b" " * 65536
    for _ in range(1600):  # 100 MiB without a declared length, read until the server closes
        conn.sendall(block)


def gzip_bomb(conn: ssl.SSLSocket) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * 2**20
    compressed = b"".join(packer.compress(block) for _ in range(256)) + packer.flush()
    assert len(compressed) < CAP  # small on the wire: 256 MiB once inflated
    conn.sendall(
        head(
            Content_Type="application/json",
            Content_Encoding="gzip",
            Content_Length=str(len(compressed)),
        )
        + compressed
    )


@pytest.mark.parametrize("script", [streamed_zeros, gzip_bomb], ids=["streamed", "gzip_bomb"])
def test_an_answer_growing_past_the_cap_is_refused_without_holding_it(
    serve: Callable[[Script], ScriptedServer], script: Script
) -> None:
    client = client_for(serve(script), Timeouts(total_s=60.0))
    tracemalloc.start()
    try:
        with pytest.raises(AnswerTooLarge) as caught:
            client.get_catalogue()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "as it arrived" in str(caught.value)
    assert peak < 16 * CAP, f"{peak} bytes held for a {CAP}-byte cap"


def test_an_answer_within_the_cap_and_the_deadline_is_read_whole(
    serve: Callable[[Script], ScriptedServer],
) -> None:
    def answer(conn: ssl.SSLSocket) -> None:
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = packer.compress(CATALOGUE) + packer.flush()
        encoding = {"Content_Encoding": "gzip", "Content_Length": str(len(body))}
        conn.sendall(head(Content_Type="application/json; charset=utf-8", **encoding) + body)

    fetched = client_for(serve(answer), Timeouts()).get_catalogue()
    assert fetched.document == json.loads(CATALOGUE)


@pytest.mark.parametrize("content_type", [None, "text/html", "text/plain", "application/xml"])
def test_a_success_not_declared_json_is_malformed(
    serve: Callable[[Script], ScriptedServer], content_type: str | None
) -> None:
    def answer(conn: ssl.SSLSocket) -> None:
        declared = {} if content_type is None else {"Content_Type": content_type}
        conn.sendall(head(Content_Length=str(len(CATALOGUE)), **declared) + CATALOGUE)

    with pytest.raises(MalformedResponse) as caught:
        client_for(serve(answer), Timeouts()).get_catalogue()
    assert caught.value.status == 200
    assert "application/json" in caught.value.reason


def test_the_configured_deadline_and_cap_reach_the_transport(tmp_path: Path) -> None:
    secret = tmp_path / "terminal.secret"
    secret.write_bytes(b"secret\n")
    settings = replace(config.load().platform, secret_file=secret)
    assert (settings.total_timeout_s, settings.max_answer_bytes) == (30.0, 16 * 2**20)
    transport = PlatformClient.from_settings(settings, TERMINAL_ID).transport
    assert transport.timeouts.total_s == settings.total_timeout_s
    assert transport.max_answer_bytes == settings.max_answer_bytes
    assert transport.tuned(Timeouts(1.0, 1.0, 2.0)).max_answer_bytes == settings.max_answer_bytes
