"""Field validation as error codes with parameters; the UI turns them into words.

Two checks per field:

* :func:`check_input` runs on every keystroke over the text typed so far and reports only
  what typing more cannot fix (a letter in a phone number, a phone number not starting 1[3-9],
  too many characters, a wrong check digit once all 18 characters are in). A prefix of a
  valid value never gets an error, so the citizen is not scolded half-way through typing.
* :func:`check_value` checks a finished value the way the platform checks a submission
  (``platform_sim``'s form rules, see its ``forms.py``): required, the type's shape, then
  ``max_length``, then every ``pattern`` (searched, as the platform does). The kiosk is
  stricter than the platform in two places: a number must be plain decimal (``-12.5``, not
  ``1e3`` or ``nan``), and a date must be ``YYYY-MM-DD`` (not an ISO week date).

Text is compared after stripping surrounding blanks, as it is submitted. A checkbox is always
``true`` or ``false`` and so always satisfies ``required`` (the platform's rule: a required
checkbox is one that must be answered, and unticked is an answer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from drivers.id_card.idnumber import resident_number_valid
from kiosk.forms.divisions import Divisions
from kiosk.forms.fields import FieldSpec, FieldType

ID_NUMBER_LENGTH = 18
PHONE_LENGTH = 11
DATE_LENGTH = 10

_PHONE = re.compile(r"1[3-9][0-9]{9}")
_PHONE_PREFIX = re.compile(r"(1([3-9][0-9]*)?)?")
_ID_PREFIX = re.compile(r"[0-9]{0,17}|[0-9]{17}[0-9X]")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_NUMBER_PREFIX = re.compile(r"-?([0-9]+(\.[0-9]*)?)?")
_DATE_PREFIX = re.compile(r"[0-9]{0,4}(-[0-9]{0,2}(-[0-9]{0,2})?)?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_EMAIL_PREFIX = re.compile(r"[^@\s]*(@[^@\s]*)?")


class ErrorCode(StrEnum):
    """Why a field's value is refused."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    PATTERN_MISMATCH = "pattern_mismatch"
    INVALID_CHARACTER = "invalid_character"
    INCOMPLETE = "incomplete"
    ID_CHECK_DIGIT = "id_check_digit"
    NOT_MOBILE = "not_mobile"
    INVALID_DATE = "invalid_date"
    INVALID_NUMBER = "invalid_number"
    INVALID_EMAIL = "invalid_email"
    NOT_AN_OPTION = "not_an_option"
    ADDRESS_DETAIL_REQUIRED = "address_detail_required"


@dataclass(frozen=True)
class InputError:
    """An error code; ``limit`` is the length that ``too_long`` and ``incomplete`` refer to."""

    code: ErrorCode
    limit: int | None = None


@dataclass(frozen=True)
class Address:
    """An address answer: a division from the chooser (its code, "" when none) and the detail."""

    region: str = ""
    detail: str = ""

    def text(self, divisions: Divisions) -> str:
        """The address as one line: the division's full name, then the detail."""
        return (divisions.full_name(self.region) + self.detail).strip()


FieldValue = str | bool | Address
"""A field's answer: text (also a select's option value), a checkbox's tick, an address."""


def _limit(spec: FieldSpec, natural: int | None) -> int | None:
    if spec.max_length is None:
        return natural
    return spec.max_length if natural is None else min(spec.max_length, natural)


def check_input(spec: FieldSpec, text: str) -> InputError | None:
    """The error typing more cannot fix in ``text`` typed so far into a text-like field."""
    natural = {
        FieldType.ID_NUMBER: ID_NUMBER_LENGTH,
        FieldType.PHONE: PHONE_LENGTH,
        FieldType.DATE: DATE_LENGTH,
    }.get(spec.type)
    limit = _limit(spec, natural)
    if limit is not None and len(text) > limit:
        return InputError(ErrorCode.TOO_LONG, limit)
    kind = spec.type
    if kind is FieldType.ID_NUMBER:
        if not _ID_PREFIX.fullmatch(text):
            return InputError(ErrorCode.INVALID_CHARACTER)
        if len(text) == ID_NUMBER_LENGTH and not resident_number_valid(text):
            return InputError(ErrorCode.ID_CHECK_DIGIT)
    elif kind is FieldType.PHONE:
        if text and not (text.isascii() and text.isdigit()):
            return InputError(ErrorCode.INVALID_CHARACTER)
        if not _PHONE_PREFIX.fullmatch(text):
            return InputError(ErrorCode.NOT_MOBILE)
    elif kind is FieldType.NUMBER:
        if not _NUMBER_PREFIX.fullmatch(text):
            return InputError(ErrorCode.INVALID_CHARACTER)
    elif kind is FieldType.DATE:
        if not _DATE_PREFIX.fullmatch(text):
            return InputError(ErrorCode.INVALID_CHARACTER)
        if len(text) == DATE_LENGTH and not date_valid(text):
            return InputError(ErrorCode.INVALID_DATE)
    elif kind is FieldType.EMAIL and not _EMAIL_PREFIX.fullmatch(text):
        return InputError(ErrorCode.INVALID_CHARACTER)
    return None


def date_valid(text: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if len(text) != DATE_LENGTH or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _type_error(spec: FieldSpec, text: str) -> InputError | None:
    kind = spec.type
    if kind is FieldType.ID_NUMBER:
        if len(text) < ID_NUMBER_LENGTH and _ID_PREFIX.fullmatch(text):
            return InputError(ErrorCode.INCOMPLETE, ID_NUMBER_LENGTH)
        return check_input(spec, text)
    if kind is FieldType.PHONE:
        if _PHONE.fullmatch(text):
            return None
        error = check_input(spec, text)
        return error or InputError(ErrorCode.INCOMPLETE, PHONE_LENGTH)
    if kind is FieldType.NUMBER and not _NUMBER.fullmatch(text):
        return InputError(ErrorCode.INVALID_NUMBER)
    if kind is FieldType.DATE and not date_valid(text):
        return InputError(ErrorCode.INVALID_DATE)
    if kind is FieldType.EMAIL and not _EMAIL.fullmatch(text):
        return InputError(ErrorCode.INVALID_EMAIL)
    if kind is FieldType.SELECT and text not in {o.value for o in spec.options}:
        return InputError(ErrorCode.NOT_AN_OPTION)
    return None


def submitted_text(spec: FieldSpec, value: FieldValue, divisions: Divisions) -> str:
    """The text of a non-checkbox answer as submitted (stripped; an address as one line)."""
    if isinstance(value, Address):
        return value.text(divisions)
    return str(value).strip()


def check_value(spec: FieldSpec, value: FieldValue, divisions: Divisions) -> InputError | None:
    """The first error of a finished answer, in the platform's order; None when it is valid."""
    if spec.type is FieldType.CHECKBOX:
        return None if isinstance(value, bool) else InputError(ErrorCode.REQUIRED)
    text = submitted_text(spec, value, divisions)
    if not text:
        return InputError(ErrorCode.REQUIRED) if spec.required else None
    if isinstance(value, Address) and value.region and not value.detail.strip():
        return InputError(ErrorCode.ADDRESS_DETAIL_REQUIRED)
    error = _type_error(spec, text)
    if error is not None:
        return error
    if spec.max_length is not None and len(text) > spec.max_length:
        return InputError(ErrorCode.TOO_LONG, spec.max_length)
    if any(not re.search(pattern, text) for pattern in spec.patterns):
        return InputError(ErrorCode.PATTERN_MISMATCH)
    return None
