"""Catalogue search speed: index build time and per-query latency.

Over the simulated platform's catalogue (130+ matters, bundles) and the same catalogue
repeated 20 times (a province-sized list), a mix of Chinese, full-pinyin, spaced-pinyin,
initials and keyword queries, each run many times. The requirement is < 50 ms per query.
Writes ``benchmarks/results/search.json``.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.common import write_results
from kiosk.catalogue.model import Catalogue, catalogue_from_json
from kiosk.catalogue.search import CatalogueIndex
from platform_sim.seed.catalogue import build_catalogue

RESULTS = Path(__file__).parent / "results" / "search.json"
QUERIES = (
    "社保", "出生登记", "身份证", "shebao", "she bao jiao fei", "chushengdengji", "sbjf",
    "gjj", "报户口", "zm", "x", "不存在的事项",
)  # fmt: skip
ROUNDS = 200
LIMIT_MS = 50.0


def _repeated(catalogue: Catalogue, times: int) -> Catalogue:
    matters = tuple(
        replace(m, code=f"{m.code}{i:02d}") for i in range(times) for m in catalogue.matters
    )
    return replace(catalogue, matters=matters, bundles=catalogue.bundles * times)


def _measure(catalogue: Catalogue) -> dict[str, float]:
    started = time.perf_counter()
    index = CatalogueIndex(catalogue)
    build_ms = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            started = time.perf_counter()
            index.search(query)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "entries": len(catalogue.matters) + len(catalogue.bundles),
        "build_ms": round(build_ms, 1),
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(samples[int(len(samples) * 0.99)], 3),
        "max_ms": round(samples[-1], 3),
    }


def main() -> None:
    """Measure both catalogue sizes, print the table, write the JSON results."""
    seed = catalogue_from_json(build_catalogue())
    CatalogueIndex(seed)  # loads pypinyin's dictionaries once, outside the figures
    rows = {"seed": _measure(seed), "seed x20": _measure(_repeated(seed, 20))}
    print(f"{'catalogue':<10} {'entries':>7} {'build ms':>9} {'median ms':>10} "
          f"{'p99 ms':>8} {'max ms':>8}")  # fmt: skip
    for name, r in rows.items():
        print(
            f"{name:<10} {r['entries']:>7} {r['build_ms']:>9} {r['median_ms']:>10} "
            f"{r['p99_ms']:>8} {r['max_ms']:>8}"
        )
    print(f"requirement: a query under {LIMIT_MS} ms")
    write_results(RESULTS, {"queries": list(QUERIES), "rounds": ROUNDS, "rows": rows})


if __name__ == "__main__":
    main()
