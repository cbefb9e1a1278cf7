"""A kiosk process for the crash test: verifies the resident (retrying with the same key while
answers are lost), then submits ``count`` applications with a scan each through the Submitter
(online first, else the outbox) while its worker delivers, printing ``READY`` once verified
with its outbox open and ``ACK <key>`` as soon as each submit has returned. The test kills it
with SIGKILL at a random moment after ``READY``.

Run: ``python -m tests.kiosk.outbox.crash_child DATA_DIR BASE_URL CA_FILE SECRET_FILE COUNT``.
"""

from __future__ import annotations

import base64
import sys
import time
import uuid
from pathlib import Path

from kiosk.outbox.store import OutboxStore
from kiosk.outbox.submitter import Submitter
from kiosk.outbox.worker import Backoff, OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformUnreachable
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.models import Verification, VerifyRequest
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from tests.kiosk.platform.simulated import CARD, TERMINAL_ID, application, scan
from tests.platform_sim.helpers import JPEG


def verify(client: PlatformClient) -> Verification:
    request = VerifyRequest(CARD, base64.b64encode(JPEG).decode(), 0.98)
    key = uuid.uuid4()
    while True:
        try:
            return client.verify_identity(request, idempotency_key=key)
        except PlatformUnreachable:
            continue


def main(data_dir: str, base_url: str, ca_file: str, secret_file: str, count: str) -> None:
    store = OutboxStore.in_data_dir(Path(data_dir))
    secret = Path(secret_file).read_text(encoding="ascii").strip().encode()
    transport = Transport(
        base_url, Signer(TERMINAL_ID, secret), TlsSettings(Path(ca_file)), Timeouts(1.0, 1.0)
    )
    client = PlatformClient(transport, NO_RETRY)
    verification = verify(client)
    worker = OutboxWorker(store, client, Backoff(0.01, 0.05), poll_s=0.01)
    worker.start()
    submitter = Submitter(client, store, worker)
    print("READY", flush=True)
    for _ in range(int(count)):
        upload = scan()
        key = str(uuid.uuid4())
        submitter.submit(application(verification, upload), [upload], idempotency_key=key)
        print("ACK", key, flush=True)
    while store.status().depth:
        time.sleep(0.01)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
