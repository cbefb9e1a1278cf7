"""End to end: a paper material captured with the (simulated) document camera in the apply
flow, together with an e-licence, a commitment and a deferred material; the captured page is
uploaded content-addressed before the application, and the platform accepts both."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from entry.screenshots import fill_page

BUNDLE_AFTER_DEATH = "YJS3301090006"
"""身后一件事: a scan-only material, an e-licence, commitments and a deferrable material."""


def _verified(kiosk: Any, code: str) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    kiosk.app.ui.catalogue.open(code)
    kiosk.wait_screen("guide")
    kiosk.qtbot.waitUntil(lambda: bool(kiosk.app.ui.catalogue.guideAvailable), timeout=5000)
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/camera", {"source": "face"}))
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"}))
    kiosk.wait_screen("face_consent")
    kiosk.intent("consent")
    kiosk.wait_screen("verified")


def _capture_one_page(kiosk: Any) -> None:
    app = kiosk.app
    kiosk.intent("apply_capture")
    kiosk.wait_screen("apply_capture")
    kiosk.qtbot.waitUntil(lambda: bool(app.capture_vm.pageInView), timeout=15000)
    kiosk.intent("capture_shoot")
    kiosk.qtbot.waitUntil(lambda: len(app.machine.session.capture.pages) == 1, timeout=15000)
    kiosk.intent("apply_next")
    kiosk.wait_screen("apply_material")


def _materials(kiosk: Any) -> list[str]:
    """Each material one way: e-licence when matched, else a commitment (first), 稍后补交
    (first deferrable), else the camera; the ways used."""
    app, used = kiosk.app, []
    while kiosk.screen == "apply_material":
        draft = app.machine.session.application
        spec = draft.current_material
        if draft.plan.resolution(spec.id) is not None:
            used.append("e_license")
        else:
            offers = {k.value for k in draft.offers(spec)}
            if "deferred" in offers and "deferred" not in used:
                kiosk.intent("apply_defer")
                used.append("deferred")
            elif "commitment" in offers:
                kiosk.intent("apply_commit")
                used.append("commitment")
            else:
                _capture_one_page(kiosk)
                used.append("scan")
        kiosk.intent("apply_next")
    return used


def test_a_captured_page_is_uploaded_and_the_application_accepted(
    kiosk: Any, tmp_path: Path
) -> None:
    _verified(kiosk, BUNDLE_AFTER_DEATH)
    kiosk.intent("continue")
    kiosk.wait_screen("apply_form")
    while kiosk.screen == "apply_form":
        fill_page(kiosk.app)
        kiosk.intent("apply_next")
    used = _materials(kiosk)
    assert {"scan", "e_license", "commitment", "deferred"} <= set(used), used
    kiosk.wait_screen("apply_review")
    draft = kiosk.app.machine.session.application
    uploads = [f.sha256 for f in draft.uploads()]
    assert uploads, "the captured page is to be uploaded"
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)
    assert len(kiosk.app.machine.view.application.application_nos) >= 2
    with sqlite3.connect(tmp_path / "platform-sim" / "platform.sqlite3") as db:
        stored = {row[0] for row in db.execute("SELECT sha256 FROM uploads")}
    assert set(uploads) <= stored, "each page was PUT to /uploads/{sha256} first"
    assert kiosk.app.machine.session.capture.pages == ()
