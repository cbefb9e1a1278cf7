"""Prefill from the card and e-licences, marked and editable; the form's answers and wipe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from kiosk.forms.form import Form, form_for_matter
from kiosk.forms.prefill import card_sources, licence_sources, prefill_sources
from kiosk.forms.validation import Address, ErrorCode, InputError
from kiosk.platform.models import License
from tests.kiosk.matters import ID_NUMBER, field, matter

SEX = [{"value": "male", "label": "男"}, {"value": "female", "label": "女"}]


@dataclass(frozen=True)
class Card:
    name: str = "张三"
    id_number: str = ID_NUMBER
    sex: str = "male"
    birth_date: date = date(1985, 3, 12)
    issuer: str = "杭州市公安局萧山区分局"
    nation: str | None = "汉"
    address: str | None = "浙江省杭州市萧山区市心中路818号"


SSC = License(
    "social_security_card",
    "社会保障卡",
    "A12345678",
    "杭州市人力资源和社会保障局",
    "2034-01-01",
    fields={"bank": "中国工商银行", "bank_account": "6222020200112233"},
)
BIRTH = License(
    "birth_certificate",
    "出生医学证明",
    "Q330012345",
    "杭州市卫生健康委员会",
    "long_term",
    fields={"child_sex": "女", "birth_date": "2024-05-01", "child_name": "张小"},
)

FIELDS = [
    field("applicant_name", prefill="id.name"),
    field("applicant_id_number", "id_number", prefill="id.number"),
    field("sex", "select", options=SEX, prefill="id.sex"),
    field("birth_date", "date", prefill="id.birth"),
    field("nation", prefill="id.nation"),
    field("home_address", "address", prefill="id.address"),
    field("bank_account", prefill="license.social_security_card.bank_account"),
    field("card_no", prefill="license.social_security_card.number"),
    field("child_sex", "select", options=SEX, prefill="license.birth_certificate.child_sex"),
    field("child_birth", "date", prefill="license.birth_certificate.child_name"),
    field("household_no", prefill="license.hukou_booklet.household_no"),
    field("phone", "phone"),
]


def _prefilled_form() -> Form:
    form = Form(form_for_matter(matter(fields=FIELDS)))
    form.prefill(prefill_sources(Card(), [SSC, BIRTH]))
    return form


def test_card_and_licence_sources_use_the_contract_names() -> None:
    sources = card_sources(Card(address=None))
    assert sources["id.birth"] == "1985-03-12" and "id.address" not in sources
    assert licence_sources([SSC])["license.social_security_card.number"] == "A12345678"


def test_prefill_fills_fields_that_fit_and_marks_them() -> None:
    form = _prefilled_form()
    assert form.answer("applicant_name") == "张三"
    assert form.answer("sex") == "male"
    assert form.answer("child_sex") == "female"
    assert form.answer("birth_date") == "1985-03-12"
    assert form.answer("home_address") == Address("330109", "市心中路818号")
    assert form.answer("bank_account") == "6222020200112233"
    assert form.answer("card_no") == "A12345678"
    assert form.prefilled("applicant_name") and form.prefilled("home_address")
    assert form.answer("child_birth") == "" and not form.prefilled("child_birth")
    assert form.answer("household_no") == "" and not form.prefilled("phone")


def test_a_prefilled_answer_is_editable_and_loses_its_mark_when_changed() -> None:
    form = _prefilled_form()
    assert form.set("sex", "female") is None
    assert not form.prefilled("sex")
    form.set("sex", "male")
    assert form.prefilled("sex")


def test_set_returns_the_keystroke_error_and_uppercases_an_id_x() -> None:
    form = _prefilled_form()
    assert form.set("phone", "2") == InputError(ErrorCode.NOT_MOBILE)
    form.set("applicant_id_number", ID_NUMBER[:17] + "x")
    assert form.answer("applicant_id_number") == ID_NUMBER[:17] + "X"
    with pytest.raises(TypeError):
        form.set("sex", True)
    with pytest.raises(KeyError):
        form.set("nope", "x")


def test_errors_name_each_unfinished_field_and_clear_wipes_every_answer() -> None:
    form = _prefilled_form()
    assert form.errors() == {
        "child_birth": InputError(ErrorCode.REQUIRED),
        "household_no": InputError(ErrorCode.REQUIRED),
        "phone": InputError(ErrorCode.REQUIRED),
    }
    form.clear()
    assert form.answer("applicant_name") == "" and not form.prefilled("applicant_name")
    assert form.contract_form() == {}
