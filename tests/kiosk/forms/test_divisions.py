"""The division table of the address chooser."""

from __future__ import annotations

from kiosk.forms.divisions import load_divisions


def test_the_shipped_table_has_hangzhou_districts_under_zhejiang() -> None:
    divisions = load_divisions()
    assert [d.name for d in divisions.children()] == ["浙江省"]
    assert [d.code for d in divisions.children("330000")] == ["330100"]
    districts = divisions.children("330100")
    assert "萧山区" in {d.name for d in districts}
    assert divisions.leaves() == districts
    assert all(len(d.code) == 6 and d.code.isdigit() for d in districts)


def test_full_name_joins_province_city_and_district() -> None:
    divisions = load_divisions()
    assert divisions.full_name("330109") == "浙江省杭州市萧山区"
    assert divisions.full_name("999999") == ""


def test_an_address_is_split_at_its_district_or_left_whole() -> None:
    divisions = load_divisions()
    assert divisions.split_address("浙江省杭州市萧山区市心中路818号") == ("330109", "市心中路818号")
    assert divisions.split_address("北京市东城区1号") == ("", "北京市东城区1号")
