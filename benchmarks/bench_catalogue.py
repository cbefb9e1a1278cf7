"""Catalogue fetch, cache store/load and search over the simulated platform's 100+ matters.

Search here is a plain case-insensitive substring match over name, short name, pinyin and
keywords: a stand-in until ``kiosk/catalogue/search.py`` (Chinese, pinyin, initials) exists,
so its figure is a floor to compare that module against, not the kiosk's search.
Writes ``benchmarks/results/catalogue.json``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import print_figures, write_results
from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.model import Catalogue, Matter
from kiosk.platform.client import PlatformClient
from kiosk.platform.transport import TlsSettings, Transport
from platform_api.signing import Signer
from platform_sim import start_simulator

RESULTS = Path(__file__).parent / "results" / "catalogue.json"
TERMINAL = "KIOSK-SIM-0001"
QUERIES = ["身份证", "社保", "医保", "公积金", "yang lao", "出生", "婚姻", "jiu ye", "驾驶", "户口"]
ROUNDS = 200


def substring_search(catalogue: Catalogue, query: str) -> list[Matter]:
    """Matters whose name, short name, pinyin or keywords contain ``query``."""
    needle = query.lower()
    return [
        m
        for m in catalogue.matters
        if needle in m.name
        or needle in m.short_name
        or needle in m.pinyin
        or any(needle in k for k in m.keywords)
    ]


def _ms(action: Callable[[], object], rounds: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        action()
    return (time.perf_counter() - started) * 1000 / rounds


def main() -> None:
    """Run the benchmark, print the table, write the JSON results."""
    with tempfile.TemporaryDirectory() as tmp:
        sim = start_simulator(Path(tmp) / "sim")
        try:
            client = PlatformClient(
                Transport(sim.base_url, Signer(TERMINAL, sim.secret), TlsSettings(sim.ca_file))
            )
            fetch_ms = _ms(client.get_catalogue, 5)
            path = Path(tmp) / "catalogue.json"
            refresh_ms = _ms(lambda: CatalogueCache(path).refresh(client))
            not_modified_ms = _ms(lambda: CatalogueCache(path).refresh(client), 5)
        finally:
            sim.stop()
        load_ms = _ms(lambda: CatalogueCache(path).load(), 5)
        cached = CatalogueCache(path).load()
        assert cached is not None
        size = path.stat().st_size
    catalogue = cached.catalogue
    hits = {q: len(substring_search(catalogue, q)) for q in QUERIES}
    search_ms = _ms(lambda: [substring_search(catalogue, q) for q in QUERIES], ROUNDS) / len(
        QUERIES
    )
    figures = {
        "matters": len(catalogue.matters),
        "bundles": len(catalogue.bundles),
        "cache_file_kb": round(size / 1024, 1),
        "fetch_validate_parse_ms": round(fetch_ms, 1),
        "refresh_200_and_store_ms": round(refresh_ms, 1),
        "refresh_304_ms": round(not_modified_ms, 1),
        "load_from_disk_validate_ms": round(load_ms, 1),
        "substring_search_ms_per_query": round(search_ms, 3),
        "hits": hits,
        "search": "plain substring (stand-in until kiosk/catalogue/search.py)",
    }
    print_figures(figures)
    write_results(RESULTS, figures)


if __name__ == "__main__":
    main()
