"""ID card read latency: card placed on an emulator paced at 115200 baud → ``CardInserted``.

The emulator sends every answer at the real speed of the line, so the figures include the
wire time a real reader imposes. Each placement comes at a random moment of the poll cycle.
For each placement we take two latencies: from placing the card (the citizen's view, which
includes waiting for the next find-card poll) and from the find-card command that first saw
it (the exchange itself: find, select, read, parse, event). The exchange is compared with
the wire time of the bytes it moves (find 10+15, select 10+19, read 10+1295 at 8N1). CPU per
read is the driver's own thread time for one find-select-read and parse, and the whole
process's CPU (driver + emulator) per placement. Prints a table and writes
``benchmarks/results/id_card.json``.
"""

from __future__ import annotations

import platform
import random
import statistics
import threading
import time
from pathlib import Path

from benchmarks.common import write_results
from drivers.base import DeviceEvent
from drivers.id_card.decoding import card_from_data
from drivers.id_card.emulator import IdCardEmulator
from drivers.id_card.fixtures import load_fixture
from drivers.id_card.link import SamLink, wire_time
from drivers.id_card.payloads import CardData, encode_card_data
from drivers.id_card.protocol import Request, SamCommand, Sw3, encode_answer, encode_command
from drivers.id_card.reader import SamReader
from drivers.id_card.types import TIMING, CardInserted, CardRemoved

RESULTS = Path(__file__).parent / "results" / "id_card.json"
BAUD = 115200
PLACEMENTS = 20
CPU_READS = 30
FIXTURE = "resident"


def exchange_bytes() -> int:
    """Bytes on the wire for find (card found), select and read text + photo."""
    card = load_fixture(FIXTURE)
    read_answer = encode_answer(
        Sw3.SUCCESS, encode_card_data(CardData(bytes(256), card.photo_wlt), False)
    )
    commands = sum(
        len(encode_command(c)) for c in (SamCommand.FIND, SamCommand.SELECT, SamCommand.READ)
    )
    answers = len(encode_answer(Sw3.CARD_FOUND, bytes(4))) + len(encode_answer(0x90, bytes(8)))
    return commands + answers + len(read_answer)


class _Placements:
    """Times each placement: card placed, first find that saw it, CardInserted."""

    def __init__(self, emulator: IdCardEmulator) -> None:
        self._emulator = emulator
        self.found_at: float | None = None
        self.inserted_at = 0.0
        self.inserted = threading.Event()
        self.removed = threading.Event()

    def on_request(self, request: Request) -> None:
        if request.command is SamCommand.FIND and self._emulator.card and self.found_at is None:
            self.found_at = time.perf_counter()

    def on_event(self, event: DeviceEvent) -> None:
        if isinstance(event, CardInserted):
            self.inserted_at = time.perf_counter()
            self.inserted.set()
        elif isinstance(event, CardRemoved):
            self.removed.set()


def measure_latency() -> tuple[list[float], list[float], float]:
    """Placement→event and find→event latencies (ms) and process CPU per placement (ms)."""
    emulator = IdCardEmulator(baud=BAUD, pace=True)
    emulator.start()
    reader = SamReader(emulator.port, BAUD)
    timer = _Placements(emulator)
    emulator.set_request_hook(timer.on_request)
    reader.events.subscribe(timer.on_event)
    reader.open()
    jitter = random.Random(PLACEMENTS)
    from_placement: list[float] = []
    from_find: list[float] = []
    cpu = 0.0
    try:
        for _ in range(PLACEMENTS):
            timer.found_at = None
            timer.inserted.clear()
            timer.removed.clear()
            time.sleep(jitter.uniform(0, TIMING.poll_interval_s))
            cpu_start = time.process_time()
            placed_at = time.perf_counter()
            emulator.place(FIXTURE)
            if not timer.inserted.wait(5):
                raise RuntimeError("no CardInserted within 5 s")
            assert timer.found_at is not None
            from_placement.append((timer.inserted_at - placed_at) * 1000)
            from_find.append((timer.inserted_at - timer.found_at) * 1000)
            emulator.remove()
            if not timer.removed.wait(5):
                raise RuntimeError("no CardRemoved within 5 s")
            cpu += (time.process_time() - cpu_start) * 1000
    finally:
        reader.close()
        emulator.stop()
    return from_placement, from_find, cpu / PLACEMENTS


def measure_driver_cpu() -> float:
    """The driver thread's CPU time (ms) for one find-select-read plus parsing."""
    emulator = IdCardEmulator(baud=BAUD, pace=False)
    emulator.start()
    emulator.place(FIXTURE)
    samples = []
    try:
        with SamLink(emulator.port, BAUD) as link:
            for _ in range(CPU_READS):
                start = time.thread_time()
                card_from_data(link.read_present_card(), None)
                samples.append((time.thread_time() - start) * 1000)
    finally:
        emulator.stop()
    return statistics.median(samples)


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def main() -> None:
    """Measure, print the table, write the JSON figures."""
    size = exchange_bytes()
    wire_ms = wire_time(size, BAUD) * 1000
    from_placement, from_find, process_cpu = measure_latency()
    driver_cpu = measure_driver_cpu()
    rows = {
        "placement_to_event_ms": {
            "median": statistics.median(from_placement),
            "p95": _p95(from_placement),
        },
        "find_to_event_ms": {"median": statistics.median(from_find), "p95": _p95(from_find)},
    }
    print(f"{'figure':<34} {'median':>9} {'p95':>9}")
    for name, row in rows.items():
        print(f"{name:<34} {row['median']:>7.1f}ms {row['p95']:>7.1f}ms")
    print(f"{'wire time of the exchange':<34} {wire_ms:>7.1f}ms  ({size} bytes at {BAUD} 8N1)")
    overhead = statistics.median(from_find) - wire_ms
    print(f"{'exchange overhead over wire time':<34} {overhead:>7.1f}ms")
    print(f"{'poll interval':<34} {TIMING.poll_interval_s * 1000:>7.1f}ms")
    print(f"{'driver CPU per read (thread time)':<34} {driver_cpu:>7.2f}ms")
    print(f"{'process CPU per placement':<34} {process_cpu:>7.2f}ms  (driver + emulator)")
    write_results(
        RESULTS,
        {
            "baud": BAUD,
            "placements": PLACEMENTS,
            "fixture": FIXTURE,
            "poll_interval_s": TIMING.poll_interval_s,
            "machine": platform.processor() or platform.machine(),
            "exchange_bytes": size,
            "wire_time_ms": wire_ms,
            **rows,
            "exchange_overhead_ms": overhead,
            "driver_cpu_per_read_ms": driver_cpu,
            "process_cpu_per_placement_ms": process_cpu,
        },
    )


if __name__ == "__main__":
    main()
