"""``python -m kiosk.audit verify FILE…``: check audit files as one hash chain.

Give the files oldest first (``audit-*.jsonl`` sorts so). Prints one line per problem
(``file:line: edited|removed|inserted|unreadable: …``) and a summary. Exit codes: 0 intact,
1 tampering found, 2 a file could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.audit.verify import verify

EXIT_INTACT = 0
EXIT_TAMPERED = 1
EXIT_UNREADABLE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.audit")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("verify", help="check audit files, oldest first")
    check.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    try:
        report = verify(args.files)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    for finding in report.findings:
        print(finding)
    if report.intact:
        print(f"{report.records} records in {len(args.files)} file(s): chain intact")
        return EXIT_INTACT
    print(
        f"{report.records} records in {len(args.files)} file(s): {len(report.findings)} problem(s)"
    )
    return EXIT_TAMPERED


if __name__ == "__main__":
    sys.exit(main())
