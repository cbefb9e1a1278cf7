"""Field specs: the keyboard of each type, and a bundle's merged form (shared id asked once)."""

from __future__ import annotations

from kiosk.forms.fields import FieldType, KeyboardKind
from kiosk.forms.form import form_for_bundle, form_for_matter
from tests.kiosk.matters import field, matter


def test_every_contract_field_type_has_its_keyboard() -> None:
    expected = {
        "text": KeyboardKind.PINYIN,
        "textarea": KeyboardKind.PINYIN,
        "address": KeyboardKind.PINYIN,
        "id_number": KeyboardKind.ID_NUMBER,
        "phone": KeyboardKind.PHONE,
        "date": KeyboardKind.NUMERIC,
        "number": KeyboardKind.NUMERIC,
        "email": KeyboardKind.LATIN,
        "select": KeyboardKind.NONE,
        "checkbox": KeyboardKind.NONE,
    }
    options = [{"value": "a", "label": "A"}]
    form = form_for_matter(matter(fields=[field(f"f_{t}", t, options=options) for t in expected]))
    assert {f.type.value: f.keyboard for f in form.fields} == expected
    assert {t.value for t in FieldType} == set(expected)


def test_a_field_id_two_matters_share_is_asked_once_with_the_strictest_rules() -> None:
    first = matter(
        "MATTER0000001",
        [field("phone", "phone", required=False, max_length=11), field("name", prefill="id.name")],
    )
    second = matter(
        "MATTER0000002",
        [field("phone", "phone", pattern="^1[3-9]"), field("insured_name", prefill="id.name")],
    )
    form = form_for_bundle([first, second])
    assert [f.id for f in form.fields] == ["phone", "name", "insured_name"]
    phone = form.field("phone")
    assert phone is not None
    assert phone.required and phone.max_length == 11 and phone.patterns == ("^1[3-9]",)
    assert phone.matters == ("MATTER0000001", "MATTER0000002")
    assert form.matters == ("MATTER0000001", "MATTER0000002")


def test_a_shared_id_of_another_type_keeps_the_first_definition_but_its_required() -> None:
    first = matter("MATTER0000001", [field("note", "text", required=False, max_length=5)])
    second = matter("MATTER0000002", [field("note", "textarea", max_length=2)])
    (note,) = form_for_bundle([first, second]).fields
    assert note.type is FieldType.TEXT and note.max_length == 5 and note.required
