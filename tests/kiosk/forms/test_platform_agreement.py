"""The kiosk's field rules and the simulated platform's (``forms.check_form``) agree: a table
of inputs both refuse or both accept, and whatever the platform refuses the kiosk refuses too
(the kiosk is stricter only for numbers and dates, as ``kiosk.forms.validation`` says)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.catalogue.model import catalogue_from_json
from kiosk.forms.divisions import load_divisions
from kiosk.forms.fields import FieldType
from kiosk.forms.form import Form, form_for_bundle, form_for_matter
from kiosk.forms.paging import PORTRAIT_BUDGET, paginate
from kiosk.forms.validation import Address, check_value
from platform_sim import forms as platform
from tests.kiosk.matters import ID_NUMBER, field, matter

DIVISIONS = load_divisions()
OPTIONS = [{"value": "male", "label": "男"}, {"value": "female", "label": "女"}]


def _raw(kind: str, **extra: Any) -> dict[str, Any]:
    return (
        field("f", kind, options=OPTIONS, **extra)
        if kind == "select"
        else field("f", kind, **extra)
    )


def _kiosk_refuses(raw: dict[str, Any], value: Any) -> bool:
    (spec,) = form_for_matter(matter(fields=[raw])).fields
    return check_value(spec, value, DIVISIONS) is not None


def _platform_refuses(raw: dict[str, Any], value: Any) -> bool:
    return bool(platform.check_form([raw], {"f": value}))


CASES: list[tuple[str, dict[str, Any], Any, bool]] = [
    ("id_number", {}, ID_NUMBER, False),
    ("id_number", {}, ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1"), True),
    ("id_number", {}, ID_NUMBER[:17], True),
    ("id_number", {}, ID_NUMBER + "1", True),
    ("phone", {}, "13800138000", False),
    ("phone", {}, "12800138000", True),
    ("phone", {}, "1380013800", True),
    ("phone", {}, "138001380000", True),
    ("phone", {}, "+8613800138000", True),
    ("date", {}, "2024-02-29", False),
    ("date", {}, "2023-02-29", True),
    ("date", {}, "2024/02/01", True),
    ("number", {}, "12.5", False),
    ("number", {}, "abc", True),
    ("email", {}, "a@b.cn", False),
    ("email", {}, "a@b", True),
    ("email", {}, "a b@c.cn", True),
    ("select", {}, "male", False),
    ("select", {}, "男", True),
    ("text", {}, " ", True),
    ("text", {"max_length": 3}, "abcd", True),
    ("text", {"max_length": 3}, "abc", False),
    ("text", {"pattern": "^[0-9]{12,30}$"}, "6222020200112233", False),
    ("text", {"pattern": "^[0-9]{12,30}$"}, "62220202", True),
    ("textarea", {"max_length": 5}, "一二三四五六", True),
    ("address", {}, "浙江省杭州市萧山区市心中路818号", False),
]


@pytest.mark.parametrize(("kind", "extra", "value", "refused"), CASES)
def test_kiosk_and_platform_decide_the_same(
    kind: str, extra: dict[str, Any], value: Any, refused: bool
) -> None:
    raw = _raw(kind, **extra)
    assert _platform_refuses(raw, value) is refused
    assert _kiosk_refuses(raw, value) is refused


def test_both_refuse_a_missing_required_field() -> None:
    raw = _raw("text")
    assert platform.check_form([raw], {})
    form = Form(form_for_matter(matter(fields=[raw])))
    assert form.errors() and "f" not in form.contract_form()


@pytest.mark.parametrize("kind", ["id_number", "phone", "date", "number", "email", "text"])
@given(st.text(max_size=24))
def test_whatever_the_platform_refuses_the_kiosk_refuses(kind: str, text: str) -> None:
    raw = _raw(kind, max_length=15)
    if _platform_refuses(raw, text.strip()):
        assert _kiosk_refuses(raw, text)


def test_a_filled_form_of_every_type_is_accepted_by_the_platform() -> None:
    fields = [
        field("name", max_length=30),
        field("remark", "textarea", required=False),
        field("id", "id_number"),
        field("phone", "phone", pattern="^1[3-9][0-9]{9}$"),
        field("born", "date"),
        field("children", "number"),
        field("sex", "select", options=OPTIONS),
        field("agree", "checkbox"),
        field("home", "address"),
        field("mail", "email", required=False),
    ]
    form = Form(form_for_matter(matter(fields=fields)))
    answers = {
        "name": " 张三 ",
        "id": ID_NUMBER.lower(),
        "phone": "13800138000",
        "born": "1985-03-12",
        "children": "2",
        "sex": "female",
        "agree": True,
        "home": Address("330109", "市心中路818号"),
    }
    for fid, value in answers.items():
        assert form.set(fid, value) is None
    assert form.errors() == {}
    body = form.contract_form()
    assert body == {
        "name": "张三",
        "id": ID_NUMBER,
        "phone": "13800138000",
        "born": "1985-03-12",
        "children": 2,
        "sex": "female",
        "agree": True,
        "home": "浙江省杭州市萧山区市心中路818号",
    }
    assert platform.check_form(fields, body) == []


def test_every_seed_matter_and_bundle_form_builds_and_fits_the_portrait_pages() -> None:
    from platform_sim.seed.catalogue import build_catalogue

    catalogue = catalogue_from_json(build_catalogue())
    forms = [form_for_matter(m) for m in catalogue.matters] + [
        form_for_bundle([m for c in b.matters if (m := catalogue.matter(c)) is not None])
        for b in catalogue.bundles
    ]
    for spec in forms:
        pages = paginate(spec.fields, PORTRAIT_BUDGET)
        assert all(p.height <= PORTRAIT_BUDGET for p in pages)
        assert Form(spec).errors().keys() == {
            f.id for f in spec.fields if f.required and f.type is not FieldType.CHECKBOX
        }
