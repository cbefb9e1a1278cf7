"""A kiosk process for the write-ahead crash test, against the simulated platform.

``submit``: verifies the fixture citizen, prints ``READY``, submits one application online
through the Submitter with idempotency key KEY, and prints ``ACK`` when submit returns (the
test kills it with SIGKILL before that). ``drain``: delivers what the outbox holds, then
prints ``RESULT <local_ref> <state> <answer JSON>`` for every local reference.

Run: ``python -m tests.kiosk.outbox.write_ahead_child MODE DATA_DIR BASE_URL CA_FILE
SECRET_HEX MATTER_CODE KEY``.
"""

from __future__ import annotations

import base64
import json
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

from kiosk.outbox.store import OutboxStore
from kiosk.outbox.submitter import Submitter
from kiosk.outbox.worker import OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.models import Applicant, ApplicationRequest, Card, VerifyRequest
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from platform_sim.server import DEFAULT_TERMINAL_ID

CARD = Card("resident", "33010619850312001X", "张伟")
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"


def main(
    mode: str, data_dir: str, base_url: str, ca: str, secret: str, matter: str, key: str
) -> None:
    store = OutboxStore.in_data_dir(Path(data_dir))
    signer = Signer(DEFAULT_TERMINAL_ID, bytes.fromhex(secret))
    transport = Transport(base_url, signer, TlsSettings(Path(ca)), Timeouts(2.0, 60.0, 120.0))
    client = PlatformClient(transport, NO_RETRY)
    if mode == "drain":
        OutboxWorker(store, client).drain()
        for result in store.results():
            print("RESULT", result.local_ref, result.state, json.dumps(result.answer), flush=True)
        return
    photo = base64.b64encode(JPEG).decode()
    verification = client.verify_identity(
        VerifyRequest(CARD, photo, 0.98), idempotency_key=uuid.uuid4()
    )
    person = verification.person
    request = ApplicationRequest(
        verification_id=verification.verification_id,
        terminal_id=DEFAULT_TERMINAL_ID,
        submitted_at=datetime.now(UTC),
        applicant=Applicant(person.name, person.id_number),
        form={
            "applicant_name": person.name,
            "applicant_id_number": person.id_number,
            "phone": "13800138000",
        },
        matter_code=matter,
    )
    print("READY", flush=True)
    outcome = Submitter(client, store).submit(request, idempotency_key=key)
    print("ACK", type(outcome).__name__, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
