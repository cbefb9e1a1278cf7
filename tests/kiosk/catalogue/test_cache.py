"""The on-disk catalogue: ETag refresh, atomic storage, offline use, corrupt files discarded."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.cache import CatalogueCache
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformUnreachable
from platform_sim import RunningSimulator
from platform_sim.catalogue import SeedData
from tests.kiosk.platform import simulated
from tests.platform_sim.helpers import tiny_catalogue, tiny_licences

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningSimulator]:
    platform = simulated.start(tmp_path / "platform-sim")
    yield platform
    platform.stop()


def client_for(server: RunningSimulator) -> PlatformClient:
    return simulated.client_for(server)


def catalogue_v2() -> dict[str, Any]:
    """The tiny catalogue as version v2 with a fifth matter."""
    document = tiny_catalogue()
    extra = document["matters"][1] | {"code": "330000000000TEST0005", "name": "社保卡补领"}
    return document | {"version": "v2", "matters": [*document["matters"], extra]}


def clock(start: datetime = T0) -> Iterator[datetime]:
    moment = start
    while True:
        yield moment
        moment += timedelta(hours=1)


def test_refresh_stores_the_catalogue_with_etag_and_as_of(
    server: RunningSimulator, tmp_path: Path
) -> None:
    times = clock()
    cache = CatalogueCache(tmp_path / "catalogue.json", now=lambda: next(times))
    fresh = cache.refresh(client_for(server), region="330109")
    etag = server.service.world.catalogue.etag
    assert (fresh.etag, fresh.as_of, fresh.online) == (etag, T0, True)
    assert len(fresh.catalogue.matters) == 4
    reloaded = CatalogueCache(tmp_path / "catalogue.json").load()
    assert reloaded is not None and reloaded.catalogue == fresh.catalogue
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_unchanged_catalogue_is_a_304_that_moves_as_of(
    server: RunningSimulator, tmp_path: Path
) -> None:
    times = clock()
    cache = CatalogueCache(tmp_path / "catalogue.json", now=lambda: next(times))
    first = cache.refresh(client_for(server))
    second = cache.refresh(client_for(server))
    assert server.exchanges[1].headers["If-None-Match"] == first.etag
    assert second.catalogue == first.catalogue
    assert second.as_of == T0 + timedelta(hours=1)
    stored = CatalogueCache(tmp_path / "catalogue.json").load()
    assert stored is not None and stored.as_of == second.as_of


def test_a_changed_catalogue_replaces_the_stored_one(
    server: RunningSimulator, tmp_path: Path
) -> None:
    cache = CatalogueCache(tmp_path / "catalogue.json")
    cache.refresh(client_for(server))
    server.stop()  # the platform comes back with a new catalogue
    changed = simulated.start(tmp_path / "platform-sim", SeedData(catalogue_v2, tiny_licences))
    try:
        fresh = cache.refresh(client_for(changed))
        etag = changed.service.world.catalogue.etag
    finally:
        changed.stop()
    assert (fresh.catalogue.version, len(fresh.catalogue.matters), fresh.etag) == ("v2", 5, etag)


def test_offline_the_stored_copy_is_used_with_its_as_of(
    server: RunningSimulator, tmp_path: Path
) -> None:
    CatalogueCache(tmp_path / "catalogue.json", now=lambda: T0).refresh(client_for(server))
    server.set_offline(True, drop=True)
    offline = CatalogueCache(tmp_path / "catalogue.json").refresh(client_for(server))
    assert (offline.online, offline.as_of) == (False, T0)
    assert "connection" in offline.problem
    assert len(offline.catalogue.matters) == 4


def test_offline_without_a_stored_copy_raises(server: RunningSimulator, tmp_path: Path) -> None:
    server.set_offline(True, drop=True)
    with pytest.raises(PlatformUnreachable):
        CatalogueCache(tmp_path / "catalogue.json").refresh(client_for(server))


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01 not json",
        b'{"format": 1, "etag": "x", "as_of": "2026-11-23T08:00:00+00:00", "catalogue": {',
        json.dumps(
            {"format": 1, "etag": "x", "as_of": "2026", "catalogue": tiny_catalogue()}
        ).encode(),
        json.dumps(
            {"format": 1, "etag": "x", "as_of": T0.isoformat(), "catalogue": {"matters": 3}}
        ).encode(),
        json.dumps({"format": 99}).encode(),
        b"[]",
    ],
    ids=["binary", "truncated", "bad-as-of", "schema-invalid", "unknown-format", "array"],
)
def test_a_corrupt_cache_is_discarded_with_a_log_line(
    server: RunningSimulator, tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "catalogue.json"
    path.write_bytes(content)
    cache = CatalogueCache(path)
    with caplog.at_level(logging.WARNING, logger="kiosk.catalogue.cache"):
        assert cache.load() is None
    assert "corrupt" in caplog.text
    assert not path.exists()
    assert cache.refresh(client_for(server)).online
    assert "If-None-Match" not in server.exchanges[0].headers
