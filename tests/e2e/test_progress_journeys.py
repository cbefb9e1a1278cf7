"""End to end: 查询进度 and 补齐补正 with simulated devices and the simulated platform — the
receipt's QR read back from the printer emulator, scanned, the application moved on with
推进办件状态, its deferred material supplied (with a commitment, or captured with the
document camera and uploaded), the card holder's list, and every bad code."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from entry.apply import DEFAULT_PROGRESS_BASE
from entry.screenshots import fill_page
from ui import text
from ui.receipt_text import receipt_wording

REPEAT_WINDOW_MS = 1200
"""Longer than the scanner's repeat suppression (1 s) for the same code."""
PENSION = "11330109002500045G405344403000"
"""职工基本养老保险待遇申领: promised, face identity, a deferrable material a commitment may
also replace."""


def _control(kiosk: Any, method: str, path: str, body: Any = None) -> Any:
    status, answer = kiosk.call_off_gui(lambda: kiosk.control(method, path, body))
    assert status == 200, answer
    return answer


def _state(kiosk: Any) -> dict[str, Any]:
    return dict(_control(kiosk, "GET", "/ui/state"))


def _texts(kiosk: Any) -> list[str]:
    return [i["text"] for i in _state(kiosk)["items"] if i["kind"] == "text"]


def _primary(kiosk: Any) -> list[str]:
    return [i["object_name"] for i in _state(kiosk)["items"] if i.get("primary")]


def _scan(kiosk: Any, code: str) -> None:
    _control(kiosk, "POST", "/sim/scanner", {"text": code})


def _take_card_away(kiosk: Any) -> None:
    from drivers.base import DeviceClass
    from drivers.id_card.types import IdCardReader

    _control(kiosk, "DELETE", "/sim/id-card")
    reader = kiosk.app.devices.device_as(DeviceClass.ID_CARD_READER, IdCardReader)
    kiosk.qtbot.waitUntil(lambda: reader.current_card is None, timeout=10000)


def _apply_deferring(kiosk: Any) -> str:
    """Apply for the pension with its material deferred; the receipt's progress QR payload."""
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    kiosk.app.ui.catalogue.open(PENSION)
    kiosk.wait_screen("guide")
    kiosk.qtbot.waitUntil(lambda: bool(kiosk.app.ui.catalogue.guideAvailable), timeout=5000)
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    _control(kiosk, "POST", "/sim/camera", {"source": "face"})
    _control(kiosk, "POST", "/sim/id-card", {"fixture": "resident"})
    kiosk.wait_screen("face_consent")
    kiosk.intent("consent")
    kiosk.wait_screen("verified")
    kiosk.intent("continue")
    kiosk.wait_screen("apply_form")
    while kiosk.screen == "apply_form":
        fill_page(kiosk.app)
        kiosk.intent("apply_next")
    while kiosk.screen == "apply_material":
        draft = kiosk.app.machine.session.application
        spec = draft.current_material
        if draft.plan.resolution(spec.id) is None:
            kiosk.intent("apply_defer")
        kiosk.intent("apply_next")
    kiosk.wait_screen("apply_review")
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)
    number = kiosk.app.machine.view.application.application_nos[0]
    kiosk.qtbot.waitUntil(lambda: any(number in str(r) for r in _receipts(kiosk)), timeout=15000)
    [receipt] = [r for r in _receipts(kiosk) if number in str(r)]
    [payload] = receipt["qr"]
    kiosk.intent("home")
    kiosk.wait_screen("home")
    return str(payload)


def _receipts(kiosk: Any) -> list[dict[str, Any]]:
    return list(_control(kiosk, "GET", "/sim/printer/receipts"))


def _opened(kiosk: Any) -> Any:
    return kiosk.app.machine.session.progress.opened.application


