"""Is there a screen to show the kiosk on? Say what to do before Qt aborts with a misleading
message ("xcb-cursor0 is needed… reinstalling may fix this") when there is none."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"})
"""Qt platforms that need no X or Wayland session (rendering to memory or straight to a
framebuffer/DRM device)."""

NO_DISPLAY = (
    "no display to show the kiosk on: neither DISPLAY nor WAYLAND_DISPLAY is set.\n"
    "  - run it from a desktop session, or\n"
    "  - on a virtual screen: xvfb-run -a ./dev run   (Debian package xvfb), or\n"
    "  - render one screen to a file: ./dev run --screenshot home.png [--screen ID]"
)


def display_problem(environ: Mapping[str, str], screenshot: bool) -> str | None:
    """Why the kiosk cannot open a window here, or None when it can (or needs none)."""
    platform = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip()
    if screenshot or platform in HEADLESS_PLATFORMS:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def headless_environment(environ: MutableMapping[str, str]) -> None:
    """A ``--screenshot`` run without a display renders offscreen instead of aborting."""
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def choose_renderer(environ: MutableMapping[str, str], renderer: str) -> None:
    """Qt Quick's scene graph backend for ``[terminal] renderer`` (before the
    ``QGuiApplication`` exists): ``software`` sets ``QT_QUICK_BACKEND=software``; ``opengl``
    leaves Qt's default (the GPU through OpenGL). A ``QT_QUICK_BACKEND`` already in the
    environment wins."""
    if renderer == "software":
        environ.setdefault("QT_QUICK_BACKEND", "software")
