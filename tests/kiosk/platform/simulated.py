"""The project's simulated platform for the kiosk's client, outbox, cache and CLI tests: the
tiny catalogue, every request recorded, a client signed as its terminal, valid requests for
its matters, and what the platform acted on (read from its database)."""

from __future__ import annotations

import base64
import json
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.outbox.submitter import Upload
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.models import (
    Applicant,
    ApplicationRequest,
    Card,
    Delivery,
    MaterialRef,
    Verification,
    VerifyRequest,
)
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY, RetryPolicy
from platform_api.signing import SignAlg, Signer
from platform_sim import RunningSimulator, SimClock, start_simulator
from platform_sim.catalogue import SeedData
from tests.platform_sim.helpers import (
    HUKOU_NUMBER,
    INSTANT,
    JPEG,
    PROMISED,
    RENTAL_COMMITMENT_SHA256,
    RESIDENT,
    TERMINAL,
    TINY_SEED,
)

TERMINAL_ID = TERMINAL
CARD = Card(RESIDENT["card_type"], RESIDENT["id_number"], RESIDENT["name"])
PHONE = "13800138000"
TIMEOUTS = Timeouts(1.0, 1.0)


def start(data_dir: Path, seed: SeedData = TINY_SEED) -> RunningSimulator:
    """The simulator on 127.0.0.1 (ephemeral port), real time, recording every request."""
    return start_simulator(data_dir, clock=SimClock(), seed=seed, record=True)


def client_for(
    sim: RunningSimulator,
    *,
    ca: Path | None = None,
    secret: bytes | None = None,
    alg: SignAlg = SignAlg.HMAC_SHA256,
    retry: RetryPolicy = NO_RETRY,
    timeouts: Timeouts = TIMEOUTS,
    sleeps: list[float] | None = None,
) -> PlatformClient:
    """A client signed as the simulator's terminal; ``sleeps`` collects retry waits instead of
    waiting (with a jitter of exactly half)."""
    signer = Signer(TERMINAL_ID, secret or sim.secret, alg)
    transport = Transport(sim.base_url, signer, TlsSettings(ca or sim.ca_file), timeouts)
    if sleeps is None:
        return PlatformClient(transport, retry)
    return PlatformClient(transport, retry, sleep=sleeps.append, rng=lambda: 0.5)


def verify(client: PlatformClient) -> Verification:
    """A verification of the resident fixture person, online."""
    request = VerifyRequest(CARD, base64.b64encode(JPEG).decode(), 0.98)
    verification = client.verify_identity(request, idempotency_key=uuid.uuid4())
    assert verification.verified
    return verification


def scan() -> Upload:
    """A fresh JPEG scan with its own idempotency key."""
    return Upload(JPEG + uuid.uuid4().bytes, "image/jpeg", str(uuid.uuid4()))


def uploaded_scan(client: PlatformClient, verification: Verification) -> Upload:
    """A fresh JPEG scan, uploaded for the verified person."""
    upload = scan()
    client.put_upload(
        upload.data,
        upload.content_type,
        verification_id=verification.verification_id,
        idempotency_key=upload.idempotency_key,
    )
    return upload


def application(verification: Verification, upload: Upload | None = None) -> ApplicationRequest:
    """A valid application of the verified person: the promised matter with ``upload`` as its
    photo, or (without a scan) the instant matter that needs only a phone number."""
    applicant = Applicant(verification.person.name, verification.person.id_number, PHONE)
    common: dict[str, Any] = {
        "verification_id": verification.verification_id,
        "terminal_id": TERMINAL_ID,
        "submitted_at": datetime.now(UTC),
        "applicant": applicant,
    }
    if upload is None:
        return ApplicationRequest(**common, form={"phone": PHONE}, matter_code=INSTANT)
    return ApplicationRequest(
        **common,
        form={"address": "文三路100号", "phone": PHONE, "reason": "work"},
        materials=(
            MaterialRef("photo", "scan", sha256=upload.sha256),
            MaterialRef("hukou", "e_license", license_number=HUKOU_NUMBER),
            MaterialRef("rental", "commitment", commitment_text_sha256=RENTAL_COMMITMENT_SHA256),
        ),
        matter_code=PROMISED,
        delivery=Delivery("print_at_terminal"),
    )


def application_nos(sim: RunningSimulator) -> list[str]:
    """The numbers of every application the platform holds, oldest first."""
    with sim.service.store.transaction() as db:
        rows = db.execute("SELECT application_no FROM applications ORDER BY seq").fetchall()
    return [row[0] for row in rows]


def acted(sim: RunningSimulator) -> Counter[str]:
    """How many times the platform acted on each idempotency key: its successful answers kept
    under that key (an acted-on request's answer is kept with it, see ``platform_sim``)."""
    with sim.service.store.transaction() as db:
        rows = db.execute("SELECT key FROM idempotency WHERE status < 300").fetchall()
    return Counter(row[0] for row in rows)


def created_by_key(sim: RunningSimulator) -> Counter[str]:
    """The applications each idempotency key's kept answer names."""
    with sim.service.store.transaction() as db:
        rows = db.execute("SELECT key, body FROM idempotency WHERE status = 201").fetchall()
    created: Counter[str] = Counter()
    for key, body in rows:
        document = json.loads(bytes(body)) if body else {}
        if "applications" in document:
            created[key] += len(document["applications"])
    return created
