"""``python -m platform_sim``: serve the simulated platform until interrupted.

The data directory defaults to ``var/platform-sim`` under the working directory, not under
the package, so an installed simulator keeps its state where it is started."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from pathlib import Path

from platform_sim.server import DEFAULT_TERMINAL_ID, start_simulator

DEFAULT_DATA_DIR = Path("var") / "platform-sim"


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, start the simulator and wait for SIGINT or SIGTERM."""
    parser = argparse.ArgumentParser(prog="python -m platform_sim", description=__doc__)
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="CA, certificates, terminal secret and state (default: %(default)s)",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument(
        "--terminal-id",
        action="append",
        dest="terminal_ids",
        help=f"a terminal allowed to call (repeatable; default {DEFAULT_TERMINAL_ID})",
    )
    parser.add_argument(
        "--mtls",
        action="store_true",
        help="require client certificates issued by the simulator's CA",
    )
    parser.add_argument(
        "--client-ca", type=Path, help="require client certificates issued by this CA instead"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    running = start_simulator(
        args.data_dir,
        args.host,
        args.port,
        terminal_ids=args.terminal_ids or (DEFAULT_TERMINAL_ID,),
        mtls=args.mtls,
        client_ca=args.client_ca,
    )
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    logging.getLogger(__name__).info(
        "simulated platform on %s (CA %s)", running.base_url, running.ca_file
    )
    stopping.wait()
    running.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
