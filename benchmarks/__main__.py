"""Run every benchmark (``./dev bench``) or the named ones (``./dev bench id_card ui``).

Each ``benchmarks/bench_<name>.py`` has a ``main()`` that prints its table and writes its
figures to ``benchmarks/results/<name>.json``; this runner only finds and calls them.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def available() -> list[str]:
    """The benchmark names, from the ``bench_*.py`` files beside this one."""
    return sorted(p.stem.removeprefix("bench_") for p in BENCH_DIR.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    """Run the benchmarks named in ``argv`` (all when empty); 2 on an unknown name."""
    names = argv or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available())}")
        return 2
    for name in names:
        print(f"\n## {name}\n", flush=True)
        module = importlib.import_module(f"benchmarks.bench_{name}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
