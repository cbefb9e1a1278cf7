"""Without a display the kiosk says what to do instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from entry.display import NO_DISPLAY, choose_renderer, display_problem, headless_environment


def test_no_display_and_no_headless_platform_is_a_problem_with_the_ways_out() -> None:
    problem = display_problem({}, screenshot=False)
    assert problem == NO_DISPLAY
    assert "xvfb-run" in problem and "--screenshot" in problem


def test_an_x_or_wayland_session_or_a_headless_platform_is_fine() -> None:
    assert display_problem({"DISPLAY": ":0"}, screenshot=False) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, screenshot=False) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, screenshot=False) is None
    assert display_problem({"QT_QPA_PLATFORM": "eglfs:/dev/dri/card0"}, screenshot=False) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, screenshot=False) == NO_DISPLAY


def test_a_screenshot_without_a_display_renders_offscreen() -> None:
    environ: dict[str, str] = {}
    headless_environment(environ)
    assert environ == {"QT_QPA_PLATFORM": "offscreen"}
    with_display = {"DISPLAY": ":1"}
    headless_environment(with_display)
    assert "QT_QPA_PLATFORM" not in with_display


def test_the_software_renderer_is_chosen_unless_the_environment_or_config_says_otherwise() -> None:
    software: dict[str, str] = {}
    choose_renderer(software, "software")
    assert software == {"QT_QUICK_BACKEND": "software"}
    gpu: dict[str, str] = {}
    choose_renderer(gpu, "opengl")
    assert gpu == {}
    chosen = {"QT_QUICK_BACKEND": "rhi"}
    choose_renderer(chosen, "software")
    assert chosen == {"QT_QUICK_BACKEND": "rhi"}


def test_the_kiosk_asks_qt_for_the_configured_renderer(tmp_path: Path) -> None:
    """``python -m kiosk`` sets Qt Quick's backend from ``[terminal] renderer`` before Qt
    starts (the offscreen platform draws in software either way, so the request is checked)."""
    probe = (
        "import atexit, os, sys\n"
        "atexit.register(lambda: print('BACKEND', os.environ.get('QT_QUICK_BACKEND', 'default')))\n"
        "from entry.__main__ import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    site = tmp_path / "site.toml"
    for renderer, backend in (("software", "software"), ("opengl", "default")):
        site.write_text(
            f'[terminal]\nrenderer = "{renderer}"\ndata_dir = "{tmp_path / "data"}"\n',
            encoding="utf-8",
        )
        environ = {k: v for k, v in os.environ.items() if k != "QT_QUICK_BACKEND"}
        out = subprocess.run(
            [sys.executable, "-c", probe, "--simulate", "--config", str(site),
             "--screenshot", str(tmp_path / "home.png")],
            capture_output=True, text=True, timeout=120, env=environ, check=False,
        )
        assert f"BACKEND {backend}" in out.stdout, (out.stdout[-500:], out.stderr[-1500:])
