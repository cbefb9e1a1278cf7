"""End to end (issue 10): answers tied to the card, refused and unreachable platform calls,
and the catalogue and keyboard layouts, with simulated devices, platform and real QML."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem

from drivers.base import DeviceClass
from drivers.scanner.emulator import ScannerEmulator
from entry.screenshots import _focus
from platform_sim import Fault, FaultKind


def _to_consent(kiosk: Any) -> None:
    kiosk.open_face_matter()
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    kiosk.app.devices.simulator(DeviceClass.ID_CARD_READER).place("resident")
    kiosk.wait_screen("face_consent")
    kiosk.app.devices.simulator(DeviceClass.CAMERA).show("face")


def _item(kiosk: Any, name: str) -> QQuickItem:
    item = kiosk.app.ui.window.findChild(QQuickItem, name)
    assert item is not None, name
    return item


def _visual_child(item: QQuickItem, name: str) -> QQuickItem | None:
    """A delegate by name (a view's delegates are visual children, not QObject children)."""
    for child in item.childItems():
        if child.objectName() == name:
            return child
        found = _visual_child(child, name)
        if found is not None:
            return found
    return None


def _scene_rect(item: QQuickItem) -> tuple[float, float, float, float]:
    top_left = item.mapToScene(item.boundingRect().topLeft())
    return top_left.x(), top_left.y(), item.width(), item.height()


def test_a_verification_answered_for_another_person_is_refused(kiosk: Any) -> None:
    _to_consent(kiosk)
    other = {
        "verified": True, "similarity": 0.95, "threshold": 0.8,
        "verification_id": "ver-someone-else", "expires_at": "2030-01-01T00:00:00Z",
        "person": {"name": "李娜", "id_number": "110101199003070028"},
    }
    fault = Fault(FaultKind.RESPOND, status=200, operation="verifyIdentity",
                  body=json.dumps(other).encode(),
                  headers={"Content-Type": "application/json"})
    kiosk.app.backend.platform_sim.faults.add(fault, 1)
    kiosk.intent("consent")
    kiosk.wait_screen("refer_to_window", 20000)
    ui = kiosk.app.ui
    assert ui.kiosk.title == "核验结果与证件不符"
    assert ui.identity.maskedName == ""
    assert kiosk.app.machine.session.verification is None
    assert "李" not in ui.kiosk.body


def test_an_invalid_login_code_is_called_that_not_a_network_problem(kiosk: Any) -> None:
    kiosk.intent("qr_login")
    kiosk.wait_screen("qr_login")
    scanner = kiosk.app.devices.simulator_as(DeviceClass.QR_SCANNER, ScannerEmulator)
    kiosk.qtbot.waitUntil(lambda: scanner.scan("zjzwfw://login?token=nobody"), timeout=5000)
    kiosk.qtbot.waitUntil(lambda: "登录码" in kiosk.app.ui.kiosk.body, timeout=20000)
    assert kiosk.screen == "qr_login"
    assert "网络" not in kiosk.app.ui.kiosk.body


def test_platform_unreachable_during_face_verification_offers_what_still_works(
    kiosk: Any,
) -> None:
    _to_consent(kiosk)
    kiosk.app.backend.platform_sim.set_offline(True)
    kiosk.intent("consent")
    kiosk.wait_screen("verification_unavailable", 30000)
    assert [a["id"] for a in kiosk.app.ui.kiosk.actions] == ["window", "home"]
    kiosk.intent("window")
    kiosk.wait_screen("refer_to_window")
    assert "综合受理区" in kiosk.app.ui.kiosk.body


def test_the_way_back_stays_visible_above_the_open_keyboard(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    _focus("catalogue_search")(kiosk.app)
    nav, keyboard = _item(kiosk, "nav"), _item(kiosk, "keyboard")
    kiosk.qtbot.waitUntil(
        lambda: _scene_rect(keyboard)[1] + keyboard.height() <= kiosk.app.ui.window.height() + 1,
        timeout=5000,
    )
    assert nav.isVisible()
    _, nav_y, _, nav_h = _scene_rect(nav)
    assert nav_y + nav_h <= _scene_rect(keyboard)[1] + 1


def test_the_selected_theme_chip_stays_in_view(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    catalogue = kiosk.app.ui.catalogue
    kiosk.qtbot.waitUntil(lambda: len(catalogue.groups) > 6, timeout=15000)
    last = len(catalogue.groups) - 1
    catalogue.selectGroup(catalogue.groups[last])
    chips = _item(kiosk, "catalogue_groups")

    def chip_in_view() -> bool:
        chip = _visual_child(chips, f"group_{last}")
        if chip is None:
            return False
        x, _, width, _ = _scene_rect(chip)
        left, _, chips_width, _ = _scene_rect(chips)
        return left - 1 <= x and x + width <= left + chips_width + 1

    kiosk.qtbot.waitUntil(chip_in_view, timeout=5000)


@pytest.mark.parametrize("kiosk", [{"size": (1920, 1080)}], indirect=True, ids=["landscape"])
def test_the_landscape_catalogue_list_keeps_most_of_the_height(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    results = _item(kiosk, "catalogue_results")
    kiosk.qtbot.waitUntil(lambda: results.height() > 0, timeout=5000)
    assert results.height() >= 0.5 * kiosk.app.ui.window.height()
