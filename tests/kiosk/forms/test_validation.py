"""Per-keystroke and complete validation: codes with parameters, never a half-typed scolding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.id_card.idnumber import check_digit
from kiosk.catalogue.model import FieldOption
from kiosk.forms.divisions import load_divisions
from kiosk.forms.fields import FieldSpec, FieldType
from kiosk.forms.validation import (
    Address,
    ErrorCode,
    FieldValue,
    InputError,
    check_input,
    check_value,
)

DIVISIONS = load_divisions()


def spec(kind: FieldType, **extra: object) -> FieldSpec:
    return FieldSpec("f", "f", kind, True, **extra)  # type: ignore[arg-type]


id_numbers = st.from_regex(r"[0-9]{17}", fullmatch=True).map(lambda s: s + check_digit(s))
phones = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
numbers = st.from_regex(r"-?[0-9]{1,6}(\.[0-9]{1,3})?", fullmatch=True)
emails = st.from_regex(r"[a-z0-9._]{1,8}@[a-z0-9]{1,8}\.[a-z]{2,4}", fullmatch=True)

VALID = [
    (FieldType.ID_NUMBER, id_numbers),
    (FieldType.PHONE, phones),
    (FieldType.DATE, dates),
    (FieldType.NUMBER, numbers),
    (FieldType.EMAIL, emails),
    (FieldType.TEXT, st.text(min_size=1, max_size=20).filter(str.strip)),
]


@pytest.mark.parametrize(("kind", "values"), VALID, ids=[k.value for k, _ in VALID])
@given(data=st.data())
def test_valid_values_pass_and_no_prefix_of_one_gets_a_keystroke_error(
    kind: FieldType, values: st.SearchStrategy[str], data: st.DataObject
) -> None:
    value = data.draw(values)
    field = spec(kind)
    assert check_value(field, value, DIVISIONS) is None
    assert all(check_input(field, value[:n]) is None for n in range(len(value) + 1))


@given(id_numbers, st.sampled_from("0123456789X"))
def test_a_wrong_check_digit_is_reported_once_all_18_are_typed(number: str, last: str) -> None:
    wrong = number[:17] + last
    expected = None if last == number[17] else InputError(ErrorCode.ID_CHECK_DIGIT)
    assert check_input(spec(FieldType.ID_NUMBER), wrong) == expected


@given(st.text(min_size=1, max_size=40), st.integers(min_value=1, max_value=20))
def test_text_over_max_length_is_too_long_with_the_limit(text: str, limit: int) -> None:
    field = spec(FieldType.TEXT, max_length=limit)
    error = check_input(field, text)
    assert (error == InputError(ErrorCode.TOO_LONG, limit)) == (len(text) > limit)


@pytest.mark.parametrize(
    ("kind", "typed", "code"),
    [
        (FieldType.PHONE, "2", ErrorCode.NOT_MOBILE),
        (FieldType.PHONE, "12", ErrorCode.NOT_MOBILE),
        (FieldType.PHONE, "13a", ErrorCode.INVALID_CHARACTER),
        (FieldType.PHONE, "１３", ErrorCode.INVALID_CHARACTER),
        (FieldType.PHONE, "138001380001", ErrorCode.TOO_LONG),
        (FieldType.ID_NUMBER, "3301X", ErrorCode.INVALID_CHARACTER),
        (FieldType.NUMBER, "1.2.", ErrorCode.INVALID_CHARACTER),
        (FieldType.NUMBER, "1e", ErrorCode.INVALID_CHARACTER),
        (FieldType.DATE, "2024/", ErrorCode.INVALID_CHARACTER),
        (FieldType.DATE, "2024-02-30", ErrorCode.INVALID_DATE),
        (FieldType.EMAIL, "a b", ErrorCode.INVALID_CHARACTER),
        (FieldType.EMAIL, "a@b@", ErrorCode.INVALID_CHARACTER),
    ],
)
def test_keystroke_errors_typing_more_cannot_fix(
    kind: FieldType, typed: str, code: ErrorCode
) -> None:
    error = check_input(spec(kind), typed)
    assert error is not None and error.code is code


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (spec(FieldType.TEXT), "  ", InputError(ErrorCode.REQUIRED)),
        (FieldSpec("f", "f", FieldType.TEXT, False), "", None),
        (spec(FieldType.PHONE), "1380013800", InputError(ErrorCode.INCOMPLETE, 11)),
        (spec(FieldType.ID_NUMBER), "330106", InputError(ErrorCode.INCOMPLETE, 18)),
        (spec(FieldType.NUMBER), "-", InputError(ErrorCode.INVALID_NUMBER)),
        (spec(FieldType.EMAIL), "a@b", InputError(ErrorCode.INVALID_EMAIL)),
        (spec(FieldType.DATE), "2024-1-1", InputError(ErrorCode.INVALID_DATE)),
        (
            spec(FieldType.SELECT, options=(FieldOption("male", "男"),)),
            "男",
            InputError(ErrorCode.NOT_AN_OPTION),
        ),
        (
            spec(FieldType.TEXT, patterns=("^[0-9]+$",)),
            "12a",
            InputError(ErrorCode.PATTERN_MISMATCH),
        ),
        (spec(FieldType.TEXT, max_length=2), " abc ", InputError(ErrorCode.TOO_LONG, 2)),
        (spec(FieldType.TEXT, max_length=3), " abc ", None),
        (spec(FieldType.CHECKBOX), False, None),
        (spec(FieldType.ADDRESS), Address(), InputError(ErrorCode.REQUIRED)),
        (
            spec(FieldType.ADDRESS),
            Address("330109", " "),
            InputError(ErrorCode.ADDRESS_DETAIL_REQUIRED),
        ),
        (spec(FieldType.ADDRESS), Address("", "北京市东城区1号"), None),
        (
            spec(FieldType.ADDRESS, max_length=12),
            Address("330109", "市心中路818号"),
            InputError(ErrorCode.TOO_LONG, 12),
        ),
    ],
)
def test_complete_values_are_checked_in_the_platform_order(
    field: FieldSpec, value: FieldValue, expected: InputError | None
) -> None:
    assert check_value(field, value, DIVISIONS) == expected


def test_an_address_text_is_the_district_full_name_and_the_detail() -> None:
    assert Address("330109", "市心中路818号").text(DIVISIONS) == "浙江省杭州市萧山区市心中路818号"
