"""好差评 at the app layer against the simulated platform: the outbox, the ledger, the tile."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from drivers.id_card.emulator import DEFAULT_SAM_ID
from drivers.id_card.fixtures import load_fixture
from entry.backend import Backend
from entry.evaluation import EvaluationEffects
from kiosk.catalogue.cache import CatalogueCache
from kiosk.evaluation.answers import EvaluationDraft, Rating
from kiosk.evaluation.service import Served, ServedItem, ServiceKind
from kiosk.flow import events as ev
from kiosk.outbox.store import OutboxStore
from kiosk.outbox.submitter import Submitter
from kiosk.outbox.worker import OutboxWorker
from kiosk.platform.models import Application
from kiosk.workers import Workers
from platform_sim import RunningSimulator
from tests.kiosk.platform import simulated

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SAM_CARD = dataclasses.replace(load_fixture("resident"), sam_id=DEFAULT_SAM_ID)


@dataclasses.dataclass
class Terminal:
    """One terminal's side: its outbox, its worker and its evaluation effects."""

    effects: EvaluationEffects
    worker: OutboxWorker
    backend: Backend


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    running = simulated.start(tmp_path / "platform-sim")
    yield running
    running.stop()


@pytest.fixture
def workers() -> Iterator[Workers]:
    pool = Workers()
    yield pool
    pool.shutdown()


def terminal(sim: RunningSimulator, data_dir: Path, workers: Workers) -> Terminal:
    client = simulated.client_for(sim)
    store = OutboxStore(data_dir / "outbox.sqlite3")
    worker = OutboxWorker(store, client)
    backend = Backend(client, CatalogueCache(data_dir / "catalogue.json"),
                      submitter=Submitter(client, store))
    effects = EvaluationEffects(simulated.TERMINAL_ID, data_dir, workers, lambda: backend,
                                lambda _event: None)
    return Terminal(effects, worker, backend)


@pytest.fixture
def kiosk(sim: RunningSimulator, tmp_path: Path, workers: Workers) -> Iterator[Terminal]:
    one = terminal(sim, tmp_path / "kiosk", workers)
    yield one
    one.effects.close()
    one.worker.store.close()


def applied(sim: RunningSimulator) -> Application:
    client = simulated.client_for(sim)
    request = simulated.application(simulated.verify(client))
    result = client.submit_application(request, idempotency_key=uuid.uuid4())
    return result.applications[0]


def rating_of(application: Application, rating: Rating = Rating.SATISFIED) -> EvaluationDraft:
    item = ServedItem(application.matter_code, application.matter_name, application.application_no)
    draft = EvaluationDraft(Served(ServiceKind.APPLY, (item,)))
    draft.rate(rating)
    if draft.reasons_needed:
        draft.toggle_reason("等待时间过长")
    draft.write("办理很快")
    return draft


def evaluations(sim: RunningSimulator) -> list[tuple[str, int]]:
    with sim.service.store.transaction() as db:
        rows = db.execute("SELECT application_no, rating FROM evaluations").fetchall()
    return [(row[0], row[1]) for row in rows]


def test_a_rating_goes_online_once_and_a_repeat_is_refused_by_the_ledger(
    sim: RunningSimulator, kiosk: Terminal
) -> None:
    application = applied(sim)
    draft = rating_of(application)
    assert kiosk.effects.send(1, draft, NOW) == ev.EvaluationRecorded(1)
    assert evaluations(sim) == [(application.application_no, 4)]
    asked = len(sim.exchanges)
    assert kiosk.effects.send(2, draft, NOW) == ev.EvaluationRefused(2, "already_evaluated")
    assert len(sim.exchanges) == asked, "the ledger answers without asking the platform"
    assert evaluations(sim) == [(application.application_no, 4)]


def test_the_platform_refusing_a_second_rating_is_remembered(
    sim: RunningSimulator, kiosk: Terminal, tmp_path: Path, workers: Workers
) -> None:
    application = applied(sim)
    assert kiosk.effects.send(1, rating_of(application), NOW) == ev.EvaluationRecorded(1)
    other = terminal(sim, tmp_path / "other", workers)  # rated elsewhere: this ledger is empty
    try:
        refused = other.effects.send(2, rating_of(application, Rating.DISSATISFIED), NOW)
        assert refused == ev.EvaluationRefused(2, "already_evaluated")
        assert other.worker.store.head() is None, "the refused rating is not left queued"
        assert other.effects.ledger().rated([application.application_no])
    finally:
        other.effects.close()
        other.worker.store.close()
    assert evaluations(sim) == [(application.application_no, 4)]


def test_an_offline_rating_is_kept_and_delivered_later_exactly_once(
    sim: RunningSimulator, kiosk: Terminal
) -> None:
    application = applied(sim)
    sim.set_offline(True)
    assert kiosk.effects.send(1, rating_of(application), NOW) == ev.EvaluationRecorded(1)
    assert evaluations(sim) == []
    assert kiosk.effects.ledger().rated([application.application_no])
    sim.set_offline(False)
    assert kiosk.worker.drain().delivered == 1
    assert kiosk.worker.drain().delivered == 0
    assert evaluations(sim) == [(application.application_no, 4)]


def test_the_tile_rates_the_latest_application_of_the_card(
    sim: RunningSimulator, kiosk: Terminal
) -> None:
    assert kiosk.effects.latest_service(1, SAM_CARD) == ev.NothingToEvaluate(1)
    applied(sim)
    latest = applied(sim)
    found = kiosk.effects.latest_service(2, SAM_CARD)
    assert isinstance(found, ev.LatestServiceFound) and not found.already_rated
    assert found.served.keys == (latest.application_no,)
    assert found.served.items[0].matter_code == latest.matter_code
    draft = EvaluationDraft(found.served)
    draft.rate(Rating.VERY_SATISFIED)
    assert kiosk.effects.send(3, draft, NOW) == ev.EvaluationRecorded(3)
    again = kiosk.effects.latest_service(4, SAM_CARD)
    assert isinstance(again, ev.LatestServiceFound) and again.already_rated


def test_a_card_no_sam_reader_read_is_not_sent(kiosk: Terminal) -> None:
    with pytest.raises(ValueError, match="SAM"):
        kiosk.effects.latest_service(1, load_fixture("resident"))
