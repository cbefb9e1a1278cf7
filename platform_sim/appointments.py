"""Appointments (预约办理): half-hour slots per matter, hall and working day, with capacity.

Slots run 09:00–11:30 and 13:30–17:00 China time, Monday to Friday, up to 30 days ahead,
for matters that take appointments (``appointment: true`` or ``guide_only``). A slot's
capacity (1–3) is derived from its id, so it is the same on every run; slots are stored
when first listed, and booking one that is full is 409 ``slot_full``. :func:`fill_slot` (the
control hook ``/_sim/appointments/slots/<slot_id>/fill``) books a listed slot's remaining
places, as other citizens would between a terminal's listing and its booking.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from datetime import date, datetime, time, timedelta
from http import HTTPStatus
from typing import Any

from platform_api.signing import parse_timestamp
from platform_sim import identity
from platform_sim.call import Call
from platform_sim.clock import rfc3339
from platform_sim.lifecycle import CHINA
from platform_sim.problems import (
    FieldError,
    Problem,
    Response,
    not_found,
    validation_failed,
)

SLOT_LENGTH = timedelta(minutes=30)
SESSIONS = ((time(9, 0), time(11, 30)), (time(13, 30), time(17, 0)))
DAYS_AHEAD = 30


def _bookable(matter: dict[str, Any]) -> bool:
    return bool(matter.get("appointment")) or matter["self_service"] == "guide_only"


def _capacity(slot_id: str) -> int:
    return 1 + hashlib.sha256(slot_id.encode("utf-8")).digest()[0] % 3


def _day_slots(matter_code: str, hall_code: str, day: date) -> list[tuple[str, datetime]]:
    if day.weekday() >= 5:
        return []
    slots: list[tuple[str, datetime]] = []
    for opens, closes in SESSIONS:
        start = datetime.combine(day, opens, CHINA)
        while start + SLOT_LENGTH <= datetime.combine(day, closes, CHINA):
            slots.append((f"{hall_code}-{start:%Y%m%d%H%M}-{matter_code}", start))
            start += SLOT_LENGTH
    return slots


def list_slots(call: Call) -> Response:
    """listSlots: the day's future slots with what remains of each."""
    matter_code, hall_code = call.query["matter_code"], call.query["hall_code"]
    matter = call.world.catalogue.matters.get(matter_code)
    if matter is None:
        raise not_found(f"no matter {matter_code}")
    day = date.fromisoformat(call.query["date"])
    today = call.now.astimezone(CHINA).date()
    in_range = today <= day <= today + timedelta(days=DAYS_AHEAD)
    slots = _day_slots(matter_code, hall_code, day) if _bookable(matter) and in_range else []
    listed = []
    for slot_id, start in slots:
        if start <= call.now:
            continue
        call.db.execute(
            "INSERT OR IGNORE INTO slots (slot_id, matter_code, hall_code, start, end, capacity)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                slot_id,
                matter_code,
                hall_code,
                rfc3339(start),
                rfc3339(start + SLOT_LENGTH),
                _capacity(slot_id),
            ),
        )
        row = call.db.execute("SELECT * FROM slots WHERE slot_id = ?", (slot_id,)).fetchone()
        listed.append(
            {
                "slot_id": slot_id,
                "start": row["start"],
                "end": row["end"],
                "remaining": row["capacity"] - row["booked"],
            }
        )
    return Response.json(200, {"slots": listed})


def book_appointment(call: Call) -> Response:
    """bookAppointment: take one place of a listed slot for the verified person."""
    verified = identity.require_body(call)
    document = call.document
    slot = call.db.execute(
        "SELECT * FROM slots WHERE slot_id = ?", (document["slot_id"],)
    ).fetchone()
    if slot is None:
        raise validation_failed([FieldError("slot_id", "no such slot")])
    if slot["matter_code"] != document["matter_code"]:
        raise validation_failed([FieldError("matter_code", "is not the slot's matter")])
    identity.require_level(verified, [call.world.catalogue.matters[slot["matter_code"]]])
    if parse_timestamp(slot["start"]) <= call.now:
        raise validation_failed([FieldError("slot_id", "the slot has begun")])
    if slot["booked"] >= slot["capacity"]:
        raise Problem(HTTPStatus.CONFLICT, "slot_full", "the slot is fully booked")
    call.db.execute("UPDATE slots SET booked = booked + 1 WHERE slot_id = ?", (slot["slot_id"],))
    appointment_no = f"YY{call.now.astimezone(CHINA):%Y%m%d}{secrets.token_hex(4).upper()}"
    call.db.execute(
        "INSERT INTO appointments (appointment_no, slot_id, id_number, phone, booked_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (appointment_no, slot["slot_id"], verified.id_number, document["phone"], rfc3339(call.now)),
    )
    return Response.json(
        201,
        {"appointment_no": appointment_no, "start": slot["start"], "hall_code": slot["hall_code"]},
    )


def fill_slot(db: sqlite3.Connection, slot_id: str) -> dict[str, Any]:
    """Take every remaining place of a listed slot (others booked it); 404 when never listed."""
    slot = db.execute("SELECT * FROM slots WHERE slot_id = ?", (slot_id,)).fetchone()
    if slot is None:
        raise not_found(f"no listed slot {slot_id}")
    db.execute("UPDATE slots SET booked = capacity WHERE slot_id = ?", (slot_id,))
    return {"slot_id": slot_id, "capacity": slot["capacity"], "remaining": 0}
