"""``python -m kiosk [--simulate] [--config FILE ...] [--windowed]
[--screenshot FILE.png [--screen ID] [--size 1080x1920]]`` (also ``kiosk``, ``python -m entry``).

Production (no ``--windowed``): full screen, frameless, no way out by keyboard. With
``--screenshot`` the kiosk walks to the screen (simulated devices only), renders it once the
frame is up, writes the PNG and exits.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ui.keyboard import prepare_environment, remove_user_data


def parse_size(text: str) -> tuple[int, int]:
    """``1080x1920`` → (1080, 1920)."""
    try:
        width, height = (int(part) for part in text.lower().split("x", 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1080x1920, not {text!r}") from None
    return width, height


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m kiosk", description="政务服务自助终端")
    parser.add_argument("--simulate", action="store_true", help="use every device's simulator")
    parser.add_argument("--config", action="append", type=Path, default=[], metavar="FILE",
                        help="a TOML file layered over config/default.toml (repeatable)")
    parser.add_argument("--windowed", action="store_true",
                        help="a normal window instead of full screen (development)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render one screen to a PNG and exit")
    parser.add_argument("--screen", default="home", help="the screen to render (default home)")
    parser.add_argument("--size", type=parse_size, default=(1080, 1920), help="WIDTHxHEIGHT")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the kiosk until the process is stopped (or one screenshot is written)."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    user_data = prepare_environment()
    try:
        from PySide6.QtGui import QGuiApplication

        from entry.app import KioskApp, RunOptions
        from kiosk import config as kiosk_config

        app = QGuiApplication(sys.argv[:1])
        app.setApplicationName("gov-kiosk")
        config = kiosk_config.load(args.config, simulate=args.simulate)
        production = not args.windowed and args.screenshot is None
        options = RunOptions(args.size, production, 0 if args.screenshot else None)
        kiosk = KioskApp(config, options).start()
        try:
            if args.screenshot is not None:
                from entry.screenshots import capture

                capture(kiosk, args.screen, args.screenshot)
                return 0
            return app.exec()
        finally:
            kiosk.stop()
    finally:
        remove_user_data(user_data)


if __name__ == "__main__":
    raise SystemExit(main())
