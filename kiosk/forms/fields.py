"""Form fields as the form engine uses them: typed, with their keyboard, merged across matters.

A :class:`FieldSpec` is built from the catalogue's ``FormField`` of one matter, or from the
fields of several matters of a bundle (一件事) that share a field. Shared means **the same
field id**: the contract's ``form`` object is keyed by field id and the platform checks a
bundle's form against the union of its matters' fields by id (first definition wins), so two
matters asking for ``phone`` get one answer, while two fields with different ids but the same
prefill source (``applicant_name`` and ``insured_name`` both from ``id.name``) stay two
questions — they may be about different people once edited. When a shared field's matters
disagree, the merged field keeps the first definition's label, type and options (as the
platform does) and is the strictest of those of the same type: required when any is, the
smallest ``max_length``, every ``pattern``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.catalogue.model import FieldOption, FormField, Matter


class FieldType(StrEnum):
    """The contract's ``FormField.type`` values."""

    TEXT = "text"
    TEXTAREA = "textarea"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    DATE = "date"
    NUMBER = "number"
    SELECT = "select"
    CHECKBOX = "checkbox"
    ADDRESS = "address"
    EMAIL = "email"


class KeyboardKind(StrEnum):
    """The on-screen keyboard a field opens.

    ``id_number`` is the numeric pad with an ``X`` key (the GB 11643 check character);
    ``none`` is for choices (select, checkbox), which open no keyboard.
    """

    NUMERIC = "numeric"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    PINYIN = "pinyin"
    LATIN = "latin"
    NONE = "none"


KEYBOARD: Mapping[FieldType, KeyboardKind] = {
    FieldType.TEXT: KeyboardKind.PINYIN,
    FieldType.TEXTAREA: KeyboardKind.PINYIN,
    FieldType.ID_NUMBER: KeyboardKind.ID_NUMBER,
    FieldType.PHONE: KeyboardKind.PHONE,
    FieldType.DATE: KeyboardKind.NUMERIC,
    FieldType.NUMBER: KeyboardKind.NUMERIC,
    FieldType.SELECT: KeyboardKind.NONE,
    FieldType.CHECKBOX: KeyboardKind.NONE,
    FieldType.ADDRESS: KeyboardKind.PINYIN,
    FieldType.EMAIL: KeyboardKind.LATIN,
}
"""The keyboard of each field type."""


@dataclass(frozen=True)
class FieldSpec:
    """One question of a form; ``matters`` are the codes of the matters that ask it."""

    id: str
    label: str
    type: FieldType
    required: bool
    max_length: int | None = None
    patterns: tuple[str, ...] = ()
    options: tuple[FieldOption, ...] = ()
    prefill: str = ""
    help: str = ""
    matters: tuple[str, ...] = ()

    @property
    def keyboard(self) -> KeyboardKind:
        """The on-screen keyboard this field opens."""
        return KEYBOARD[self.type]


def field_spec(field: FormField, matter_code: str = "") -> FieldSpec:
    """The spec of one catalogue field, asked by ``matter_code``."""
    return FieldSpec(
        id=field.id,
        label=field.label,
        type=FieldType(field.type),
        required=field.required,
        max_length=field.max_length,
        patterns=(field.pattern,) if field.pattern else (),
        options=field.options,
        prefill=field.prefill,
        help=field.help,
        matters=(matter_code,) if matter_code else (),
    )


def _stricter(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def merge(first: FieldSpec, other: FieldSpec) -> FieldSpec:
    """``first`` asked once for both: the strictest rules of the two (see the module doc)."""
    merged = replace(
        first,
        required=first.required or other.required,
        matters=first.matters + tuple(m for m in other.matters if m not in first.matters),
    )
    if other.type is not first.type:
        return merged
    return replace(
        merged,
        max_length=_stricter(first.max_length, other.max_length),
        patterns=first.patterns + tuple(p for p in other.patterns if p not in first.patterns),
        prefill=first.prefill or other.prefill,
        help=first.help or other.help,
    )


def merged_fields(matters: Iterable[Matter]) -> tuple[FieldSpec, ...]:
    """The fields of ``matters`` in order of first appearance, shared ids asked once."""
    by_id: dict[str, FieldSpec] = {}
    for matter in matters:
        for field in matter.form:
            spec = field_spec(field, matter.code)
            by_id[field.id] = merge(by_id[field.id], spec) if field.id in by_id else spec
    return tuple(by_id.values())
