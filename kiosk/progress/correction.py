"""A correction (补齐补正) made at the terminal, with the same material steps as applying.

The materials to supply are the deferred (容缺) ones still missing; when the department asked
for a correction without a deferred material (its note says what), every material of the
matter may be supplied again. They are offered as when applying — a held e-licence matched at
once, a commitment (告知承诺) where the material allows — but never deferred again. The draft
is an :class:`~kiosk.apply.draft.ApplicationDraft` holding only those materials, so the apply
material screens serve it unchanged; :func:`correction_request` makes the contract's
``Correction`` of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from kiosk.apply.draft import ApplicationDraft
from kiosk.catalogue.model import MaterialSpec, Matter
from kiosk.flow.matter import SubjectKind
from kiosk.forms.form import Form, form_for_matter
from kiosk.forms.paging import paginate
from kiosk.materials.plan import MaterialPlan
from kiosk.platform.models import Application, Correction, License


def materials_to_supply(matter: Matter, application: Application) -> tuple[MaterialSpec, ...]:
    """The deferred materials still missing (required now); else every material of the
    matter, each optional. None of them may be deferred again."""
    deferred = set(application.deferred_materials)
    if deferred:
        return tuple(
            replace(spec, required=True, deferrable=False)
            for spec in matter.materials
            if spec.id in deferred
        )
    return tuple(replace(spec, required=False, deferrable=False) for spec in matter.materials)


def start_correction(
    matter: Matter,
    application: Application,
    licences: Sequence[License],
    today: date,
    idempotency_key: str,
) -> ApplicationDraft:
    """The correction's draft: the materials to supply, every one a held licence satisfies
    matched already."""
    spec = form_for_matter(matter)
    plan = MaterialPlan(materials_to_supply(matter, application))
    plan.auto_match(licences, today)
    return ApplicationDraft(
        code=matter.code,
        kind=SubjectKind.MATTER,
        matters=(matter,),
        form=Form(spec),
        pages=paginate(spec.fields),
        plan=plan,
        idempotency_key=idempotency_key,
        licences=tuple(licences),
    )


def complete(draft: ApplicationDraft) -> bool:
    """Every material that must be supplied is."""
    return not draft.plan.unresolved(required_only=True)


def correction_request(draft: ApplicationDraft, verification_id: str) -> Correction:
    """The contract's ``Correction``: the materials supplied (no form changes)."""
    return Correction(verification_id=verification_id, materials=draft.plan.refs())
