"""``python -m kiosk.maintenance hash-pin``: read a technician PIN on standard input and
print the ``[maintenance] pin_hash`` value to paste into the terminal's site config.

The PIN is read from the first line of standard input (typed without echo at a terminal),
so it never appears in the shell history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence

from kiosk.maintenance.pin import PinFormatError, hash_pin

EXIT_BAD_PIN = 2


def _read_pin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Technician PIN (6-12 digits): ")
    return sys.stdin.readline().strip()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 printed, 2 not a valid PIN)."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.maintenance")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("hash-pin", help="hash a PIN read from standard input")
    parser.parse_args(argv)
    try:
        encoded = hash_pin(_read_pin())
    except PinFormatError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_PIN
    print("paste this line into [maintenance] of the terminal's site config:", file=sys.stderr)
    print(f'pin_hash = "{encoded}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
