"""What every benchmark does the same way: time a call, print a figures table, write the
figures to ``benchmarks/results/<name>.json``."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def median_ms(work: Callable[[], object], runs: int) -> float:
    """Median wall time of ``work`` in milliseconds over ``runs`` calls, after two warm-ups."""
    work()
    work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(samples)


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
