"""The appointment slip: what it prints, masked where personal, in China time."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from drivers.printer.document import KeyValue, QrCode, Text
from kiosk.appointments.slip import SlipContent, appointment_slip
from kiosk.receipts.documents import Hall
from ui.receipt_text import appointment_slip_wording

CONTENT = SlipContent(
    matter_name="居民身份证补领",
    appointment_no="YY20261201ABCD1234",
    start=datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
    end=datetime(2026, 12, 1, 1, 30, tzinfo=UTC),
    place="萧山区政务服务中心1楼 公安户籍窗口(12-15号)",
    person_name="张伟",
    phone="13800138000",
    materials=("居民户口簿", "近期免冠照片"),
)


def test_the_slip_names_place_time_person_masked_materials_and_the_qr() -> None:
    document = appointment_slip(appointment_slip_wording(), Hall("市民中心", "0571-12345"), CONTENT)
    rows = {b.key: b.value for b in document.blocks if isinstance(b, KeyValue)}
    lines = [b.text for b in document.blocks if isinstance(b, Text)]
    wording = appointment_slip_wording()
    assert rows[wording.time] == "2026-12-01 09:00-09:30"
    assert rows[wording.place] == CONTENT.place
    assert rows[wording.person] == "张*"
    assert rows[wording.phone] == "138****8000"
    assert rows[wording.appointment_no] == CONTENT.appointment_no
    assert rows[wording.hall_phone] == "0571-12345"
    assert [line for line in lines if "居民户口簿" in line or "近期免冠照片" in line] == [
        "· 居民户口簿", "· 近期免冠照片"
    ]
    assert [b.data for b in document.blocks if isinstance(b, QrCode)] == [CONTENT.appointment_no]


def test_a_matter_without_materials_asks_for_the_id_card_and_the_hall_is_the_place() -> None:
    bare = dataclasses.replace(CONTENT, materials=(), place="")
    document = appointment_slip(appointment_slip_wording(), Hall("市民中心"), bare)
    wording = appointment_slip_wording()
    rows = {b.key: b.value for b in document.blocks if isinstance(b, KeyValue)}
    assert rows[wording.place] == "市民中心"
    assert wording.nothing_to_bring in [b.text for b in document.blocks if isinstance(b, Text)]
    assert wording.hall_phone not in rows
