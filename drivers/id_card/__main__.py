"""Command line for a SAM ID card reader: read one card, show the SAM ID, or watch events.

    python -m drivers.id_card --port PORT [--baud N] read [--json] [--show-number]
    python -m drivers.id_card --port PORT sam-id
    python -m drivers.id_card --port PORT watch
    python -m drivers.id_card --simulate FIXTURE read --json     (an in-process emulator)
    python -m drivers.id_card emulate [--fixture F]              (serve an emulator, print its port)

Exit status: 0 a card was read (or the command succeeded), 2 no card on the reader, 3 device or
protocol error (one line on stderr). ID numbers are masked unless ``--show-number``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from drivers.base import DeviceEvent, DeviceState, StatusChanged
from drivers.id_card.cardjson import card_to_json
from drivers.id_card.decoding import card_from_data
from drivers.id_card.emulator import IdCardEmulator, fixtures
from drivers.id_card.errors import IdCardError, NoCardError
from drivers.id_card.link import SamLink
from drivers.id_card.privacy import mask_id_number, mask_name
from drivers.id_card.reader import SamReader
from drivers.id_card.types import CardInserted, CardRemoved, IdCard, ReadFailed

EXIT_OK = 0
EXIT_NO_CARD = 2
EXIT_ERROR = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m drivers.id_card", description=__doc__.split("\n")[0]
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--port", help="serial device, pty path or pyserial URL")
    source.add_argument(
        "--simulate", metavar="FIXTURE", choices=fixtures(), help="read from an in-process emulator"
    )
    parser.add_argument("--baud", type=int, default=115200)
    commands = parser.add_subparsers(dest="command", required=True)
    read = commands.add_parser("read", help="read the card on the reader once")
    read.add_argument("--json", action="store_true", help="print one JSON object")
    read.add_argument("--show-number", action="store_true", help="do not mask the ID number")
    read.add_argument("--fingerprint", action="store_true", help="read fingerprints too (30 10)")
    read.add_argument(
        "--today", type=date.fromisoformat, default=None, help="date for 'expired' (YYYY-MM-DD)"
    )
    commands.add_parser("sam-id", help="print the SAM ID")
    commands.add_parser("watch", help="print card and status events until interrupted")
    emulate = commands.add_parser("emulate", help="run an emulator and print its port")
    emulate.add_argument("--fixture", choices=fixtures(), help="card on the reader at start")
    return parser


@contextmanager
def _port(args: argparse.Namespace) -> Iterator[str]:
    """The port to use: ``--port``, or an emulator's pty for ``--simulate``."""
    if args.simulate is None:
        if args.port is None:
            raise SystemExit("error: --port or --simulate is required")
        yield args.port
        return
    emulator = IdCardEmulator(baud=args.baud)
    emulator.place(args.simulate)
    emulator.start()
    try:
        yield emulator.port
    finally:
        emulator.stop()


def _describe(card: IdCard, show_number: bool) -> str:
    number = card.id_number if show_number else mask_id_number(card.id_number)
    valid = "" if card.id_number_valid else " (check digit wrong)"
    return f"{card.card_type.value}: {mask_name(card.name)} {number}{valid}"


def _read(args: argparse.Namespace, port: str) -> int:
    with SamLink(port, args.baud) as link:
        card = card_from_data(link.read_present_card(args.fingerprint), decoder=None)
    record = card_to_json(card, args.today or date.today(), args.show_number)
    if args.json:
        print(json.dumps(record, ensure_ascii=False))
        return EXIT_OK
    for key, value in record.items():
        print(f"{key:17} {value}")
    return EXIT_OK


def _sam_id(args: argparse.Namespace, port: str) -> int:
    with SamLink(port, args.baud) as link:
        link.sam_status()
        print(link.sam_id())
    return EXIT_OK


def _print_event(event: DeviceEvent) -> None:
    if isinstance(event, CardInserted):
        print(f"card inserted  {_describe(event.card, show_number=False)}", flush=True)
    elif isinstance(event, CardRemoved):
        print("card removed", flush=True)
    elif isinstance(event, ReadFailed):
        print(f"read failed    {event.error}", flush=True)
    elif isinstance(event, StatusChanged):
        print(f"status         {event.status.state} {event.status.detail}", flush=True)


def _wait_for_interrupt(done: threading.Event) -> None:
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        return


def _watch(args: argparse.Namespace, port: str) -> int:
    reader = SamReader(port, args.baud)
    done = threading.Event()

    def on_event(event: DeviceEvent) -> None:
        _print_event(event)
        if isinstance(event, StatusChanged) and event.status.state is DeviceState.OFFLINE:
            done.set()

    reader.events.subscribe(on_event)
    reader.open()
    try:
        _wait_for_interrupt(done)
    finally:
        reader.close()
    return EXIT_OK


def _emulate(args: argparse.Namespace) -> int:
    emulator = IdCardEmulator(baud=args.baud, pace=True)
    if args.fixture:
        emulator.place(args.fixture)
    emulator.start()
    print(emulator.port, flush=True)
    try:
        _wait_for_interrupt(threading.Event())
    finally:
        emulator.stop()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "emulate":
        return _emulate(args)
    commands = {"read": _read, "sam-id": _sam_id, "watch": _watch}
    try:
        with _port(args) as port:
            return commands[args.command](args, port)
    except NoCardError as error:
        print(f"no card: {error}", file=sys.stderr)
        return EXIT_NO_CARD
    except IdCardError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
