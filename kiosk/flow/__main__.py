"""``python -m kiosk.flow --diagram``: print the flow table as a Mermaid state diagram."""

from __future__ import annotations

import argparse
import sys

from kiosk.flow.diagram import mermaid


def main(argv: list[str] | None = None) -> int:
    """Print what was asked for; the diagram is the only output for now."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.flow", description=__doc__)
    parser.add_argument("--diagram", action="store_true", help="print the Mermaid diagram")
    args = parser.parse_args(argv)
    if not args.diagram:
        parser.print_help()
        return 2
    sys.stdout.write(mermaid())
    return 0


if __name__ == "__main__":
    sys.exit(main())
