"""What the maintenance screens check: device self-tests and the platform connection.

Every check returns a value (:class:`CheckResult`, :class:`NetworkReport`) with codes and
numbers, never raises for an expected failure, and never carries anything of a citizen: a
card on the reader is reported by its type only, a scanned code by its length. The UI words
the codes. Each check blocks on I/O: run it in a worker.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from drivers.base import Device, DeviceError
from drivers.id_card.types import IdCardReader
from drivers.printer.sample import test_page
from drivers.printer.types import ReceiptPrinter
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformFailure
from kiosk.telemetry.labels import failure_code

PROBE_OPERATION = "getCatalogue"
"""The cheap call a network check makes (a conditional fetch: 304 when the copy is current)."""
CERT_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class CheckResult:
    """A self-test's outcome: ``passed``, a ``code`` the UI words, and a technician's
    ``detail`` (a driver's message, a card type, a length)."""

    passed: bool
    code: str
    detail: str = ""


def test_print(printer: ReceiptPrinter) -> CheckResult:
    """Print the test page (model, Chinese, a rare name, a QR code) and cut."""
    try:
        result = printer.print_document(test_page(printer.capabilities.model))
    except DeviceError as error:
        return CheckResult(False, "print_failed", str(error))
    if not result.ok:
        return CheckResult(False, "print_failed", result.reason)
    return CheckResult(True, "printed", f"{result.bytes_sent} bytes")


def read_card(reader: IdCardReader) -> CheckResult:
    """Whether a card is on the reader and was read (its type only)."""
    card = reader.current_card
    if card is None:
        return CheckResult(False, "no_card")
    return CheckResult(True, "card_read", card.card_type.value)


def reset_device(device: Device) -> CheckResult:
    """Reset the device (clears a latched error; reopens where the driver does)."""
    try:
        device.reset()
    except DeviceError as error:
        return CheckResult(False, "reset_failed", str(error))
    return CheckResult(True, "reset_done", device.status.state.value)


def code_scanned(text: str) -> CheckResult:
    """The scanner read a code during its self-test (its length only: it may be a login)."""
    return CheckResult(True, "scanned", str(len(text)))


@dataclass(frozen=True)
class NetworkReport:
    """The platform connection as the maintenance screen shows it.

    ``clock_skew_s`` is the platform's clock minus the kiosk's (from the answer's ``Date``);
    the platform refuses requests more than 300 s off. Expiry dates are None when unknown.
    """

    reachable: bool
    error: str = ""
    latency_ms: int | None = None
    clock_skew_s: int | None = None
    ca_expires: datetime | None = None
    server_expires: datetime | None = None


def certificate_expiry(pem: bytes) -> datetime | None:
    """The ``notAfter`` of the first certificate in ``pem``; None when there is none."""
    from cryptography import x509  # loaded by the first network check, not at start-up

    try:
        return x509.load_pem_x509_certificate(pem).not_valid_after_utc
    except ValueError:
        return None


def server_certificate_expiry(base_url: str) -> datetime | None:
    """The expiry of the certificate the platform's server presents (not verified: this only
    reads its date; the client verifies it on every call)."""
    parts = urlsplit(base_url)
    if parts.hostname is None:
        return None
    try:
        pem = ssl.get_server_certificate(
            (parts.hostname, parts.port or 443), timeout=CERT_TIMEOUT_S
        )
    except OSError:
        return None
    return certificate_expiry(pem.encode("ascii"))


def check_network(
    client: PlatformClient,
    ca_file: Path | None,
    etag: str | None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> NetworkReport:
    """Probe the platform once: reachable, how fast, its clock, and the certificates' expiry."""
    ca_expires = None
    if ca_file is not None and ca_file.is_file():
        ca_expires = certificate_expiry(ca_file.read_bytes())
    server_expires = server_certificate_expiry(client.transport.base_url)
    started = time.monotonic()
    try:
        reply = client.call(PROBE_OPERATION, if_none_match=etag)
    except PlatformFailure as error:
        return NetworkReport(False, failure_code(error), None, None, ca_expires, server_expires)
    latency_ms = round((time.monotonic() - started) * 1000)
    skew = None
    date_header = reply.headers.get("Date")
    if date_header:
        try:
            skew = round((parsedate_to_datetime(date_header) - now()).total_seconds())
        except (TypeError, ValueError):
            skew = None
    return NetworkReport(True, "", latency_ms, skew, ca_expires, server_expires)
