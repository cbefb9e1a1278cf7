"""The client, outbox, cache and CLI against the project's simulated platform."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.model import Catalogue, Matter
from kiosk.outbox.store import OutboxStore
from kiosk.outbox.submitter import Queued, Submitted, Submitter
from kiosk.outbox.worker import OutboxWorker
from kiosk.platform.__main__ import main
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformError
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.models import (
    Applicant,
    ApplicationRequest,
    Card,
    Evaluation,
    Verification,
    VerifyRequest,
)
from kiosk.platform.transport import Transport
from kiosk.platform.transport_retry import NO_RETRY, RetryPolicy
from platform_api.signing import SignAlg, Signer
from platform_sim import RunningSimulator, start_simulator

TERMINAL = "KIOSK-SIM-0001"
CARD = Card("resident", "33010619850312001X", "张伟")
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"
SIMPLE_FIELDS = {"applicant_name", "applicant_id_number", "phone"}


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSimulator]:
    running = start_simulator(tmp_path_factory.mktemp("platform-sim"))
    yield running
    running.stop()


def client_for(
    sim: RunningSimulator, alg: SignAlg = SignAlg.HMAC_SHA256, retry: RetryPolicy = NO_RETRY
) -> PlatformClient:
    transport = Transport(
        sim.base_url, Signer(TERMINAL, sim.secret, alg), TlsSettings(sim.ca_file), Timeouts(2, 5)
    )
    return PlatformClient(transport, retry)


def simple_matter(catalogue: Catalogue) -> Matter:
    """A matter a verified person can apply for with nothing but the prefilled basics."""
    return next(
        m
        for m in catalogue.matters
        if m.self_service == "full"
        and not any(x.required for x in m.materials)
        and {f.id for f in m.form if f.required} <= SIMPLE_FIELDS
    )


def verify(client: PlatformClient) -> Verification:
    request = VerifyRequest(CARD, base64.b64encode(JPEG).decode(), 0.98)
    verification = client.verify_identity(request, idempotency_key=uuid.uuid4())
    assert verification.verified
    return verification


def application(
    sim: RunningSimulator, matter: Matter, verification: Verification
) -> ApplicationRequest:
    person = verification.person
    return ApplicationRequest(
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


@pytest.mark.parametrize("alg", list(SignAlg))
def test_catalogue_has_100_plus_matters_and_a_304_second_time(
    sim: RunningSimulator, alg: SignAlg
) -> None:
    client = client_for(sim, alg)
    first = client.get_catalogue()
    assert first.catalogue is not None
    assert len(first.catalogue.matters) >= 100 and len(first.catalogue.bundles) >= 1
    assert client.get_catalogue(etag=first.etag).not_modified


def test_cache_refresh_against_the_simulator(sim: RunningSimulator, tmp_path: Path) -> None:
    cache = CatalogueCache(tmp_path / "catalogue.json")
    fresh = cache.refresh(client_for(sim))
    again = CatalogueCache(tmp_path / "catalogue.json").refresh(client_for(sim))
    assert again.catalogue == fresh.catalogue and again.online


def test_submit_online_then_query_progress(sim: RunningSimulator, tmp_path: Path) -> None:
    client = client_for(sim)
    matter = simple_matter(client.get_catalogue().catalogue)  # type: ignore[arg-type]
    verification = verify(client)
    store = OutboxStore.in_data_dir(tmp_path)
    outcome = Submitter(client, store).submit(
        application(sim, matter, verification), idempotency_key=str(uuid.uuid4())
    )
    assert isinstance(outcome, Submitted)
    first = outcome.result.applications[0]
    progress = client.get_application(first.application_no, first.query_code)
    assert progress.matter_code == matter.code
    assert client.list_applications(verification.verification_id)
    rating = Evaluation(
        5, sim.clock.now(), application_no=first.application_no, terminal_id=TERMINAL
    )
    client.submit_evaluation(rating, idempotency_key=uuid.uuid4())
    store.close()


def test_offline_submission_is_delivered_once_when_back_online(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    client = client_for(sim)
    matter = simple_matter(client.get_catalogue().catalogue)  # type: ignore[arg-type]
    verification = verify(client)
    store = OutboxStore.in_data_dir(tmp_path)
    key = str(uuid.uuid4())
    request = application(sim, matter, verification)
    sim.set_offline(True)
    try:
        queued = Submitter(client, store).submit(request, idempotency_key=key)
        assert isinstance(queued, Queued)
        assert OutboxWorker(store, client).drain().stopped_on_failure
    finally:
        sim.set_offline(False)
    assert OutboxWorker(store, client).drain().delivered == 1
    result = store.result(queued.local_ref)
    assert result is not None and result.state == "delivered"
    number = result.answer["applications"][0]["application_no"]
    replay = client.submit_application(request, idempotency_key=key)
    assert replay.application_nos == (number,)
    store.close()


def test_a_conflicting_reuse_of_a_key_is_refused(sim: RunningSimulator) -> None:
    client = client_for(sim)
    key = uuid.uuid4()
    rating = Evaluation(4, sim.clock.now(), terminal_id=TERMINAL)
    client.submit_evaluation(rating, idempotency_key=key)
    with pytest.raises(PlatformError) as caught:
        client.submit_evaluation(Evaluation(1, sim.clock.now()), idempotency_key=key)
    assert (caught.value.status, caught.value.code) == (409, "idempotency_conflict")


def test_cli_catalogue_counts_against_the_simulator(
    sim: RunningSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--base-url",
        sim.base_url,
        "--ca",
        str(sim.ca_file),
        "--terminal-id",
        TERMINAL,
        "--secret",
        sim.secret.decode(),
    ]
    assert main([*args, "--sign-alg", "SM3-HMAC", "catalogue", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["matters"] >= 100 and counts["bundles"] >= 1
