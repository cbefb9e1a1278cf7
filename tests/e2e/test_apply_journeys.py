"""End to end: applying at the kiosk with simulated devices and the simulated platform —
form, e-licences, commitment, deferral, submission (online and offline), receipts."""

from __future__ import annotations

from typing import Any

from entry.screenshots import fill_page
from ui.receipt_text import receipt_wording

MATTER_PROMISED = "11330109MB1900053L405782351000"
"""生育津贴申领: promised; an e-licence the resident holds and a deferrable material."""
MATTER_COMMITMENT = "113301090025000704405495487000"
"""最低生活保障申请: promised; an e-licence and materials a commitment may replace."""


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


def _to_review(kiosk: Any) -> list[str]:
    """Fill every page, then satisfy each material (commitment, else 稍后补交); the ways used."""
    kiosk.intent("continue")
    kiosk.wait_screen("apply_form")
    app = kiosk.app
    while kiosk.screen == "apply_form":
        fill_page(app)
        kiosk.intent("apply_next")
    used = []
    while kiosk.screen == "apply_material":
        draft = app.machine.session.application
        spec = draft.current_material
        if draft.plan.resolution(spec.id) is None:
            offers = {k.value for k in draft.offers(spec)}
            way = "commitment" if "commitment" in offers else "deferred" if offers else ""
            if way:
                kiosk.intent("apply_commit" if way == "commitment" else "apply_defer")
                used.append(way)
        else:
            used.append("e_license")
        kiosk.intent("apply_next")
    kiosk.wait_screen("apply_review")
    return used


def _receipts(kiosk: Any) -> list[dict[str, Any]]:
    status, receipts = kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/printer/receipts"))
    assert status == 200
    return list(receipts)


def _printed(kiosk: Any, needle: str) -> bool:
    return any(needle in str(r) for r in _receipts(kiosk))


def test_promised_matter_with_licence_and_deferral_prints_the_receipt(kiosk: Any) -> None:
    _verified(kiosk, MATTER_PROMISED)
    used = _to_review(kiosk)
    assert "e_license" in used and "deferred" in used
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)
    numbers = kiosk.app.machine.view.application.application_nos
    assert len(numbers) == 1
    kiosk.qtbot.waitUntil(lambda: _printed(kiosk, numbers[0]), timeout=15000)
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    texts = [i["text"] for i in state["items"] if i["kind"] == "text"]
    assert numbers[0] in texts and any("请取走回执" in t for t in texts)
    assert [i["object_name"] for i in state["items"] if i.get("primary")] == ["action_finish"]


def test_commitment_is_sent_with_the_hash_of_the_exact_text(kiosk: Any) -> None:
    _verified(kiosk, MATTER_COMMITMENT)
    assert "commitment" in _to_review(kiosk)
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)


def test_form_fields_are_listed_typed_and_checked_through_the_automation_api(kiosk: Any) -> None:
    _verified(kiosk, MATTER_PROMISED)
    kiosk.intent("continue")
    kiosk.wait_screen("apply_form")
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    phone = next(i for i in state["items"] if i.get("field") == "phone")
    assert (phone["kind"], phone["required"], phone["value"]) == ("phone", True, "")
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/type", {"object_name": "field_phone", "text": "12"})
    )
    assert status == 200
    draft = kiosk.app.machine.session.application
    kiosk.qtbot.waitUntil(lambda: draft.form.answer("phone") == "12", timeout=5000)
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    phone = next(i for i in state["items"] if i.get("field") == "phone")
    assert phone["error"], "the message shows beside the field as the citizen types"


def test_offline_submission_is_saved_receipted_and_delivered_once(kiosk: Any) -> None:
    _verified(kiosk, MATTER_PROMISED)
    _to_review(kiosk)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/platform", {"online": False}))
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_offline_saved", 60000)
    local_ref = kiosk.app.machine.view.application.local_ref
    assert local_ref.startswith("L-")
    slip = receipt_wording().offline_title
    kiosk.qtbot.waitUntil(lambda: _printed(kiosk, slip), timeout=15000)

    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/platform", {"online": True}))
    backend = kiosk.app.backend
    backend.outbox.wake()
    store = backend.outbox.store
    delivered = lambda: (r := store.result(local_ref)) is not None and r.state == "delivered"  # noqa: E731
    kiosk.qtbot.waitUntil(delivered, timeout=60000)
    assert store.status().depth == 0
    result = store.result(local_ref)
    number = result.answer["applications"][0]["application_no"]
    code = result.answer["applications"][0]["query_code"]
    assert backend.client.get_application(number, code).matter_code == MATTER_PROMISED
    verification_id = kiosk.app.machine.session.verification.verification_id
    mine = backend.client.list_applications(verification_id)
    assert [a.application_no for a in mine if a.matter_code == MATTER_PROMISED] == [number]


def test_paper_out_shows_the_receipt_on_screen_then_reprints_when_loaded(kiosk: Any) -> None:
    _verified(kiosk, MATTER_PROMISED)
    _to_review(kiosk)
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "out"}))
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_print_failed", 60000)
    assert kiosk.app.ui.apply.receiptQr.startswith("image://qr/")
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    reprint = next(i for i in state["items"] if i["object_name"] == "action_apply_reprint")
    assert not reprint["enabled"]

    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "ok"}))
    kiosk.qtbot.waitUntil(lambda: kiosk.app.machine.view.application.printer_ready, timeout=15000)
    kiosk.intent("apply_reprint")
    kiosk.wait_screen("apply_done", 30000)
    number = kiosk.app.machine.view.application.application_nos[0]
    kiosk.qtbot.waitUntil(lambda: _printed(kiosk, number), timeout=15000)
