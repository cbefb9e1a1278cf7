"""What every benchmark does the same way: time a call, summarise samples (median, p95, p99,
max: the whole spread, favourable or not), print a figures table, write the figures to
``benchmarks/results/<name>.json``."""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any


def samples_ms(work: Callable[[], object], runs: int) -> list[float]:
    """Wall time of each of ``runs`` calls of ``work`` in milliseconds, after two warm-ups."""
    work()
    work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return samples


def median_ms(work: Callable[[], object], runs: int) -> float:
    """Median wall time of ``work`` in milliseconds over ``runs`` calls, after two warm-ups."""
    return statistics.median(samples_ms(work, runs))


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of ``samples`` (``fraction`` 0.95 for p95); not empty."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def spread(samples: Sequence[float], digits: int = 3) -> dict[str, float]:
    """Median, p95, p99 and maximum of ``samples`` (not empty), rounded to ``digits``."""
    return {
        "median": round(statistics.median(samples), digits),
        "p95": round(percentile(samples, 0.95), digits),
        "p99": round(percentile(samples, 0.99), digits),
        "max": round(max(samples), digits),
        "n": len(samples),
    }


def print_figures(figures: Mapping[str, Any]) -> None:
    """Print ``figures`` as a two-column Markdown table."""
    print("| figure | value |")
    print("|---|---|")
    for name, value in figures.items():
        print(f"| {name} | {value} |")


def write_results(path: Path, figures: Any) -> None:
    """Write ``figures`` as readable JSON (Chinese kept as is), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
