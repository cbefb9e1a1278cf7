"""End to end: idle countdown and the wipe, printer gating, UI automation, objectNames."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from drivers.base import DeviceClass, MediaStatus
from kiosk.flow.timeouts import FORM_IDLE_S, IDLE_COUNTDOWN_S, SCREEN_IDLE_S
from ui.bridge.automation import actionable, is_button, is_text_input, walk
from ui.privacy import residue


def test_idle_countdown_then_reset_leaves_nothing_of_the_citizen(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    window = kiosk.app.ui.window
    fields = [i for i in walk(window.contentItem()) if is_text_input(i) and i.isVisible()]
    assert fields
    for field in fields:
        field.setProperty("text", "张三 330106198503120015")
    QGuiApplication.clipboard().setText("330106198503120015")
    assert residue(window)

    kiosk.clock.advance(max(SCREEN_IDLE_S, FORM_IDLE_S) + 1)
    kiosk.qtbot.waitUntil(lambda: kiosk.app.ui.kiosk.idleWarning, timeout=5000)
    assert kiosk.app.ui.kiosk.idleSeconds <= IDLE_COUNTDOWN_S
    assert kiosk.screen == "catalogue"

    kiosk.clock.advance(IDLE_COUNTDOWN_S + 1)
    kiosk.wait_screen("home", 5000)
    assert residue(window) == []
    assert kiosk.app.machine.session.is_empty()
    assert kiosk.app.ui.catalogue.query == ""
    assert not kiosk.app.ui.frames.has_frame()


def test_touch_during_countdown_keeps_the_session(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.clock.advance(max(SCREEN_IDLE_S, FORM_IDLE_S) + 1)
    kiosk.qtbot.waitUntil(lambda: kiosk.app.ui.kiosk.idleWarning, timeout=5000)
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/tap", {"object_name": "idle_keep"})
    )
    assert status == 200
    kiosk.qtbot.waitUntil(lambda: not kiosk.app.ui.kiosk.idleWarning, timeout=5000)
    assert kiosk.screen == "catalogue"


def _row(kiosk: Any, code: str) -> dict[str, Any]:
    return next(r for r in kiosk.app.ui.catalogue.results if r["code"] == code)


def test_a4_paper_out_greys_certificates_with_reason_and_recovers(kiosk: Any) -> None:
    """Only the A4 printer gates a certificate: the receipt printer out of paper does not."""
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    matters = kiosk.app.catalogue.snapshot.catalogue.matters
    code = next(m.code for m in matters if m.self_service == "query_print")
    assert _row(kiosk, code)["available"]

    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "out"}))
    receipt = DeviceClass.RECEIPT_PRINTER
    kiosk.qtbot.waitUntil(
        lambda: kiosk.app.devices.statuses()[receipt].media is MediaStatus.OUT, timeout=10000
    )
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/a4-printer", {"paper": "out"}))
    kiosk.qtbot.waitUntil(lambda: not _row(kiosk, code)["available"], timeout=10000)
    assert "缺纸" in _row(kiosk, code)["reason"]
    assert "A4" in _row(kiosk, code)["reason"]

    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/a4-printer", {"paper": "ok"}))
    kiosk.qtbot.waitUntil(lambda: _row(kiosk, code)["available"], timeout=10000)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "ok"}))


def test_ui_automation_lists_taps_and_types(kiosk: Any) -> None:
    status, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    assert status == 200 and state["screen"] == "home"
    names = {i["object_name"] for i in state["items"]}
    assert {"home_services", "home_progress", "home_elderly_mode"} <= names

    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/tap", {"object_name": "home_services"})
    )
    assert status == 200
    kiosk.wait_screen("catalogue")
    body = {"object_name": "catalogue_search", "text": "shebao"}
    status, reply = kiosk.call_off_gui(lambda: kiosk.control("POST", "/ui/type", body))
    assert status == 200 and reply["text"] == "shebao"
    assert kiosk.app.ui.catalogue.query == "shebao"
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/tap", {"object_name": "no_such_button"})
    )
    assert status == 404


def test_every_actionable_item_on_the_main_screens_has_an_object_name(kiosk: Any) -> None:
    window = kiosk.app.ui.window

    def unnamed() -> list[str]:
        return [
            i.metaObject().className()
            for i in walk(window.contentItem())
            if i.isVisible() and (is_button(i) or is_text_input(i)) and not i.objectName()
        ]

    assert unnamed() == []
    kiosk.open_face_matter()
    assert unnamed() == []
    assert any(i.objectName() == "guide_start" for i in actionable(window))
    kiosk.intent("back")
    kiosk.wait_screen("catalogue")
    assert unnamed() == []
