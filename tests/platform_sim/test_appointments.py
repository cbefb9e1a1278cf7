"""listSlots and bookAppointment: capacity, slot_full, working days only; the fill hook."""

from __future__ import annotations

from platform_sim import RunningSimulator
from tests.platform_sim.helpers import GUIDE_ONLY, INSTANT, RESIDENT, SimClient
from tests.platform_sim.test_faults import control

HALL = "330109001"


def _slots(client: SimClient, day: str, matter: str = GUIDE_ONLY) -> list[dict[str, object]]:
    response = client.get(
        f"/api/v1/appointments/slots?matter_code={matter}&hall_code={HALL}&date={day}"
    )
    assert response.status_code == 200
    slots: list[dict[str, object]] = response.json()["slots"]
    return slots


def test_working_day_has_half_hour_slots_from_now_on(client: SimClient) -> None:
    today = _slots(client, "2025-03-03")
    assert today[0]["start"] == "2025-03-03T01:30:00Z"
    assert len(_slots(client, "2025-03-04")) == 12
    assert _slots(client, "2025-03-08") == []
    assert _slots(client, "2025-03-04", matter=INSTANT) == []


def test_booking_takes_a_place_until_the_slot_is_full(client: SimClient) -> None:
    slot = _slots(client, "2025-03-04")[0]
    vid = client.verify(RESIDENT)["verification_id"]
    booking = {
        "verification_id": vid,
        "slot_id": slot["slot_id"],
        "matter_code": GUIDE_ONLY,
        "phone": "13800138000",
    }
    for _ in range(int(str(slot["remaining"]))):
        booked = client.post("/api/v1/appointments", booking)
        assert booked.status_code == 201
        assert booked.json()["start"] == slot["start"]
        assert booked.json()["hall_code"] == HALL
    full = client.post("/api/v1/appointments", booking)
    assert full.status_code == 409
    assert full.json()["code"] == "slot_full"
    assert _slots(client, "2025-03-04")[0]["remaining"] == 0


def test_booking_checks_slot_matter_and_verification(
    sim: RunningSimulator, client: SimClient
) -> None:
    slot = _slots(client, "2025-03-03")[0]
    vid = client.verify(RESIDENT)["verification_id"]
    booking = {
        "verification_id": vid,
        "slot_id": "nope",
        "matter_code": GUIDE_ONLY,
        "phone": "13800138000",
    }
    assert client.post("/api/v1/appointments", booking).status_code == 422
    wrong = {**booking, "slot_id": slot["slot_id"], "matter_code": INSTANT}
    assert client.post("/api/v1/appointments", wrong).json()["errors"][0]["field"] == "matter_code"
    sim.advance(3600)
    fresh = client.verify(RESIDENT)["verification_id"]
    begun = {**booking, "verification_id": fresh, "slot_id": slot["slot_id"]}
    assert client.post("/api/v1/appointments", begun).json()["errors"][0]["field"] == "slot_id"
    assert client.post("/api/v1/appointments", {**begun, "verification_id": vid}).status_code == 403
    unknown = client.get(
        f"/api/v1/appointments/slots?matter_code=NOPE&hall_code={HALL}&date=2025-03-04"
    )
    assert unknown.status_code == 404


def test_filling_a_listed_slot_leaves_no_place(sim: RunningSimulator, client: SimClient) -> None:
    slot = _slots(client, "2025-03-04")[0]
    filled = control(sim, "POST", f"/_sim/appointments/slots/{slot['slot_id']}/fill")
    assert filled.status_code == 200
    assert _slots(client, "2025-03-04")[0]["remaining"] == 0
    assert sim.fill_slot(str(slot["slot_id"]))["remaining"] == 0
    assert control(sim, "POST", "/_sim/appointments/slots/never-listed/fill").status_code == 404
