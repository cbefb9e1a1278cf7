"""The guards and steps of the apply phase (:mod:`kiosk.flow.phases.apply`).

They read and change the session's :class:`~kiosk.apply.draft.ApplicationDraft`; every
platform call and print job is an effect whose answer comes back as a reply.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from drivers.base import DeviceClass
from kiosk.apply.certificates import certificate_numbers
from kiosk.apply.draft import Accepted, ApplicationDraft, Saved, prefill_from
from kiosk.apply.precheck import IdentityProof, precheck
from kiosk.flow import events as ev
from kiosk.flow.chart import decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    DeferredItem,
    Effect,
    LoadApplication,
    PrintReceipt,
    SubmitApplication,
)
from kiosk.flow.matter import SelfService
from kiosk.flow.payment_actions import paid_payment
from kiosk.identity.person import IdentityMethod
from kiosk.platform.errors import ProblemCode
from kiosk.platform.models import Applicant

INSUFFICIENT_IDENTITY = ProblemCode.INSUFFICIENT_IDENTITY.value
"""The platform's code for a card-level verification used for a matter needing the face."""

LEVEL_OF_METHOD = {
    IdentityMethod.ID_CARD_AND_FACE: "face",
    IdentityMethod.QR_LOGIN: "app",
    IdentityMethod.ID_CARD: "card",
}
"""The contract 1.1 ``Verification.level`` each way of establishing identity gives."""


def _draft(ctx: FlowContext) -> ApplicationDraft | None:
    return ctx.session.application


def identity_proof(ctx: FlowContext) -> IdentityProof | None:
    """What the session's verification proves, for the pre-check (None without one)."""
    v = ctx.session.verification
    if v is None or v.expires_at is None:
        return None
    try:
        expires_at = datetime.fromisoformat(v.expires_at)
    except ValueError:
        return None
    return IdentityProof(LEVEL_OF_METHOD[v.method], expires_at)


# --- guards ---------------------------------------------------------------------------------


class ContinueRoute(StrEnum):
    """What 继续办理 on ``verified`` does."""

    APPLY = "apply"
    """The application opens."""
    FACE_FIRST = "face_first"
    """The platform refused the card-level verification for the matter: face first."""
    BLOCKED = "blocked"
    """Not ``self_service: full``, or no platform verification scopes an application."""


@decision
def continue_route(ctx: FlowContext, _event: ev.Event) -> ContinueRoute:
    """Open the application when the chosen matter is ``self_service: full`` and a platform
    verification scopes it, unless the platform said the matter needs the face and identity
    is the card's alone."""
    matter, v = ctx.session.matter, ctx.session.verification
    if (
        matter is None
        or matter.self_service is not SelfService.FULL
        or v is None
        or v.verification_id is None
    ):
        return ContinueRoute.BLOCKED
    if ctx.session.face_required and v.method is IdentityMethod.ID_CARD:
        return ContinueRoute.FACE_FIRST
    return ContinueRoute.APPLY


class FormNext(StrEnum):
    """What 下一步 on a form page does."""

    PAGE_INVALID = "page_invalid"
    NEXT_PAGE = "next_page"
    MATERIALS = "materials"
    REVIEW = "review"


@decision
def form_next(ctx: FlowContext, _event: ev.Event) -> FormNext:
    """Stay and show the page's errors, or go on to the next page, the materials or review."""
    draft = _draft(ctx)
    if draft is None:
        return FormNext.PAGE_INVALID
    if draft.page_errors():
        return FormNext.PAGE_INVALID
    if draft.page + 1 < len(draft.pages):
        return FormNext.NEXT_PAGE
    return FormNext.MATERIALS if draft.plan.specs else FormNext.REVIEW


class Backward(StrEnum):
    """What 返回 does inside a step with several screens."""

    WITHIN = "within"
    """An earlier page or material of the same step."""
    OUT = "out"
    """Out of the step, to the one before it."""


@decision
def form_back(ctx: FlowContext, _event: ev.Event) -> Backward:
    """An earlier form page, or out of the form (to ``verified``)."""
    draft = _draft(ctx)
    return Backward.WITHIN if draft is not None and draft.page > 0 else Backward.OUT


@decision
def material_back(ctx: FlowContext, _event: ev.Event) -> Backward:
    """An earlier material, or back to the form's last page."""
    draft = _draft(ctx)
    return Backward.WITHIN if draft is not None and draft.material > 0 else Backward.OUT


