"""A kiosk process for the crash test: submits ``count`` applications through the Submitter
(online first, else the outbox) while its worker delivers, printing ``READY`` once its outbox
is open and ``ACK <key>`` as soon as each submit has returned. The test kills it with SIGKILL at
a random moment after ``READY``.

Run: ``python -m tests.kiosk.outbox.crash_child DATA_DIR BASE_URL CA_FILE COUNT``.
"""

from __future__ import annotations

import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from kiosk.outbox.store import OutboxStore
from kiosk.outbox.submitter import Submitter, Upload
from kiosk.outbox.worker import Backoff, OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.models import Applicant, ApplicationRequest, MaterialRef
from kiosk.platform.transport import Timeouts, TlsSettings, Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from tests.kiosk.outbox.fake_platform import SECRET, TERMINAL_ID


def main(data_dir: str, base_url: str, ca_file: str, count: str) -> None:
    store = OutboxStore.in_data_dir(Path(data_dir))
    transport = Transport(
        base_url, Signer(TERMINAL_ID, SECRET), TlsSettings(Path(ca_file)), Timeouts(1.0, 1.0)
    )
    client = PlatformClient(transport, NO_RETRY)
    worker = OutboxWorker(store, client, Backoff(0.01, 0.05), poll_s=0.01)
    worker.start()
    submitter = Submitter(client, store, worker)
    print("READY", flush=True)
    for i in range(int(count)):
        scan = Upload(f"scan {uuid.uuid4()}".encode(), "image/jpeg", str(uuid.uuid4()))
        request = ApplicationRequest(
            verification_id="V-crash",
            terminal_id=TERMINAL_ID,
            submitted_at=datetime.now(UTC),
            applicant=Applicant("张伟", "33010619850312001X"),
            form={"seq": i},
            materials=(MaterialRef("photo", "scan", sha256=scan.sha256),),
            matter_code="330100000000000001",
        )
        key = str(uuid.uuid4())
        submitter.submit(request, [scan], idempotency_key=key)
        print("ACK", key, flush=True)
    while store.status().depth:
        time.sleep(0.01)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
