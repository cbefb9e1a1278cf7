"""One citizen's form: the questions of a matter or a bundle, the answers, their errors, and
the contract's ``form`` object for the submission.

Answers are :data:`~kiosk.forms.validation.FieldValue`: text for text-like fields and a
select's option value, a bool for a checkbox (unticked by default), an
:class:`~kiosk.forms.validation.Address` for an address. A prefilled answer stays marked
prefilled until the citizen changes it; every answer stays editable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.catalogue.model import Matter
from kiosk.forms.divisions import Divisions, load_divisions
from kiosk.forms.fields import FieldSpec, FieldType, merged_fields
from kiosk.forms.prefill import prefill_answers
from kiosk.forms.validation import (
    Address,
    FieldValue,
    InputError,
    check_input,
    check_value,
    submitted_text,
)

_PLAIN_NUMBER = "-0123456789."


@dataclass(frozen=True)
class FormSpec:
    """The questions of one application, in order; ``matters`` are the codes it covers."""

    fields: tuple[FieldSpec, ...]
    matters: tuple[str, ...]

    def field(self, field_id: str) -> FieldSpec | None:
        """The question ``field_id``, if the form has it."""
        return next((f for f in self.fields if f.id == field_id), None)


def form_for_matter(matter: Matter) -> FormSpec:
    """The form of one matter."""
    return FormSpec(merged_fields([matter]), (matter.code,))


def form_for_bundle(matters: Sequence[Matter]) -> FormSpec:
    """One merged form for a bundle's matters: a field id they share is asked once."""
    return FormSpec(merged_fields(matters), tuple(m.code for m in matters))


def _blank(spec: FieldSpec) -> FieldValue:
    if spec.type is FieldType.CHECKBOX:
        return False
    if spec.type is FieldType.ADDRESS:
        return Address()
    return ""


def _fits(spec: FieldSpec, value: FieldValue) -> bool:
    if spec.type is FieldType.CHECKBOX:
        return isinstance(value, bool)
    if spec.type is FieldType.ADDRESS:
        return isinstance(value, Address)
    return isinstance(value, str)


class Form:
    """The answers to a :class:`FormSpec`; holds personal data until :meth:`clear`."""

    def __init__(self, spec: FormSpec, divisions: Divisions | None = None) -> None:
        self._spec = spec
        self._divisions = divisions or load_divisions()
        self._answers: dict[str, FieldValue] = {}
        self._prefilled: dict[str, FieldValue] = {}
        self.clear()

    @property
    def spec(self) -> FormSpec:
        """The questions."""
        return self._spec

    @property
    def divisions(self) -> Divisions:
        """The division table the address fields choose from."""
        return self._divisions

    def clear(self) -> None:
        """Forget every answer and prefill (end of session)."""
        self._answers = {f.id: _blank(f) for f in self._spec.fields}
        self._prefilled = {}

    def prefill(self, sources: Mapping[str, str]) -> None:
        """Fill every field whose prefill source is in ``sources`` and fits, marked prefilled."""
        answers = prefill_answers(self._spec.fields, sources, self._divisions)
        self._answers.update(answers)
        self._prefilled.update(answers)

    def _spec_of(self, field_id: str) -> FieldSpec:
        spec = self._spec.field(field_id)
        if spec is None:
            raise KeyError(f"no field {field_id} in this form")
        return spec

    def answer(self, field_id: str) -> FieldValue:
        """The current answer of ``field_id``."""
        self._spec_of(field_id)
        return self._answers[field_id]

    def prefilled(self, field_id: str) -> bool:
        """True while ``field_id`` holds the answer prefill gave it."""
        return field_id in self._prefilled and self._prefilled[field_id] == self._answers[field_id]

    def set(self, field_id: str, value: FieldValue) -> InputError | None:
        """Set an answer as the citizen edits it; returns the error typing cannot fix, if any.

        An ``x`` typed into an ID number becomes ``X``. Raises KeyError for an unknown field
        and TypeError for an answer of the wrong kind (text for a checkbox, say).
        """
        spec = self._spec_of(field_id)
        if not _fits(spec, value):
            raise TypeError(f"field {field_id} ({spec.type}) cannot take {type(value).__name__}")
        if spec.type is FieldType.ID_NUMBER and isinstance(value, str):
            value = value.upper()
        self._answers[field_id] = value
        if isinstance(value, bool) or spec.type is FieldType.SELECT:
            return None
        return check_input(spec, submitted_text(spec, value, self._divisions))

    def error(self, field_id: str) -> InputError | None:
        """The error of the finished answer of ``field_id``, if any."""
        return check_value(self._spec_of(field_id), self._answers[field_id], self._divisions)

    def errors(self, fields: Iterable[FieldSpec] | None = None) -> dict[str, InputError]:
        """Errors of every answer (or of ``fields``, e.g. one page's), by field id, in order."""
        wanted = self._spec.fields if fields is None else tuple(fields)
        found = {f.id: check_value(f, self._answers[f.id], self._divisions) for f in wanted}
        return {k: v for k, v in found.items() if v is not None}

    def contract_form(self) -> dict[str, Any]:
        """The contract's ``form`` object: answered fields by id (empty ones left out); text
        stripped, a number as a JSON number, an address as one line, a checkbox as a bool."""
        form: dict[str, Any] = {}
        for spec in self._spec.fields:
            value = self._answers[spec.id]
            if isinstance(value, bool):
                form[spec.id] = value
                continue
            text = submitted_text(spec, value, self._divisions)
            if text:
                form[spec.id] = _number(text) if spec.type is FieldType.NUMBER else text
        return form


def _number(text: str) -> int | float | str:
    """A plain decimal as int or float; anything else stays text (the platform refuses it)."""
    if not text or any(c not in _PLAIN_NUMBER for c in text):
        return text
    try:
        return int(text) if "." not in text else float(text)
    except ValueError:
        return text