@decision
def material_next(ctx: FlowContext, _event: ev.Event) -> Backward:
    """The next material (WITHIN), or on to review (OUT)."""
    draft = _draft(ctx)
    more = draft is not None and draft.material + 1 < len(draft.plan.specs)
    return Backward.WITHIN if more else Backward.OUT


@predicate
def has_materials(ctx: FlowContext, _event: ev.Event) -> bool:
    """The application has materials (review's 返回 goes to the last of them)."""
    draft = _draft(ctx)
    return draft is not None and bool(draft.plan.specs)


@predicate
def ready_to_submit(ctx: FlowContext, _event: ev.Event) -> bool:
    """The pre-check, run now, finds nothing the platform would refuse."""
    draft = _draft(ctx)
    if draft is None:
        return False
    problems = precheck(draft.matters, draft.form, draft.pages, draft.plan,
                        identity_proof(ctx), ctx.devices, ctx.wall)
    return not any(p.blocking for p in problems)


def _asks_for_face(event: ev.Event) -> bool:
    return isinstance(event, ev.ApplicationRefused) and event.code == INSUFFICIENT_IDENTITY


@predicate
def needs_face(_ctx: FlowContext, event: ev.Event) -> bool:
    """The platform refused the submission because the verification is card-level and the
    matter needs the face (403 ``insufficient_identity``)."""
    return _asks_for_face(event)


@decision
def outcome_kind(ctx: FlowContext, _event: ev.Event) -> str:
    """``accepted`` online or ``saved`` for later (which screen follows the receipt)."""
    draft = _draft(ctx)
    return "saved" if draft is not None and isinstance(draft.outcome, Saved) else "accepted"


@predicate
def printer_ready(ctx: FlowContext, _event: ev.Event) -> bool:
    """The receipt printer is usable again."""
    status = ctx.devices.get(DeviceClass.RECEIPT_PRINTER)
    return status is not None and status.usable


# --- steps ----------------------------------------------------------------------------------


