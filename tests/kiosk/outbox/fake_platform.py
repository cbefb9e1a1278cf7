"""A small HTTPS stand-in for the platform, for client, outbox, cache and CLI tests.

It checks every request's signature headers the way the platform does (recomputed here from
the exact path and body received), keeps the contract's idempotency rules (same key and body →
the first answer again; same key, other body → 409), counts the *effects* of each key, and can
be told to misbehave: canned answers first, a custom handler, or dropping connections
("offline"). Its certificate comes from a throw-away CA written next to it.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import ssl
import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from platform_api import signing

SECRET = b"test-terminal-secret"
TERMINAL_ID = "KIOSK-TEST-0001"


@dataclass(frozen=True)
class Pki:
    """A CA bundle and a server certificate for 127.0.0.1 signed by it."""

    ca_file: Path
    cert_file: Path
    key_file: Path


def make_pki(directory: Path, name: str = "test") -> Pki:
    """Write a fresh CA and a 127.0.0.1 server certificate into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    pki.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pki


@dataclass
class Seen:
    """One request as the server received it, and whether its signature headers were right."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    signature_ok: bool
    problems: list[str]

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


@dataclass
class Answer:
    """What to send back: status, headers, body; ``drop`` closes the connection instead;
    ``delay_s`` waits first."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    delay_s: float = 0.0

    @classmethod
    def json(cls, status: int, document: Any, media: str = "application/json") -> Answer:
        """A JSON answer."""
        return cls(status, json.dumps(document).encode(), {"Content-Type": media})

    @classmethod
    def problem(cls, status: int, code: str, **extra: Any) -> Answer:
        """An RFC 9457 problem with the contract's ``code``."""
        document = {"type": f"urn:problem:{code}", "title": code, "status": status, "code": code}
        return cls.json(status, document | extra, "application/problem+json")


def application(no: str, matter_code: str = "330100000000000001") -> dict[str, Any]:
    """A contract-valid ``Application``."""
    now = signing.format_timestamp(datetime.now(UTC))
    return {
        "application_no": no,
        "query_code": "AB12CD",
        "matter_code": matter_code,
        "matter_name": "测试事项",
        "status": "accepted",
        "accepted_at": now,
        "history": [{"at": now, "status": "accepted"}],
    }


def matter(index: int) -> dict[str, Any]:
    """A contract-valid ``Matter``."""
    return {
        "code": f"3301{index:014d}",
        "name": f"事项{index}号 居民身份证换领",
        "pinyin": "ju min shen fen zheng huan ling",
        "department": "市公安局",
        "audience": "personal",
        "type": "instant",
        "promised_days": 0,
        "legal_basis": ["《居民身份证法》"],
        "conditions": ["本市户籍居民"],
        "steps": ["读卡", "人脸核验", "提交"],
        "fees": [{"name": "工本费", "amount_cents": 2000}],
        "materials": [
            {"id": "photo", "name": "照片", "required": True, "accepts": ["scan", "e_license"]}
        ],
        "form": {"fields": [{"id": "reason", "label": "原因", "type": "text", "required": True}]},
        "identity": "id_card_and_face",
        "result_delivery": ["print_at_terminal"],
        "self_service": "full",
    }


def catalogue(matters: int = 3, bundles: int = 1, version: str = "v1") -> dict[str, Any]:
    """A contract-valid ``Catalogue``."""
    items = [matter(i) for i in range(matters)]
    return {
        "version": version,
        "matters": items,
        "bundles": [
            {"code": f"B{i}", "name": f"一件事{i}", "matters": [items[0]["code"], items[1]["code"]]}
            for i in range(bundles)
        ],
    }


_NONCE = re.compile(r"^[0-9a-fA-F]{16,}$")


