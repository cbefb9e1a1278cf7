"""Prefill: default answers from the ID card (``id.*``) and e-licences (``license.<type>.<field>``).

:func:`prefill_sources` lists every source value the citizen's card and licences offer, keyed
by the contract's ``FormField.prefill`` names; :func:`prefill_value` turns one into an answer
for a field: a select takes the source when it is one of its option values or labels (the
card's sex ``male`` or a licence's ``男``), a date only an ISO date, an address is split into
the region chooser and the detail when it starts with a known division, a checkbox takes
``true``/``false``. A source that does not fit the field is not used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Protocol

from kiosk.forms.divisions import Divisions
from kiosk.forms.fields import FieldSpec, FieldType
from kiosk.forms.validation import Address, FieldValue, date_valid
from kiosk.platform.models import License


class PrefillCard(Protocol):
    """What prefill reads of an ID card (``drivers.id_card.types.IdCard`` fits)."""

    @property
    def name(self) -> str:
        """The holder's name."""
        ...

    @property
    def id_number(self) -> str:
        """The ID number."""
        ...

    @property
    def sex(self) -> str:
        """``male`` or ``female``."""
        ...

    @property
    def birth_date(self) -> date:
        """Date of birth."""
        ...

    @property
    def issuer(self) -> str:
        """The issuing authority (签发机关)."""
        ...

    @property
    def nation(self) -> str | None:
        """The nation's name on a resident card, else None."""
        ...

    @property
    def address(self) -> str | None:
        """The address on the card, if it carries one."""
        ...


def card_sources(card: PrefillCard) -> dict[str, str]:
    """The ``id.*`` sources of ``card`` (absent ones left out)."""
    sources = {
        "id.name": card.name,
        "id.number": card.id_number,
        "id.sex": str(card.sex),
        "id.birth": card.birth_date.isoformat(),
        "id.issuer": card.issuer,
        "id.nation": card.nation or "",
        "id.address": card.address or "",
    }
    return {k: v for k, v in sources.items() if v}


def licence_sources(licences: Iterable[License]) -> dict[str, str]:
    """The ``license.<type>.<field>`` sources of ``licences`` (``number`` always among them);
    of two licences of one type, the first is used."""
    sources: dict[str, str] = {}
    for licence in licences:
        fields = {"number": licence.number, **licence.fields}
        for name, value in fields.items():
            sources.setdefault(f"license.{licence.license_type}.{name}", value)
    return sources


def prefill_sources(card: PrefillCard | None, licences: Iterable[License]) -> dict[str, str]:
    """Every source value the session offers: the card's and the licences'."""
    return (card_sources(card) if card is not None else {}) | licence_sources(licences)


def prefill_value(spec: FieldSpec, raw: str, divisions: Divisions) -> FieldValue | None:
    """The answer ``raw`` gives ``spec``, or None when it does not fit the field."""
    kind = spec.type
    if kind is FieldType.SELECT:
        return next((o.value for o in spec.options if raw in (o.value, o.label)), None)
    if kind is FieldType.CHECKBOX:
        return {"true": True, "false": False}.get(raw)
    if kind is FieldType.ADDRESS:
        region, detail = divisions.split_address(raw)
        return Address(region, detail)
    if kind is FieldType.DATE and not date_valid(raw):
        return None
    return raw


def prefill_answers(
    fields: Iterable[FieldSpec], sources: Mapping[str, str], divisions: Divisions
) -> dict[str, FieldValue]:
    """The prefilled answer of every field whose source the session offers and fits."""
    answers: dict[str, FieldValue] = {}
    for spec in fields:
        raw = sources.get(spec.prefill) if spec.prefill else None
        value = prefill_value(spec, raw, divisions) if raw else None
        if value is not None:
            answers[spec.id] = value
    return answers