def test_receipt_qr_status_then_correction_after_advancing_then_card_list(kiosk: Any) -> None:
    payload = _apply_deferring(kiosk)
    _take_card_away(kiosk)

    # Scan the receipt: its status, without logging in.
    kiosk.intent("home.progress")
    kiosk.wait_screen("progress_scan")
    _scan(kiosk, payload)
    kiosk.wait_screen("progress_detail", 20000)
    application = _opened(kiosk)
    assert application.status == "received" and payload.endswith(application.query_code)
    assert kiosk.app.machine.session.verification is None, "the query code is the key"
    texts = _texts(kiosk)
    assert application.application_no in texts and text.application_status("received") in texts
    assert _primary(kiosk) == ["action_progress_correct"], "a deferred material is missing"

    # 推进办件状态 twice: accepted, then review finds the deferred material missing.
    kiosk.intent("back")
    kiosk.wait_screen("progress_scan")
    for _ in range(2):
        assert _control(kiosk, "POST", "/sim/platform/advance")["advanced"] >= 1
    kiosk.qtbot.wait(REPEAT_WINDOW_MS)  # else the scanner suppresses the same code
    _scan(kiosk, payload)
    kiosk.wait_screen("progress_detail", 20000)
    assert _opened(kiosk).status == "correction_required"
    assert any("本人档案" in t for t in _texts(kiosk))

    # Supply it: card and face first, then the same material screen as applying.
    kiosk.intent("progress_correct")
    kiosk.wait_screen("correction_card")
    _control(kiosk, "POST", "/sim/id-card", {"fixture": "resident"})
    kiosk.wait_screen("correction_face_consent")
    kiosk.intent("consent")
    kiosk.wait_screen("correction_material", 30000)
    assert kiosk.app.ui.apply.material["canCommit"] and not kiosk.app.ui.apply.material["canDefer"]
    kiosk.intent("apply_commit")
    kiosk.intent("apply_next")
    kiosk.wait_screen("correction_done", 30000)
    title = receipt_wording().correction_title
    kiosk.qtbot.waitUntil(lambda: any(title in str(r) for r in _receipts(kiosk)), timeout=15000)
    [slip] = [r for r in _receipts(kiosk) if title in str(r)]
    assert slip["qr"] == [payload]
    assert _primary(kiosk) == ["action_finish"]
    number, code = application.application_no, application.query_code
    now = kiosk.app.backend.client.get_application(number, code)
    assert now.status == "in_review" and now.deferred_materials == ()

    # The card on the reader lists its holder's applications; each opens.
    kiosk.intent("finish")
    kiosk.wait_screen("evaluation_rating")  # 好差评 follows the correction
    kiosk.intent("evaluation_skip")
    kiosk.wait_screen("home")
    kiosk.intent("home.progress")
    kiosk.wait_screen("progress_list", 20000)
    assert number in [i["no"] for i in kiosk.app.progress.view_model.items]
    kiosk.app.progress.view_model.open(number)
    kiosk.wait_screen("progress_detail")
    assert _opened(kiosk).status == "in_review"
    assert _primary(kiosk) == ["action_finish"], "nothing awaits a correction now"


def test_a_deferred_material_is_captured_with_the_document_camera_and_uploaded(
    kiosk: Any, tmp_path: Path
) -> None:
    payload = _apply_deferring(kiosk)
    _take_card_away(kiosk)
    for _ in range(2):
        assert _control(kiosk, "POST", "/sim/platform/advance")["advanced"] >= 1
    kiosk.intent("home.progress")
    kiosk.wait_screen("progress_scan")
    _scan(kiosk, payload)
    kiosk.wait_screen("progress_detail", 20000)
    application = _opened(kiosk)
    assert application.status == "correction_required"
    kiosk.intent("progress_correct")
    kiosk.wait_screen("correction_card")
    _control(kiosk, "POST", "/sim/id-card", {"fixture": "resident"})
    kiosk.wait_screen("correction_face_consent")
    kiosk.intent("consent")
    kiosk.wait_screen("correction_material", 30000)
    assert kiosk.app.ui.apply.material["canCapture"]

    # 拍摄材料: the document camera's page becomes the material's scan.
    _control(kiosk, "POST", "/sim/document-camera", {"source": "document"})
    kiosk.intent("apply_capture")
    kiosk.wait_screen("correction_capture")
    kiosk.qtbot.waitUntil(lambda: bool(kiosk.app.capture_vm.pageInView), timeout=15000)
    kiosk.intent("capture_shoot")
    kiosk.qtbot.waitUntil(lambda: len(kiosk.app.machine.session.capture.pages) == 1,
                          timeout=15000)
    assert kiosk.app.capture_vm.page.has_frame(), "the page taken is shown"
    kiosk.intent("apply_next")
    kiosk.wait_screen("correction_material")
    [upload] = [f.sha256 for f in kiosk.app.machine.session.application.uploads()]
    assert kiosk.app.machine.session.capture.pages == (), "the capture's pages are zeroed"
    kiosk.intent("apply_next")
    kiosk.wait_screen("correction_done", 30000)

    with sqlite3.connect(tmp_path / "platform-sim" / "platform.sqlite3") as db:
        stored = {row[0] for row in db.execute("SELECT sha256 FROM uploads")}
    assert upload in stored, "the page was PUT to /uploads/{sha256} before the correction"
    number, code = application.application_no, application.query_code
    now = kiosk.app.backend.client.get_application(number, code)
    assert now.status == "in_review" and now.deferred_materials == ()


def test_every_bad_code_says_what_it_was_and_nothing_is_lost(kiosk: Any) -> None:
    kiosk.intent("home.progress")
    kiosk.wait_screen("progress_scan")
    forged = f"{DEFAULT_PROGRESS_BASE}?no=ZW2026113000000099ZZ99&code=ABC123"
    cases = [
        ("https://www.example.com/", "这是一个网址"),
        ("134567890123456789", "这是付款码"),
        ("https://qr.alipay.com/bax01234", "这是付款码"),
        (forged[:-4], "回执二维码不完整或已被改动"),
        (forged.replace("ABC123", "abc123"), "回执二维码不完整或已被改动"),
        (forged, "未查到该办件"),
    ]
    shown: list[str] = []
    unsubscribe = kiosk.app.machine.on_view(lambda view: shown.append(view.state.value))
    try:
        for code, message in cases:
            shown.clear()
            _scan(kiosk, code)
            kiosk.qtbot.waitUntil(
                lambda: "progress_querying" in shown and kiosk.screen == "progress_scan",
                timeout=15000,
            )
            assert any(message in t for t in _texts(kiosk)), (code, _texts(kiosk))
    finally:
        unsubscribe()
    kiosk.intent("back")
    kiosk.wait_screen("home")
