"""End to end: the 适老模式 tile grows the text, shows where a person helps, and the mode ends
with the session (退出, or the idle timeout, which takes twice as long)."""

from __future__ import annotations

from typing import Any

from kiosk.flow.timeouts import ELDERLY_TIME_FACTOR, IDLE_COUNTDOWN_S, SCREEN_IDLE_S
from ui.bridge.automation import walk

GREETING = "您好，请选择要办理的业务"
"""Home's title: a known text whose size the mode changes."""


def _pixel_size(kiosk: Any, words: str) -> int:
    window = kiosk.app.ui.window
    item = next(
        i for i in walk(window.contentItem())
        if i.inherits("QQuickText") and i.isVisible() and i.property("text") == words
    )
    return int(item.property("font").pixelSize())


def _tap(kiosk: Any, object_name: str) -> None:
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/tap", {"object_name": object_name})
    )
    assert status == 200


def _texts(kiosk: Any) -> list[str]:
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    return [item["text"] for item in state["items"]]


def _switch_on(kiosk: Any) -> int:
    """Tap the tile on home; the greeting's size before."""
    normal = _pixel_size(kiosk, GREETING)
    _tap(kiosk, "home_elderly_mode")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.ui.kiosk.elderly, timeout=5000)
    assert kiosk.screen == "home"
    return normal


def test_the_tile_grows_the_text_names_a_person_and_quit_ends_it(kiosk: Any) -> None:
    normal = _switch_on(kiosk)
    kiosk.qtbot.waitUntil(lambda: _pixel_size(kiosk, GREETING) > normal, timeout=5000)
    assert _pixel_size(kiosk, GREETING) >= round(normal * 1.4)
    texts = _texts(kiosk)
    assert "退出适老模式" in texts
    help_window = kiosk.app.config.terminal.help_window
    assert any("需要帮助" in t and help_window in t for t in texts)

    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    assert kiosk.app.ui.kiosk.elderly, "the mode lasts through the session"
    assert any("需要帮助" in t for t in _texts(kiosk))

    _tap(kiosk, "nav_quit")
    kiosk.wait_screen("home")
    kiosk.qtbot.waitUntil(lambda: not kiosk.app.ui.kiosk.elderly, timeout=5000)
    kiosk.qtbot.waitUntil(lambda: _pixel_size(kiosk, GREETING) == normal, timeout=5000)
    texts = _texts(kiosk)
    assert "适老模式" in texts and "退出适老模式" not in texts
    assert not any("需要帮助" in t for t in texts)


def test_the_idle_timeout_waits_twice_as_long_and_ends_the_mode(kiosk: Any) -> None:
    _switch_on(kiosk)
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.clock.advance(SCREEN_IDLE_S + 1)
    kiosk.app.machine.tick()
    assert not kiosk.app.machine.view.idle_countdown, "the usual idle time is not enough"
    kiosk.clock.advance(SCREEN_IDLE_S * (ELDERLY_TIME_FACTOR - 1))
    kiosk.qtbot.waitUntil(lambda: kiosk.app.ui.kiosk.idleWarning, timeout=5000)
    assert kiosk.app.ui.kiosk.idleSeconds > IDLE_COUNTDOWN_S
    kiosk.clock.advance(IDLE_COUNTDOWN_S * ELDERLY_TIME_FACTOR + 1)
    kiosk.wait_screen("home", 5000)
    assert not kiosk.app.ui.kiosk.elderly
