"""The booking's phone number: a mainland mobile number, as the contract's pattern says."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.appointments.phone import phone_error, phone_input_error
from kiosk.forms.validation import ErrorCode

CONTRACT = re.compile(r"^1[3-9][0-9]{9}$")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", ErrorCode.REQUIRED),
        ("1380013800", ErrorCode.INCOMPLETE),
        ("12800138000", ErrorCode.NOT_MOBILE),
        ("1380013800a", ErrorCode.INVALID_CHARACTER),
        ("138001380001", ErrorCode.TOO_LONG),
    ],
)
def test_a_number_that_is_not_a_whole_mobile_number_is_refused(typed: str, code: ErrorCode) -> None:
    error = phone_error(typed)
    assert error is not None and error.code is code


def test_a_prefix_being_typed_is_not_scolded_and_a_whole_number_passes() -> None:
    assert phone_input_error("138") is None
    assert phone_error("13800138000") is None
    assert phone_error(" 13800138000 ") is None


@given(st.text(alphabet="0123456789a +-", max_size=14))
def test_accepted_exactly_what_the_contract_accepts(typed: str) -> None:
    assert (phone_error(typed) is None) == bool(CONTRACT.match(typed.strip()))
