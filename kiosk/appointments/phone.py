"""The booking's phone number: a mainland mobile number, checked like a form's phone field.

The same rules as :mod:`kiosk.forms.validation` (and the contract's ``^1[3-9][0-9]{9}$``):
while typing only what more typing cannot fix is an error; a finished number must be whole.
"""

from __future__ import annotations

from kiosk.forms.fields import FieldSpec, FieldType
from kiosk.forms.validation import PHONE_LENGTH, ErrorCode, InputError, check_input

PHONE_FIELD = FieldSpec(id="phone", label="phone", type=FieldType.PHONE, required=True)
"""The phone question of a booking (its words are the UI's)."""


def phone_input_error(text: str) -> InputError | None:
    """The error typing more cannot fix in the number typed so far."""
    return check_input(PHONE_FIELD, text)


def phone_error(text: str) -> InputError | None:
    """The error of a finished number; None when it is a mainland mobile number."""
    number = text.strip()
    if not number:
        return InputError(ErrorCode.REQUIRED)
    error = check_input(PHONE_FIELD, number)
    if error is not None:
        return error
    if len(number) < PHONE_LENGTH:
        return InputError(ErrorCode.INCOMPLETE, PHONE_LENGTH)
    return None
