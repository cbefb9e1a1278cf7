"""Outbox drain to the local simulated platform: 1,000 queued submissions.

Enqueues 1,000 sealed applications (as an offline kiosk would), then drains them with one
worker over HTTPS to :func:`platform_sim.start_simulator` on 127.0.0.1 and reports
the enqueue cost, delivery throughput and per-delivery latency (p50/p99). Writes
``benchmarks/results/outbox.json``.
"""

from __future__ import annotations

import base64
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks.common import print_figures, write_results
from kiosk.catalogue.model import Matter
from kiosk.outbox.store import NewRecord, OutboxStore
from kiosk.outbox.worker import DeliveryStep, OutboxWorker
from kiosk.platform.client import PlatformClient, encode_request
from kiosk.platform.exchange import TlsSettings
from kiosk.platform.models import Applicant, ApplicationRequest, Card, VerifyRequest
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from platform_sim import start_simulator

RESULTS = Path(__file__).parent / "results" / "outbox.json"
COUNT = 1000
TERMINAL = "KIOSK-SIM-0001"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"
SIMPLE_FIELDS = {"applicant_name", "applicant_id_number", "phone"}


def _simple_matter(client: PlatformClient) -> Matter:
    catalogue = client.get_catalogue().catalogue
    assert catalogue is not None
    return next(
        m
        for m in catalogue.matters
        if m.self_service == "full"
        and not any(x.required for x in m.materials)
        and {f.id for f in m.form if f.required} <= SIMPLE_FIELDS
    )


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    """Run the benchmark, print the table, write the JSON results."""
    with tempfile.TemporaryDirectory() as tmp:
        sim = start_simulator(Path(tmp) / "sim")
        try:
            signer = Signer(TERMINAL, sim.secret)
            client = PlatformClient(
                Transport(sim.base_url, signer, TlsSettings(sim.ca_file)), NO_RETRY
            )
            matter = _simple_matter(client)
            card = Card("resident", "33010619850312001X", "张伟")
            verification = client.verify_identity(
                VerifyRequest(card, base64.b64encode(JPEG).decode()), idempotency_key=uuid.uuid4()
            )
            person = verification.person
            store = OutboxStore.in_data_dir(Path(tmp) / "kiosk")
            started = time.perf_counter()
            for _ in range(COUNT):
                request = ApplicationRequest(
                    verification_id=verification.verification_id,
                    terminal_id=TERMINAL,
                    submitted_at=sim.clock.now(),
                    applicant=Applicant(person.name, person.id_number),
                    form={
                        "applicant_name": person.name,
                        "applicant_id_number": person.id_number,
                        "phone": "13800138000",
                    },
                    matter_code=matter.code,
                )
                body = encode_request("submitApplication", request.to_json())
                store.enqueue([NewRecord("submitApplication", body, str(uuid.uuid4()))])
            enqueue_s = time.perf_counter() - started

            worker = OutboxWorker(store, client)
            latencies: list[float] = []
            started = time.perf_counter()
            while True:
                step = time.perf_counter()
                outcome = worker.deliver_next()
                if outcome is DeliveryStep.EMPTY:
                    break
                if outcome is not DeliveryStep.DELIVERED:
                    raise RuntimeError(f"delivery {outcome.value}: {store.status().last_error}")
                latencies.append((time.perf_counter() - step) * 1000)
            drain_s = time.perf_counter() - started
            store.close()
        finally:
            sim.stop()

    figures = {
        "submissions": COUNT,
        "enqueue_per_s": round(COUNT / enqueue_s, 1),
        "enqueue_ms_mean": round(enqueue_s * 1000 / COUNT, 2),
        "drain_per_s": round(COUNT / drain_s, 1),
        "delivery_ms_p50": round(_percentile(latencies, 0.50), 2),
        "delivery_ms_p99": round(_percentile(latencies, 0.99), 2),
        "delivery_ms_mean": round(statistics.fmean(latencies), 2),
        "platform": "local simulator, HTTPS on 127.0.0.1, one worker, synchronous=FULL",
    }
    print_figures(figures)
    write_results(RESULTS, figures)


if __name__ == "__main__":
    main()
