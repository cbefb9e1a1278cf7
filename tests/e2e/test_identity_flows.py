"""End to end: the citizen's identity paths with simulated devices and platform."""

from __future__ import annotations

from typing import Any

import pytest

from drivers.base import DeviceClass
from drivers.id_card.protocol import Request, SamCommand
from drivers.scanner.emulator import ScannerEmulator


def _to_consent(kiosk: Any, fixture: str) -> None:
    kiosk.open_face_matter()
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    body = {"fixture": fixture}
    status, _ = kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/id-card", body))
    assert status == 200
    kiosk.wait_screen("face_consent")


def test_search_guide_card_and_face_reach_verified_with_masked_name(kiosk: Any) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    catalogue = kiosk.app.ui.catalogue
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    catalogue.search("chusheng")
    assert any("出生" in row["name"] for row in catalogue.results)
    _to_consent(kiosk, "resident")
    kiosk.app.devices.simulator(DeviceClass.CAMERA).show("face")
    kiosk.intent("consent")
    kiosk.wait_screen("verified", 20000)
    assert kiosk.app.ui.identity.maskedName == "张*"


def test_three_face_mismatches_refer_to_the_window(kiosk: Any) -> None:
    kiosk.app.devices.simulator(DeviceClass.CAMERA).show("face")
    _to_consent(kiosk, "face_mismatch")
    kiosk.intent("consent")
    for _ in range(2):
        kiosk.wait_screen("face_retry", 20000)
        kiosk.intent("retry_face")
    kiosk.wait_screen("refer_to_window", 20000)


def test_declining_face_consent_offers_qr_login_and_the_window(kiosk: Any) -> None:
    _to_consent(kiosk, "resident")
    kiosk.intent("decline")
    kiosk.wait_screen("identity_choice")
    actions = [a["id"] for a in kiosk.app.ui.kiosk.actions]
    assert actions == ["qr_login", "window"]
    kiosk.intent("window")
    kiosk.wait_screen("refer_to_window")


@pytest.mark.parametrize(
    "kiosk", [{}, {"qr_scanner": {"manual_trigger": True}}], indirect=True,
    ids=["always_on_scanner", "manual_trigger_scanner"],
)
def test_qr_login_with_the_provincial_app_code_verifies(kiosk: Any) -> None:
    kiosk.intent("qr_login")
    kiosk.wait_screen("qr_login")
    scanner = kiosk.app.devices.simulator_as(DeviceClass.QR_SCANNER, ScannerEmulator)
    # A manual-trigger engine takes the code once the screen has switched it on.
    kiosk.qtbot.waitUntil(lambda: scanner.scan("zjzwfw://login?token=resident"), timeout=5000)
    kiosk.wait_screen("verified", 20000)
    assert kiosk.app.ui.identity.maskedName == "张*"


def test_expired_card_shows_its_error_screen(kiosk: Any) -> None:
    kiosk.open_face_matter()
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    kiosk.app.devices.simulator(DeviceClass.ID_CARD_READER).place("expired")
    kiosk.wait_screen("card_expired")
    assert kiosk.app.ui.kiosk.title == "证件已过有效期"


def test_card_taken_away_during_the_read_shows_card_removed(kiosk: Any) -> None:
    kiosk.open_face_matter()
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    emulator = kiosk.app.devices.simulator(DeviceClass.ID_CARD_READER)

    def take_card_on_read(request: Request) -> None:
        if (request.cmd, request.para) == SamCommand.READ.value:
            emulator.remove()

    emulator.set_request_hook(take_card_on_read)
    emulator.place("resident")
    kiosk.wait_screen("card_removed")
    assert kiosk.app.machine.session.card is None