def load_application(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Ask for the matters and the person's e-licences (the card may leave the reader now)."""
    ctx.card_grace_deadline = None
    matter, v = ctx.session.matter, ctx.session.verification
    if matter is None or v is None or v.verification_id is None:
        return None
    return LoadApplication(ctx.new_request(), matter.code, matter.kind, v.verification_id)


def start_draft(ctx: FlowContext, event: ev.Event) -> None:
    """Make the draft: one form prefilled from the card and licences, licences matched."""
    matter, v = ctx.session.matter, ctx.session.verification
    if not isinstance(event, ev.ApplicationLoaded) or matter is None or v is None:
        return
    ctx.pending_request = None
    sources = prefill_from(ctx.session.card, v.person.name, v.person.id_number)
    ctx.session.drop_application()
    ctx.session.application = ApplicationDraft.start(
        matter.code, matter.kind, event.matters, event.licences, sources, ctx.today,
        event.idempotency_key,
    )


def drop_application(ctx: FlowContext, _event: ev.Event) -> None:
    """Leaving the application: forget the draft."""
    ctx.session.drop_application()


def leave_application(ctx: FlowContext, event: ev.Event) -> None:
    """Leaving the application: forget the draft, unless the platform refused it for want of
    the face (403 ``insufficient_identity``): then hold it, under a new idempotency key, while
    the citizen steps up to face verification."""
    draft = _draft(ctx)
    if draft is None or not _asks_for_face(event):
        ctx.session.drop_application()
        return
    draft.renew_key()
    ctx.session.hold_application()


def resume_application(ctx: FlowContext, _event: ev.Event) -> None:
    """The face verified: the held application is back, as the citizen left it (and, as on
    opening it, the card may leave the reader now)."""
    ctx.card_grace_deadline = None
    ctx.session.resume_application()


def edit_field(ctx: FlowContext, event: ev.Event) -> None:
    """Record the citizen's answer (an answer of the wrong kind or field is ignored)."""
    draft = _draft(ctx)
    if draft is None or not isinstance(event, ev.FieldEdited):
        return
    try:
        draft.edit(event.field_id, event.value)
    except (KeyError, TypeError):
        return


def show_page_errors(ctx: FlowContext, _event: ev.Event) -> None:
    """Show every error of the current page."""
    draft = _draft(ctx)
    if draft is not None:
        draft.show_page_errors()


def next_page(ctx: FlowContext, _event: ev.Event) -> None:
    """The next form page."""
    draft = _draft(ctx)
    if draft is not None:
        draft.go_to_page(draft.page + 1)


def previous_page(ctx: FlowContext, _event: ev.Event) -> None:
    """The previous form page."""
    draft = _draft(ctx)
    if draft is not None:
        draft.go_to_page(max(0, draft.page - 1))


def first_material(ctx: FlowContext, _event: ev.Event) -> None:
    """The first material."""
    draft = _draft(ctx)
    if draft is not None:
        draft.go_to_material(0)


def next_material(ctx: FlowContext, _event: ev.Event) -> None:
    """The next material."""
    draft = _draft(ctx)
    if draft is not None:
        draft.go_to_material(draft.material + 1)


def previous_material(ctx: FlowContext, _event: ev.Event) -> None:
    """The previous material."""
    draft = _draft(ctx)
    if draft is not None:
        draft.go_to_material(max(0, draft.material - 1))


def commit_material(ctx: FlowContext, _event: ev.Event) -> None:
    """The citizen confirmed the commitment text of the material on screen."""
    draft = _draft(ctx)
    if draft is not None:
        draft.commit()


def defer_material(ctx: FlowContext, _event: ev.Event) -> None:
    """The material on screen follows later (容缺)."""
    draft = _draft(ctx)
    if draft is not None:
        draft.defer(ctx.today)


def undo_material(ctx: FlowContext, _event: ev.Event) -> None:
    """Choose again for the material on screen."""
    draft = _draft(ctx)
    if draft is not None:
        draft.undo_material()


def run_precheck(ctx: FlowContext, _event: ev.Event) -> None:
    """Pre-check (预审) the application for the review screen."""
    draft = _draft(ctx)
    if draft is not None:
        draft.check(identity_proof(ctx), ctx.devices, ctx.wall)


def submit(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """The citizen confirmed: ``submitted_at`` is now; submit through the outbox."""
    draft, v = _draft(ctx), ctx.session.verification
    if draft is None or v is None or v.verification_id is None:
        return None
    applicant = Applicant(v.person.name, v.person.id_number)
    request = draft.request(v.verification_id, applicant, ctx.wall)
    return SubmitApplication(ctx.new_request(), request, draft.uploads(), draft.idempotency_key)


def record_outcome(ctx: FlowContext, event: ev.Event) -> None:
    """Keep what came of the submission (accepted online, or saved for later)."""
    draft = _draft(ctx)
    if draft is None:
        return
    ctx.pending_request = None
    if isinstance(event, ev.ApplicationAccepted):
        draft.settle(Accepted(event.applications, event.local_ref))
    elif isinstance(event, ev.ApplicationQueued):
        draft.settle(Saved(event.local_ref, draft.submitted_at or ctx.wall))


def record_refusal(ctx: FlowContext, event: ev.Event) -> None:
    """The platform refused the submission: show the fields it names; the corrected one goes
    under a new idempotency key (the platform keeps its refusal under this one, and the same
    key with another body would be 409 ``idempotency_conflict``)."""
    draft = _draft(ctx)
    if draft is not None and isinstance(event, ev.ApplicationRefused):
        draft.refuse(event.fields)
        draft.renew_key()


def print_receipt(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Print the receipt of the outcome (acceptance receipt, or the saved-for-later slip)."""
    draft, v = _draft(ctx), ctx.session.verification
    if draft is None or v is None or draft.outcome is None:
        return None
    outcome = draft.outcome
    accepted = isinstance(outcome, Accepted)
    return PrintReceipt(
        ctx.new_request(),
        applicant=Applicant(v.person.name, v.person.id_number),
        applications=outcome.applications if isinstance(outcome, Accepted) else (),
        matter_names=tuple(m.name for m in draft.matters),
        local_ref=outcome.local_ref,
        saved_at=None if accepted else draft.submitted_at,
        deferred=tuple(DeferredItem(spec.name, deadline) for spec, deadline
                       in draft.plan.deferred()),
        certificates=certificate_numbers(draft.matters, outcome.applications)
        if isinstance(outcome, Accepted) else (),
        payment=paid_payment(ctx),
    )


def record_certificates(ctx: FlowContext, event: ev.Event) -> None:
    """Keep what came of each instant certificate's A4 job (the done screen says it)."""
    draft = _draft(ctx)
    if draft is not None and isinstance(event, ev.ReceiptPrinted):
        draft.record_certificates(event.certificates)
