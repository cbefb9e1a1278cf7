"""The catalogue as the kiosk gets it: the simulated platform's catalogue (platform_sim, 130+
matters and bundles) through the real platform client, the real disk cache
(:class:`kiosk.catalogue.cache.CatalogueCache`) and the real indexing
(:func:`kiosk.catalogue.service.snapshot_of`), then searched with the real index.

Figures (median, p95, max over the runs): fetch + validate + parse; a refresh that stores a
new catalogue (200); a refresh with nothing new (304, the background refresh); the app's
start-up read (load from disk + check the kiosk's seal, then index with the stored pinyin
readings: the app's own ``entry.catalogue_disk.cached_snapshot``), and its two parts apart; and
search over the indexed snapshot. Writes ``benchmarks/results/catalogue.json``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import print_figures, samples_ms, spread, write_results
from entry.catalogue_disk import cached_snapshot
from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.cache_file import CatalogueFile
from kiosk.catalogue.service import snapshot_of
from kiosk.platform.client import PlatformClient
from kiosk.platform.exchange import TlsSettings
from kiosk.platform.transport import Transport
from platform_api.signing import Signer
from platform_sim import start_simulator

RESULTS = Path(__file__).parent / "results" / "catalogue.json"
TERMINAL = "KIOSK-SIM-0001"
QUERIES = ["身份证", "社保", "医保", "公积金", "yang lao", "出生", "婚姻", "jiu ye", "驾驶", "户口"]
RUNS = 20
SEARCH_ROUNDS = 100


def _summary(samples: list[float]) -> str:
    figures = spread(samples, 1)
    return f"{figures['median']} / {figures['p95']} / {figures['max']}"


def main() -> None:
    """Run the benchmark, print the table, write the JSON results."""
    with tempfile.TemporaryDirectory() as tmp:
        sim = start_simulator(Path(tmp) / "sim", terminal_ids=(TERMINAL,))
        try:
            client = PlatformClient(
                Transport(sim.base_url, Signer(TERMINAL, sim.secret), TlsSettings(sim.ca_file))
            )
            fetch = samples_ms(client.get_catalogue, RUNS)
            stores = iter(range(RUNS + 2))
            store = samples_ms(
                lambda: CatalogueCache(Path(tmp) / f"new-{next(stores)}.json").refresh(client),
                RUNS,
            )
            path = Path(tmp) / "catalogue.json"
            held = CatalogueCache(path)
            held.refresh(client)
            not_modified = samples_ms(lambda: held.refresh(client), RUNS)
        finally:
            sim.stop()
        load = samples_ms(lambda: CatalogueFile(path).load(), RUNS)
        cached = CatalogueCache(path).load()
        assert cached is not None, "the cache file was just written"
        index = samples_ms(lambda: snapshot_of(cached), RUNS)
        start_read = samples_ms(lambda: cached_snapshot(CatalogueFile(path)), RUNS)
        size = path.stat().st_size
    snapshot = snapshot_of(cached)
    search = samples_ms(lambda: [snapshot.index.search(q) for q in QUERIES], SEARCH_ROUNDS)
    per_query = [ms / len(QUERIES) for ms in search]
    figures = {
        "matters": len(cached.catalogue.matters),
        "bundles": len(cached.catalogue.bundles),
        "cache_file_kb": round(size / 1024, 1),
        "fetch_validate_parse_ms": spread(fetch, 1),
        "refresh_200_and_store_ms": spread(store, 1),
        "refresh_304_ms": spread(not_modified, 1),
        "load_from_disk_check_seal_ms": spread(load, 1),
        "index_snapshot_of_ms": spread(index, 1),
        "start_up_read_load_and_index_ms": spread(start_read, 1),
        "search_ms_per_query": spread(per_query, 3),
        "hits": {q: len(snapshot.index.search(q)) for q in QUERIES},
        "search": "kiosk.catalogue.search.CatalogueIndex via snapshot_of (the kiosk's own)",
        "statistics": f"median, p95, p99, max over {RUNS} runs ({SEARCH_ROUNDS} for search)",
    }
    print("median / p95 / max, ms:")
    print_figures(
        {
            "matters + bundles": f"{figures['matters']} + {figures['bundles']}",
            "cache file": f"{figures['cache_file_kb']} KiB",
            "fetch + validate + parse": _summary(fetch),
            "refresh, new catalogue stored (200)": _summary(store),
            "refresh, nothing new (304)": _summary(not_modified),
            "load from disk + check seal": _summary(load),
            "index (snapshot_of)": _summary(index),
            "start-up read: load + index": _summary(start_read),
            "search, per query": " / ".join(
                str(spread(per_query, 3)[k]) for k in ("median", "p95", "max")
            ),
        }
    )
    write_results(RESULTS, figures)


if __name__ == "__main__":
    main()
