"""The on-disk catalogue: ETag refresh, atomic storage, offline use, corrupt files discarded."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.catalogue.cache import CatalogueCache
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import PlatformUnreachable
from kiosk.platform.transport import Timeouts, TlsSettings, Transport
from kiosk.platform.transport_retry import NO_RETRY
from platform_api.signing import Signer
from tests.kiosk.outbox.fake_platform import SECRET, TERMINAL_ID, FakePlatform, catalogue

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakePlatform]:
    platform = FakePlatform(tmp_path / "pki")
    yield platform
    platform.stop()


def client_for(server: FakePlatform) -> PlatformClient:
    tls = TlsSettings(server.pki.ca_file)
    transport = Transport(server.base_url, Signer(TERMINAL_ID, SECRET), tls, Timeouts(1, 1))
    return PlatformClient(transport, NO_RETRY)


def clock(start: datetime = T0) -> Iterator[datetime]:
    moment = start
    while True:
        yield moment
        moment += timedelta(hours=1)


def test_refresh_stores_the_catalogue_with_etag_and_as_of(
    server: FakePlatform, tmp_path: Path
) -> None:
    times = clock()
    cache = CatalogueCache(tmp_path / "catalogue.json", now=lambda: next(times))
    fresh = cache.refresh(client_for(server), region="330109")
    assert (fresh.etag, fresh.as_of, fresh.online) == ('"v1"', T0, True)
    assert len(fresh.catalogue.matters) == 3
    reloaded = CatalogueCache(tmp_path / "catalogue.json").load()
    assert reloaded is not None and reloaded.catalogue == fresh.catalogue
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_unchanged_catalogue_is_a_304_that_moves_as_of(
    server: FakePlatform, tmp_path: Path
) -> None:
    times = clock()
    cache = CatalogueCache(tmp_path / "catalogue.json", now=lambda: next(times))
    first = cache.refresh(client_for(server))
    second = cache.refresh(client_for(server))
    assert server.seen[1].headers["If-None-Match"] == '"v1"'
    assert second.catalogue == first.catalogue
    assert second.as_of == T0 + timedelta(hours=1)
    stored = CatalogueCache(tmp_path / "catalogue.json").load()
    assert stored is not None and stored.as_of == second.as_of


def test_a_changed_catalogue_replaces_the_stored_one(server: FakePlatform, tmp_path: Path) -> None:
    cache = CatalogueCache(tmp_path / "catalogue.json")
    cache.refresh(client_for(server))
    server.catalogue, server.etag = catalogue(matters=5, version="v2"), '"v2"'
    fresh = cache.refresh(client_for(server))
    assert (fresh.catalogue.version, len(fresh.catalogue.matters), fresh.etag) == ("v2", 5, '"v2"')


def test_offline_the_stored_copy_is_used_with_its_as_of(
    server: FakePlatform, tmp_path: Path
) -> None:
    CatalogueCache(tmp_path / "catalogue.json", now=lambda: T0).refresh(client_for(server))
    server.offline = True
    offline = CatalogueCache(tmp_path / "catalogue.json").refresh(client_for(server))
    assert (offline.online, offline.as_of) == (False, T0)
    assert "connection" in offline.problem
    assert len(offline.catalogue.matters) == 3


def test_offline_without_a_stored_copy_raises(server: FakePlatform, tmp_path: Path) -> None:
    server.offline = True
    with pytest.raises(PlatformUnreachable):
        CatalogueCache(tmp_path / "catalogue.json").refresh(client_for(server))


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01 not json",
        b'{"format": 1, "etag": "x", "as_of": "2026-11-23T08:00:00+00:00", "catalogue": {',
        json.dumps({"format": 1, "etag": "x", "as_of": "2026", "catalogue": catalogue()}).encode(),
        json.dumps(
            {"format": 1, "etag": "x", "as_of": T0.isoformat(), "catalogue": {"matters": 3}}
        ).encode(),
        json.dumps({"format": 99}).encode(),
        b"[]",
    ],
    ids=["binary", "truncated", "bad-as-of", "schema-invalid", "unknown-format", "array"],
)
def test_a_corrupt_cache_is_discarded_with_a_log_line(
    server: FakePlatform, tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "catalogue.json"
    path.write_bytes(content)
    cache = CatalogueCache(path)
    with caplog.at_level(logging.WARNING, logger="kiosk.catalogue.cache"):
        assert cache.load() is None
    assert "corrupt" in caplog.text
    assert not path.exists()
    assert cache.refresh(client_for(server)).online
    assert "If-None-Match" not in server.seen[0].headers
