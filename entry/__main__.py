"""``python -m kiosk [--simulate] [--config FILE ...] [--windowed | --fullscreen]
[--screenshot FILE.png [--screen ID] [--size 1080x1920]]`` (also ``kiosk``, ``python -m entry``).

Full screen, frameless and with no way out by keyboard when ``[terminal] fullscreen`` says so
(the terminal profiles) or with ``--fullscreen``; a normal window otherwise. With
``--screenshot`` the kiosk walks to the screen (simulated devices only), renders it once the
frame is up, writes the PNG and exits. SIGTERM/SIGINT stop it in order; temporary files left
by a kiosk that was killed are removed at start.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from drivers.tempfiles import remove_stale
from entry.display import choose_renderer, display_problem, headless_environment
from entry.memory import limit_malloc_retention
from entry.pyside_feature import read_sources_without_keeping
from ui.keyboard import prepare_environment, remove_user_data

CONFIG_PROBLEM_EXIT = 78
"""A terminal's configuration is not fit to serve (EX_CONFIG); the problems are printed."""


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
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument("--windowed", action="store_true",
                        help="a normal window, whatever [terminal] fullscreen says")
    screen.add_argument("--fullscreen", action="store_true",
                        help="full screen, frameless, no way out (as a terminal runs)")
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
    limit_malloc_retention()
    screenshot = args.screenshot is not None
    if screenshot:
        headless_environment(os.environ)
    problem = display_problem(os.environ, screenshot)
    if problem is not None:
        print(f"kiosk: {problem}", file=sys.stderr)
        return 3
    remove_stale()
    user_data = prepare_environment()
    try:
        from PySide6.QtGui import QGuiApplication

        read_sources_without_keeping()  # before the kiosk's modules: see entry.pyside_feature
        from drivers.config import ConfigError
        from entry.app import KioskApp, RunOptions
        from entry.idle_restart import IdleRestartTimer
        from entry.signals import quit_on_stop_signals
        from entry.watchdog import Watchdog
        from kiosk import config as kiosk_config
        from kiosk.config_check import check_terminal, is_terminal
        from kiosk.maintenance.site_config import with_site_file
        from kiosk.uptime import IdleRestart

        try:
            config = kiosk_config.load(args.config, simulate=args.simulate)
            config = with_site_file(config, simulate=args.simulate)
        except ConfigError as error:
            print(f"kiosk: configuration error: {error}", file=sys.stderr)
            return 2
        problems = check_terminal(config) if is_terminal(config, args.simulate) else []
        for unfit in problems:
            print(f"kiosk: refusing to start: {unfit}", file=sys.stderr)
        if problems:
            return CONFIG_PROBLEM_EXIT
        choose_renderer(os.environ, config.terminal.renderer)
        app = QGuiApplication(sys.argv[:1])
        app.setApplicationName("gov-kiosk")
        fullscreen = (config.terminal.fullscreen or args.fullscreen) and not args.windowed
        production = fullscreen and not screenshot
        # Full screen takes the screen's size: under cage the fullscreen configure carries none.
        screen = app.primaryScreen().size()
        size = (screen.width(), screen.height()) if production else args.size
        options = RunOptions(size, production, 0 if screenshot else None)
        kiosk = KioskApp(config, options)
        stops = quit_on_stop_signals(app)
        watchdog = Watchdog()
        restart = IdleRestartTimer(IdleRestart(config.terminal.restart), kiosk.machine)
        if not screenshot:
            watchdog.ready_after_first_frame(kiosk.ui.window)
        try:
            kiosk.start()
            if args.screenshot is not None:
                from entry.screenshots import capture

                capture(kiosk, args.screen, args.screenshot)
                return 0
            restart.start()
            if stops.requested:  # a stop signal came while starting: Qt dropped its exit()
                return 0
            return app.exec()
        finally:
            restart.stop()
            watchdog.stopping()
            kiosk.stop()
            stops.restore()
    finally:
        remove_user_data(user_data)


if __name__ == "__main__":
    raise SystemExit(main())
