"""The form of a query-and-print matter, answered without a form screen.

Query-and-print matters (证明打印) ask little: the applicant's name and ID number, which prefill
gives, and a choice or two (period, purpose) whose first option is the catalogue's usual one.
:func:`minimal_form` answers every field it can that way; a field still wrong (a required date,
say) is named in the result, so the caller asks the citizen for exactly those fields
(:func:`answered_form` gives the form to ask them on) instead of sending a form the platform
would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.catalogue.model import Matter
from kiosk.forms.fields import FieldType
from kiosk.forms.form import Form, form_for_matter


@dataclass(frozen=True)
class MinimalForm:
    """The contract's ``form`` object, or the ids of the fields it could not answer."""

    form: Mapping[str, Any]
    unanswered: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True when every field is validly answered."""
        return not self.unanswered


def identity_sources(name: str, id_number: str) -> dict[str, str]:
    """The prefill sources of a platform-verified person: what these matters' fields use."""
    return {"id.name": name, "id.number": id_number}


def answered_form(matter: Matter, sources: Mapping[str, str]) -> Form:
    """``matter``'s form answered from prefill ``sources`` and, for an unanswered required
    choice, its first option; ``errors()`` names what is still to ask."""
    form = Form(form_for_matter(matter))
    form.prefill(sources)
    for spec in form.spec.fields:
        unanswered = spec.required and not form.answer(spec.id)
        if unanswered and spec.type is FieldType.SELECT and spec.options:
            form.set(spec.id, spec.options[0].value)
    return form


def minimal_form(matter: Matter, sources: Mapping[str, str]) -> MinimalForm:
    """``matter``'s :func:`answered_form` as the contract's ``form``, or what it lacks."""
    form = answered_form(matter, sources)
    errors = form.errors()
    answers = form.contract_form()
    form.clear()
    return MinimalForm(answers, tuple(errors))
