"""The sealed catalogue file: read back without the contract, any change to it rejected (and
the catalogue fetched again), and read at start-up without the slow libraries."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.cache_file import KEY_FILE, CatalogueFile, StoredCatalogue
from kiosk.catalogue.search import readings_for
from platform_sim import RunningSimulator
from tests.kiosk.platform import simulated

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SLOW_MODULES = ("jsonschema", "yaml", "requests", "urllib3", "pypinyin", "cryptography", "cv2")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSimulator]:
    platform = simulated.start(tmp_path_factory.mktemp("sim") / "platform-sim")
    yield platform
    platform.stop()


@pytest.fixture(scope="module")
def written(server: RunningSimulator, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue file as the kiosk writes it after a refresh."""
    path = tmp_path_factory.mktemp("cache") / "catalogue.json"
    CatalogueCache(path, now=lambda: T0).refresh(simulated.client_for(server))
    return path


def copy_of(written: Path, into: Path) -> Path:
    path = into / written.name
    path.write_bytes(written.read_bytes())
    (into / KEY_FILE).write_bytes((written.parent / KEY_FILE).read_bytes())
    return path


def test_what_the_kiosk_wrote_reads_back_whole_with_its_readings(written: Path) -> None:
    stored = CatalogueFile(written).load()
    assert stored is not None
    assert stored.cached.as_of == T0
    assert stored.cached.readings == readings_for(stored.cached.catalogue)
    assert stored.cached.catalogue.matters


def test_the_seal_key_is_readable_by_the_kiosk_alone(written: Path) -> None:
    assert (written.parent / KEY_FILE).stat().st_mode & 0o777 == 0o600


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(at=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_any_flipped_bit_is_rejected(written: Path, tmp_path: Path, at: float, bit: int) -> None:
    path = copy_of(written, tmp_path)
    data = bytearray(path.read_bytes())
    data[int(at * len(data))] ^= 1 << bit
    path.write_bytes(bytes(data))
    assert CatalogueFile(path).load() is None
    assert not path.exists()


def test_an_edited_catalogue_is_rejected_and_fetched_again(
    written: Path, tmp_path: Path, server: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    path = copy_of(written, tmp_path)
    header, body = path.read_bytes().split(b"\n", 1)
    document = json.loads(body)
    document["catalogue"]["matters"][0]["name"] = "伪造事项"
    path.write_bytes(header + b"\n" + json.dumps(document, ensure_ascii=False).encode())
    cache = CatalogueCache(path)
    with caplog.at_level(logging.WARNING):
        assert cache.load() is None
    assert "seal does not match" in caplog.text
    calls = len(server.exchanges)
    fresh = cache.refresh(simulated.client_for(server))
    assert "If-None-Match" not in server.exchanges[calls].headers
    assert fresh.catalogue.matters[0].name != "伪造事项"
    assert CatalogueFile(path).load() is not None


def test_a_file_from_another_kiosk_or_without_its_key_is_rejected(
    written: Path, tmp_path: Path
) -> None:
    path = copy_of(written, tmp_path)
    (tmp_path / KEY_FILE).write_bytes(os.urandom(32))
    assert CatalogueFile(path).load() is None
    path = copy_of(written, tmp_path)
    (tmp_path / KEY_FILE).unlink()
    assert CatalogueFile(path).load() is None


def test_the_unsealed_format_of_earlier_versions_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps({"format": 1, "etag": "x", "as_of": T0.isoformat()}))
    assert CatalogueFile(path).load() is None


def test_storing_makes_a_key_when_there_is_none_and_holds_what_it_stored(
    written: Path, tmp_path: Path
) -> None:
    stored = CatalogueFile(written).load()
    assert stored is not None
    target = CatalogueFile(tmp_path / "catalogue.json")
    target.store(StoredCatalogue(stored.cached, stored.document))
    assert target.load() == stored
    again = CatalogueFile(tmp_path / "catalogue.json").load()
    assert again is not None and again.cached.readings == stored.cached.readings


def test_the_start_up_read_loads_no_slow_library(written: Path) -> None:
    probe = (
        "import sys\n"
        "from entry.catalogue_disk import cached_snapshot\n"
        "from kiosk.catalogue.cache_file import CatalogueFile\n"
        f"snapshot = cached_snapshot(CatalogueFile(__import__('pathlib').Path({str(written)!r})))\n"
        "assert snapshot is not None and snapshot.index.search('shebao')\n"
        f"print(sorted(m for m in {SLOW_MODULES!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
