"""End to end: booking a staffed-window appointment (预约) at the kiosk with simulated devices
and the simulated platform — the list, a day's slots (full ones shown), the card, the phone,
the booking, the slip read back from the receipt printer emulator, and a slot taken by
someone else between the listing and the booking."""

from __future__ import annotations

from typing import Any

from kiosk.flow.states import Reason
from ui import text
from ui.receipt_text import appointment_slip_wording


def _state(kiosk: Any) -> dict[str, Any]:
    status, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    assert status == 200
    return dict(state)


def _texts(kiosk: Any) -> list[str]:
    return [i["text"] for i in _state(kiosk)["items"] if i["kind"] == "text"]


def _draft(kiosk: Any) -> Any:
    return kiosk.app.machine.session.appointment


def _to_slots(kiosk: Any) -> str:
    """From home's 预约 to a day with at least two open slots; the matter's code."""
    kiosk.intent("home.appointment")
    kiosk.wait_screen("appointment_matters")
    model = kiosk.app.appointments.view_model
    kiosk.qtbot.waitUntil(lambda: bool(model.matter_rows()), timeout=15000)
    code = model.matter_rows()[0]["code"]
    model.open(code)
    kiosk.wait_screen("appointment_slots")
    for day in _draft(kiosk).days:
        model.chooseDay(day.isoformat())
        kiosk.qtbot.waitUntil(lambda: _draft(kiosk).slots is not None, timeout=15000)
        if sum(1 for s in _draft(kiosk).slots if s.remaining > 0) >= 2:
            return str(code)
    raise AssertionError("no day with two open slots")


def _choose_open_slot(kiosk: Any) -> str:
    slot = next(s for s in _draft(kiosk).slots if s.remaining > 0)
    name = f"appointment_slot_{slot.slot_id}"
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/ui/tap", {"object_name": name}))
    kiosk.qtbot.waitUntil(lambda: _draft(kiosk).chosen is not None, timeout=5000)
    return str(slot.slot_id)


def _to_phone(kiosk: Any) -> None:
    kiosk.intent("appointment_next")
    kiosk.wait_screen("appointment_card")
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"}))
    kiosk.wait_screen("appointment_phone")


def _receipts(kiosk: Any) -> list[dict[str, Any]]:
    status, receipts = kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/printer/receipts"))
    assert status == 200
    return list(receipts)


def test_booking_prints_the_slip_with_place_time_materials_and_qr(kiosk: Any) -> None:
    code = _to_slots(kiosk)
    _choose_open_slot(kiosk)
    state = _state(kiosk)
    assert [i["object_name"] for i in state["items"] if i.get("primary")] == [
        "action_appointment_next"
    ]
    _to_phone(kiosk)
    assert _draft(kiosk).phone  # the platform knows the resident's phone
    kiosk.intent("appointment_book")
    kiosk.wait_screen("appointment_done", 30000)
    number = _draft(kiosk).appointment.appointment_no
    kiosk.qtbot.waitUntil(lambda: any(number in str(r) for r in _receipts(kiosk)), timeout=15000)
    record = next(r for r in _receipts(kiosk) if number in str(r))
    assert record["qr"] == [number]
    printed = "".join("".join(line.split()) for line in record["text"])  # rows wrap and pad
    matter = kiosk.app.catalogue.snapshot.catalogue.matter(code)
    wording = appointment_slip_wording()
    for needle in (wording.title, matter.name, matter.place, *(m.name for m in matter.materials)):
        assert "".join(needle.split()) in printed
    assert kiosk.app.appointments.view_model.printed
    texts = _texts(kiosk)
    assert number in texts and matter.place in texts
    state = _state(kiosk)
    assert [i["object_name"] for i in state["items"] if i.get("primary")] == ["action_finish"]
    kiosk.intent("finish")
    kiosk.wait_screen("evaluation_rating")  # 好差评 follows the booking, rated as its visit
    assert kiosk.app.machine.session.evaluation.served.visit_id == number
    kiosk.intent("evaluation_skip")
    kiosk.wait_screen("home")
    assert kiosk.app.machine.session.is_empty()


def test_a_full_slot_is_shown_greyed_and_cannot_be_chosen(kiosk: Any) -> None:
    _to_slots(kiosk)
    full = _draft(kiosk).slots[0]
    kiosk.call_off_gui(lambda: kiosk.app.backend.platform_sim.fill_slot(full.slot_id))
    kiosk.app.appointments.view_model.chooseDay(_draft(kiosk).day.isoformat())
    kiosk.qtbot.waitUntil(lambda: bool(_draft(kiosk).slots), timeout=15000)
    items = {i["object_name"]: i for i in _state(kiosk)["items"]}
    button = items[f"appointment_slot_{full.slot_id}"]
    assert not button["enabled"]
    assert text.appointment_word("full") in _texts(kiosk)
    status, _ = kiosk.call_off_gui(lambda: kiosk.control("POST", "/ui/tap", {
        "object_name": f"appointment_slot_{full.slot_id}"}))
    assert status == 409
    assert _draft(kiosk).chosen is None


def test_a_slot_taken_before_booking_lists_the_day_again_and_says_so(kiosk: Any) -> None:
    _to_slots(kiosk)
    taken = _choose_open_slot(kiosk)
    _to_phone(kiosk)
    status, filled = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/appointments/fill-chosen")
    )
    assert status == 200 and filled["slot_id"] == taken
    kiosk.intent("appointment_book")
    kiosk.wait_screen("appointment_slots", 30000)
    kiosk.qtbot.waitUntil(lambda: bool(_draft(kiosk).slots), timeout=15000)
    listed = {s.slot_id: s for s in _draft(kiosk).slots}
    assert listed[taken].remaining == 0
    texts = _texts(kiosk)
    assert text.reason(Reason.SLOT_TAKEN) in texts
    assert _draft(kiosk).appointment is None and _receipts(kiosk) == []


def test_a_phone_number_that_is_not_mobile_is_refused_on_screen(kiosk: Any) -> None:
    _to_slots(kiosk)
    _choose_open_slot(kiosk)
    _to_phone(kiosk)
    status, _ = kiosk.call_off_gui(lambda: kiosk.control("POST", "/ui/type", {
        "object_name": "appointment_phone", "text": "23800138000"}))
    assert status == 200
    kiosk.qtbot.waitUntil(lambda: _draft(kiosk).phone == "23800138000", timeout=5000)
    kiosk.intent("appointment_book")
    assert kiosk.screen == "appointment_phone"
    items = {i["object_name"]: i for i in _state(kiosk)["items"]}
    assert items["appointment_phone"]["error"]
    assert items["appointment_phone"]["kind"] == "phone"
