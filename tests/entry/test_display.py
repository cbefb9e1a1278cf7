"""Without a display the kiosk says what to do instead of letting Qt abort."""

from __future__ import annotations

from entry.display import NO_DISPLAY, display_problem, headless_environment


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