class FakePlatform:
    """The HTTPS test server. ``answers`` are served first; then ``handler`` (default: a small
    contract-following platform). ``effects`` counts how many times each idempotency key was
    acted upon (more than 1 would be a duplicate at the platform)."""

    def __init__(self, directory: Path, secret: bytes = SECRET, port: int = 0) -> None:
        self.pki = make_pki(directory)
        self.secret = secret
        self.seen: list[Seen] = []
        self.answers: deque[Answer] = deque()
        self.handler: Callable[[Seen], Answer] = self.platform
        self.offline = False
        self.effects: Counter[str] = Counter()
        self.catalogue = catalogue()
        self.etag = '"v1"'
        self._replays: dict[str, tuple[str, Answer]] = {}
        self._lock = threading.Lock()
        self._next_no = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.pki.cert_file, self.pki.key_file)
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """``https://127.0.0.1:<port>``."""
        return f"https://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()

    def check(self, seen: Seen) -> list[str]:
        """What is wrong with the request's signature headers (empty when all is right)."""
        h = seen.headers
        problems = [
            n
            for n in ("X-Terminal-Id", "X-Timestamp", "X-Nonce", "X-Sign-Alg", "X-Signature")
            if n not in h
        ]
        if problems:
            return [f"missing {n}" for n in problems]
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", h["X-Timestamp"]):
            problems.append("timestamp not RFC 3339 UTC")
        if not _NONCE.match(h["X-Nonce"]):
            problems.append("nonce not 16+ hex characters")
        if not signing.verify(h, self.secret, seen.method, seen.path, seen.body):
            problems.append("bad signature")
        if seen.method in ("POST", "PUT") and "Idempotency-Key" not in h:
            problems.append("no Idempotency-Key")
        return problems

    def platform(self, seen: Seen) -> Answer:
        """A small platform: catalogue with ETag, uploads, applications, corrections,
        evaluations; idempotent by key."""
        if seen.problems:
            return Answer.problem(401, "bad_signature", detail="; ".join(seen.problems))
        path = seen.path.split("?", 1)[0]
        if seen.method == "GET" and path == "/api/v1/catalogue":
            if seen.headers.get("If-None-Match") == self.etag:
                return Answer(304)
            answer = Answer.json(200, self.catalogue)
            answer.headers["ETag"] = self.etag
            return answer
        key = seen.headers.get("Idempotency-Key", "")
        digest = hashlib.sha256(seen.body).hexdigest()
        with self._lock:
            if key in self._replays:
                first_digest, first = self._replays[key]
                return (
                    first if first_digest == digest else Answer.problem(409, "idempotency_conflict")
                )
            answer = self._act(seen.method, path, seen)
            if 200 <= answer.status < 300:
                self.effects[key] += 1
                self._replays[key] = (digest, answer)
            return answer

    def _act(self, method: str, path: str, seen: Seen) -> Answer:
        if method == "PUT" and path.startswith("/api/v1/uploads/"):
            ok = hashlib.sha256(seen.body).hexdigest() == path.rsplit("/", 1)[1]
            return Answer(201) if ok else Answer.problem(422, "validation_failed")
        if method == "POST" and path == "/api/v1/applications":
            self._next_no += 1
            no = f"A{self._next_no:012d}"
            return Answer.json(201, {"applications": [application(no)]})
        if method == "POST" and path.endswith("/corrections"):
            return Answer.json(200, application(path.split("/")[4]))
        if method == "POST" and path == "/api/v1/evaluations":
            return Answer(201)
        return Answer.problem(404, "not_found")

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        platform = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k: v for k, v in self.headers.items()}
                seen = Seen(self.command, self.path, headers, body, False, [])
                seen.problems = platform.check(seen)
                seen.signature_ok = not seen.problems
                with platform._lock:
                    platform.seen.append(seen)
                    canned = platform.answers.popleft() if platform.answers else None
                if platform.offline:
                    canned = Answer(drop=True)
                answer = canned or platform.handler(seen)
                if answer.delay_s:
                    threading.Event().wait(answer.delay_s)
                if answer.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            do_GET = do_POST = do_PUT = _serve  # noqa: N815

        return Handler
