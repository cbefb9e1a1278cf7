"""Technician's CLI: ``python -m drivers.scanner --port PORT listen [--count N] [--json]``.

``--simulate TEXT`` (repeatable) instead of ``--port`` starts the scanner emulator on a pty,
listens to it through the real driver and has it scan each TEXT in turn (no hardware needed).

Prints each scan (as ``{"text": ...}`` per line with ``--json``); read errors go to stderr
and listening goes on. Exit 0 after ``--count`` scans, 3 on a device error (one stderr line).
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from drivers.base import DeviceError, DeviceEvent, DeviceState, StatusChanged
from drivers.scanner.emulator import ScannerEmulator
from drivers.scanner.serial_scanner import SerialScanner
from drivers.scanner.types import ScanError, Scanned, ScannerSettings, Suffix

EXIT_OK = 0
EXIT_DEVICE = 3
EXIT_INTERRUPTED = 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m drivers.scanner", description=__doc__)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--port", help="serial port, pty or pyserial URL")
    source.add_argument(
        "--simulate",
        action="append",
        metavar="TEXT",
        help="listen to an in-process scanner emulator that scans TEXT (repeat for more)",
    )
    parser.add_argument("--baud", type=int, default=115200)
    parser.add_argument("--suffix", choices=[s.value for s in Suffix], default=Suffix.CR.value)
    parser.add_argument("--repeat-window", type=float, default=1.0, metavar="SECONDS")
    commands = parser.add_subparsers(dest="command", required=True)
    listen = commands.add_parser("listen", help="print scans as they arrive")
    listen.add_argument(
        "--count",
        type=int,
        default=0,
        help="stop after N scans (0: never; with --simulate, after its texts)",
    )
    listen.add_argument("--json", action="store_true", help='one {"text": ...} object per line')
    return parser


def listen(
    scanner: SerialScanner,
    count: int,
    as_json: bool,
    on_listening: Callable[[], None] | None = None,
) -> int:
    """Print scans until ``count`` have arrived (forever when 0) or the port is lost.

    ``on_listening`` runs once the port is open (the simulator scans its codes then).
    """
    events: queue.Queue[DeviceEvent] = queue.Queue()
    scanner.events.subscribe(events.put)
    scanner.open()
    print(f"listening on {scanner.status.detail}", file=sys.stderr, flush=True)
    if on_listening is not None:
        on_listening()
    seen = 0
    while count <= 0 or seen < count:
        event = events.get()
        if isinstance(event, Scanned):
            seen += 1
            line = json.dumps({"text": event.text}, ensure_ascii=False) if as_json else event.text
            print(line, flush=True)
        elif isinstance(event, ScanError):
            print(f"scan error: {event.reason}", file=sys.stderr, flush=True)
        elif isinstance(event, StatusChanged) and event.status.state is not DeviceState.ONLINE:
            raise DeviceError(event.status.detail or str(event.status.state))
    return EXIT_OK


def _distinct_reads(texts: list[str]) -> int:
    """How many scans ``texts`` make: a text equal to the one before is a suppressed repeat."""
    return sum(1 for i, text in enumerate(texts) if i == 0 or text != texts[i - 1])


@contextmanager
def _source(args: argparse.Namespace) -> Iterator[tuple[str, Callable[[], None]]]:
    """The port to open and what to do once listening: nothing, or the emulator's scans."""
    if args.simulate is None:
        yield args.port, lambda: None
        return
    emulator = ScannerEmulator(Suffix(args.suffix))

    def scan_all() -> None:
        for text in args.simulate:
            emulator.scan(text)

    try:
        yield emulator.port, scan_all
    finally:
        emulator.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = _parser().parse_args(argv)
    with _source(args) as (port, on_listening):
        return _listen(args, port, on_listening)


def _listen(args: argparse.Namespace, port: str, on_listening: Callable[[], None]) -> int:
    settings = ScannerSettings(port, args.baud, Suffix(args.suffix), args.repeat_window)
    scanner = SerialScanner(settings)
    try:
        count = args.count or (_distinct_reads(args.simulate) if args.simulate else 0)
        return listen(scanner, count, args.json, on_listening)
    except DeviceError as error:
        print(f"scanner error: {error}", file=sys.stderr)
        return EXIT_DEVICE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        scanner.close()


if __name__ == "__main__":
    sys.exit(main())
