"""Technician CLI: ``python -m drivers.printer --port PORT status [--json] | test-page``.

``--simulate`` instead of ``--port`` starts the printer emulator on a pty and talks to it
through the real driver (try the CLI without hardware); a test page is then saved as a PNG and
a JSON record under ``--receipts-dir`` and the PNG's path is printed.

Exit 0 on success, 3 on a device error (one line on stderr), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from drivers.base import DeviceError
from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.printer import EscPosPrinter
from drivers.printer.profile import ENCODINGS, PAPER_DOTS, PrinterProfile
from drivers.printer.sample import test_page
from drivers.printer.transports.serial_port import SerialTransport

EXIT_DEVICE_ERROR = 3
#: How long ``--simulate`` waits for the emulator to save the cut test page.
RECEIPT_WAIT_S = 10.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m drivers.printer", description=__doc__)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--port", help="serial port, pty or socket://host:port")
    source.add_argument(
        "--simulate", action="store_true", help="talk to an in-process printer emulator"
    )
    parser.add_argument(
        "--receipts-dir",
        type=Path,
        default=Path("var/sim-receipts"),
        help="where --simulate saves printed receipts (PNG + JSON)",
    )
    parser.add_argument("--baud", type=int, default=115200)
    parser.add_argument("--encoding", choices=ENCODINGS, default="gb18030")
    parser.add_argument("--paper-width-mm", type=int, choices=sorted(PAPER_DOTS), default=80)
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="print state and media")
    status.add_argument("--json", action="store_true", help="print {state, media} as JSON")
    commands.add_parser("test-page", help="print a test page")
    return parser


@contextmanager
def _emulator(
    args: argparse.Namespace, profile: PrinterProfile
) -> Iterator[ReceiptPrinterEmulator | None]:
    """The emulator ``--simulate`` asks for (stopped afterwards), else None."""
    if not args.simulate:
        yield None
        return
    emulator = ReceiptPrinterEmulator(args.receipts_dir, profile.encoding, profile=profile)
    try:
        yield emulator
    finally:
        emulator.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command against the printer; returns the exit code."""
    args = _parser().parse_args(argv)
    profile = PrinterProfile(encoding=args.encoding, paper_dots=PAPER_DOTS[args.paper_width_mm])
    with _emulator(args, profile) as emulator:
        port = args.port if emulator is None else emulator.port
        return _run(args, EscPosPrinter(SerialTransport(port, args.baud), profile), emulator)


def _run(
    args: argparse.Namespace, printer: EscPosPrinter, emulator: ReceiptPrinterEmulator | None
) -> int:
    try:
        printer.open()
        if args.command == "status":
            status = printer.status
            if args.json:
                print(json.dumps({"state": status.state.value, "media": status.media.value}))
            else:
                print(f"state: {status.state}, media: {status.media} {status.detail}".rstrip())
            if not status.usable:
                print(f"printer not ready: {status.detail}", file=sys.stderr)
                return EXIT_DEVICE_ERROR
            return 0
        result = printer.print_document(test_page(printer.capabilities.model))
        if not result.ok:
            print(f"test page failed: {result.reason}", file=sys.stderr)
            return EXIT_DEVICE_ERROR
        print(f"test page printed ({result.bytes_sent} bytes)")
        if emulator is not None:
            if not emulator.wait_for_receipts(1, RECEIPT_WAIT_S):
                print("the emulator saved no receipt", file=sys.stderr)
                return EXIT_DEVICE_ERROR
            print(f"saved {emulator.receipts()[-1]['png']}")
        return 0
    except DeviceError as error:
        print(f"printer error: {error}", file=sys.stderr)
        return EXIT_DEVICE_ERROR
    finally:
        printer.close()


if __name__ == "__main__":
    sys.exit(main())
