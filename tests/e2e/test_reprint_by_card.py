"""End to end: a citizen applies, then (the receipt lost) reprints it at the kiosk with the ID
card alone; the reprinted receipt's QR decodes to the same application at the platform, and
a reprint that cannot print shows the receipt's QR and reprints once paper is back."""

from __future__ import annotations

from typing import Any

from entry.apply import progress_base
from entry.screenshots import fill_page
from kiosk.receipts.progress import parse_progress

MATTER = "11330109MB1900053L405782351000"
"""生育津贴申领: promised; an e-licence and a deferrable material (no camera needed)."""


def _apply(kiosk: Any) -> str:
    """Apply for MATTER with the resident card; the application number."""
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.qtbot.waitUntil(lambda: kiosk.app.catalogue.snapshot.loaded, timeout=15000)
    kiosk.app.ui.catalogue.open(MATTER)
    kiosk.wait_screen("guide")
    kiosk.qtbot.waitUntil(lambda: bool(kiosk.app.ui.catalogue.guideAvailable), timeout=5000)
    kiosk.app.ui.catalogue.start()
    kiosk.wait_screen("identity_card")
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/camera", {"source": "face"}))
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"}))
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
        if draft.plan.resolution(draft.current_material.id) is None:
            kiosk.intent("apply_defer")
        kiosk.intent("apply_next")
    kiosk.wait_screen("apply_review")
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)
    (number,) = kiosk.app.machine.view.application.application_nos
    kiosk.call_off_gui(lambda: kiosk.control("DELETE", "/sim/id-card"))
    kiosk.intent("home")
    kiosk.wait_screen("home")
    return str(number)


def _receipts(kiosk: Any) -> list[dict[str, Any]]:
    _, receipts = kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/printer/receipts"))
    return list(receipts)


def _to_list(kiosk: Any) -> None:
    """补打回执, then the card (placed again: the reader reads it once asked to)."""
    kiosk.intent("home.reprint")
    kiosk.qtbot.waitUntil(lambda: kiosk.screen.startswith("reprint_"), timeout=5000)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"}))
    kiosk.wait_screen("reprint_list", 20000)


def test_a_lost_receipt_is_reprinted_with_the_card_alone(kiosk: Any) -> None:
    number = _apply(kiosk)
    printed_before = len(_receipts(kiosk))
    _to_list(kiosk)
    offered = [i["no"] for i in kiosk.app.reprint_vm.items]
    assert number in offered
    v = kiosk.app.machine.session.verification
    assert v is not None and v.method.value == "id_card", "card-level, no face"
    kiosk.app.reprint_vm.choose(number)
    kiosk.wait_screen("reprint_done", 20000)
    receipts = _receipts(kiosk)
    assert len(receipts) == printed_before + 1
    base = progress_base(kiosk.app.config)
    (payload,) = receipts[-1]["qr"]
    query = parse_progress(payload, base)
    assert query.application_no == number
    found = kiosk.app.backend.client.get_application(query.application_no, query.query_code)
    assert found.matter_code == MATTER


def test_paper_out_shows_the_qr_and_reprints_after_paper_is_loaded(kiosk: Any) -> None:
    number = _apply(kiosk)
    _to_list(kiosk)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "out"}))
    kiosk.app.reprint_vm.choose(number)
    kiosk.wait_screen("reprint_print_failed", 30000)
    assert kiosk.app.reprint_vm.receiptQr.startswith("image://")
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "ok"}))

    def reprinted() -> bool:
        """重新打印 (ignored by the flow until it knows the paper is back)."""
        if kiosk.screen == "reprint_print_failed":
            kiosk.intent("apply_reprint")
        return kiosk.screen != "reprint_print_failed"

    kiosk.qtbot.waitUntil(reprinted, timeout=15000)
    kiosk.wait_screen("reprint_done", 30000)
    assert number in str(_receipts(kiosk)[-1])
