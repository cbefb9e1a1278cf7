"""Command line for the platform client and the outbox, for technicians and scripts.

    python -m kiosk.platform --base-url URL --ca CAFILE --terminal-id ID --secret SECRET \\
        [--sign-alg HMAC-SHA256|SM3-HMAC] catalogue [--json]
    python -m kiosk.platform --data-dir DIR outbox status [--json]
    python -m kiosk.platform --data-dir DIR --base-url URL --ca ... outbox flush

Exit status: 0 success, 2 usage, 4 the platform refused (problem ``code`` on stderr) or
answered outside the contract, 5 the platform could not be reached.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.outbox.store import OutboxStore
from kiosk.outbox.worker import OutboxWorker
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable
from kiosk.platform.exchange import Timeouts, TlsSettings
from kiosk.platform.transport import Transport
from platform_api.signing import SignAlg, Signer

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_PLATFORM_ERROR = 4
EXIT_UNREACHABLE = 5


def parser() -> argparse.ArgumentParser:
    """The argument parser (global platform options, then a command)."""
    p = argparse.ArgumentParser(prog="python -m kiosk.platform", description=__doc__.split("\n")[0])
    p.add_argument("--base-url", help="platform URL, e.g. https://127.0.0.1:8443")
    p.add_argument("--ca", type=Path, help="CA bundle that verifies the platform (PEM)")
    p.add_argument("--client-cert", type=Path, help="terminal certificate for mTLS (PEM)")
    p.add_argument("--client-key", type=Path, help="key of the terminal certificate (PEM)")
    p.add_argument("--terminal-id", help="this terminal's id (X-Terminal-Id)")
    secret = p.add_mutually_exclusive_group()
    secret.add_argument("--secret", help="terminal secret")
    secret.add_argument("--secret-file", type=Path, help="file holding the terminal secret")
    p.add_argument("--sign-alg", choices=[a.value for a in SignAlg], default="HMAC-SHA256")
    p.add_argument("--timeout", type=float, default=10.0, help="read timeout in seconds")
    p.add_argument("--data-dir", type=Path, default=Path("var"), help="kiosk data directory")
    commands = p.add_subparsers(dest="command", required=True)
    catalogue = commands.add_parser("catalogue", help="fetch the catalogue and count it")
    catalogue.add_argument("--json", action="store_true", help="print JSON")
    catalogue.add_argument("--region", help="administrative division code (6 digits)")
    outbox = commands.add_parser("outbox", help="the outbox in --data-dir")
    outbox_commands = outbox.add_subparsers(dest="outbox_command", required=True)
    status = outbox_commands.add_parser("status", help="depth, oldest age, dead letters")
    status.add_argument("--json", action="store_true", help="print JSON")
    outbox_commands.add_parser("flush", help="deliver the queue now")
    return p


def _client(args: argparse.Namespace, p: argparse.ArgumentParser) -> PlatformClient:
    if not (args.base_url and args.terminal_id and (args.secret or args.secret_file)):
        p.error("this command needs --base-url, --terminal-id and --secret or --secret-file")
    secret = args.secret.encode("utf-8") if args.secret else args.secret_file.read_bytes().strip()
    signer = Signer(args.terminal_id, secret, SignAlg(args.sign_alg))
    tls = TlsSettings(args.ca, args.client_cert, args.client_key)
    return PlatformClient(Transport(args.base_url, signer, tls, Timeouts(3.0, args.timeout)))


def _catalogue(client: PlatformClient, as_json: bool, region: str | None) -> int:
    fetch = client.get_catalogue(region=region)
    catalogue = fetch.catalogue
    if catalogue is None:
        raise MalformedResponse(304, "not modified, but no ETag was sent")
    counts = {
        "version": catalogue.version,
        "matters": len(catalogue.matters),
        "bundles": len(catalogue.bundles),
    }
    if as_json:
        print(json.dumps(counts, ensure_ascii=False))
    else:
        print(
            f"catalogue {catalogue.version}: {counts['matters']} matters, "
            f"{counts['bundles']} bundles"
        )
    return EXIT_OK


def _status(store: OutboxStore, as_json: bool) -> int:
    status = store.status()
    if as_json:
        print(json.dumps(vars(status), ensure_ascii=False))
    else:
        age = "-" if status.oldest_age_s is None else f"{status.oldest_age_s} s"
        print(f"queued: {status.depth}  oldest: {age}  dead letters: {status.dead_letters}")
        if status.last_error:
            print(f"last error: {status.last_error}")
    return EXIT_OK


def _flush(store: OutboxStore, client: PlatformClient) -> int:
    report = OutboxWorker(store, client).drain()
    status = store.status()
    print(f"delivered: {report.delivered}  rejected: {report.rejected}  queued: {status.depth}")
    if report.stopped_on_failure:
        print(f"stopped: {status.last_error}", file=sys.stderr)
        return EXIT_UNREACHABLE
    return EXIT_PLATFORM_ERROR if report.rejected else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    p = parser()
    args = p.parse_args(argv)
    try:
        if args.command == "catalogue":
            return _catalogue(_client(args, p), args.json, args.region)
        store = OutboxStore.in_data_dir(args.data_dir)
        try:
            if args.outbox_command == "status":
                return _status(store, args.json)
            return _flush(store, _client(args, p))
        finally:
            store.close()
    except PlatformError as error:
        print(f"platform error {error.status} {error.code}: {error.detail}", file=sys.stderr)
        return EXIT_PLATFORM_ERROR
    except MalformedResponse as error:
        print(f"platform error malformed_response: {error}", file=sys.stderr)
        return EXIT_PLATFORM_ERROR
    except PlatformUnreachable as error:
        print(f"platform unreachable: {error.reason}", file=sys.stderr)
        return EXIT_UNREACHABLE


if __name__ == "__main__":
    sys.exit(main())
