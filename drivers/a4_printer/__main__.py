"""Technician CLI: ``python -m drivers.a4_printer [--simulate | --uri URI] status [--json] |
test-page``.

``--uri`` is the printer's IPP URI (a CUPS queue ``ipp://localhost:631/printers/NAME`` or a
network printer ``ipp://HOST/ipp/print``); ``--simulate`` starts the IPP simulator and talks
to it instead. Exit 0 on success, 3 on a device error (one line on stderr), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime

from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.a4_printer.ipp import IppClient
from drivers.a4_printer.printer import IppA4Printer
from drivers.a4_printer.status import job_blocker
from drivers.a4_printer.testpage import test_page_pdf
from drivers.a4_printer.types import A4Timings
from drivers.base import DeviceError

EXIT_DEVICE_ERROR = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m drivers.a4_printer", description=__doc__)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--uri", help="IPP URI of the printer or CUPS queue")
    target.add_argument("--simulate", action="store_true", help="use the IPP simulator")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for a job")
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="print state and media")
    status.add_argument("--json", action="store_true", help="print {state, media, detail} as JSON")
    commands.add_parser("test-page", help="print an A4 test page and follow the job")
    return parser


def _run(printer: IppA4Printer, args: argparse.Namespace) -> int:
    printer.open()
    if args.command == "status":
        status = printer.status
        if args.json:
            print(
                json.dumps({"state": status.state, "media": status.media, "detail": status.detail})
            )
        else:
            print(f"state: {status.state}, media: {status.media} {status.detail}".rstrip())
        blocker = job_blocker(status)
        if blocker is not None:
            print(f"printer not ready: {blocker}", file=sys.stderr)
            return EXIT_DEVICE_ERROR
        return 0
    pdf = test_page_pdf(printer.capabilities.model, datetime.now().astimezone())
    result = printer.print_pdf(pdf, "A4 test page")
    if not result.ok:
        print(f"test page failed: {result.reason}", file=sys.stderr)
        return EXIT_DEVICE_ERROR
    print(f"test page printed (job {result.job_id}, {len(pdf)} bytes)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command against the printer; returns the exit code."""
    args = _parser().parse_args(argv)
    timings = A4Timings(job_timeout_s=args.timeout)
    simulator = A4PrinterEmulator() if args.simulate else None
    uri = simulator.uri if simulator is not None else args.uri
    printer = IppA4Printer(IppClient(uri, timings.request_timeout_s), timings)
    try:
        return _run(printer, args)
    except DeviceError as error:
        print(f"printer error: {error}", file=sys.stderr)
        return EXIT_DEVICE_ERROR
    finally:
        printer.close()
        if simulator is not None:
            simulator.stop()


if __name__ == "__main__":
    sys.exit(main())
