"""What the UI shows for the flow's current state: one immutable value per change.

The view-models read a :class:`FlowView` and nothing else of the flow; it carries only
masked personal data, and codes rather than words: the UI's text catalogue (``ui.text``)
words every code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from drivers.base import DeviceClass
from kiosk.apply.draft import Accepted, ApplicationDraft, Saved
from kiosk.evaluation.answers import EvaluationDraft, Rating
from kiosk.evaluation.service import ServiceKind
from kiosk.flow.actions import MAX_FACE_ATTEMPTS
from kiosk.flow.certificate import IssuedCertificate
from kiosk.flow.context import FlowContext
from kiosk.flow.matter import MatterBrief, SelfService
from kiosk.flow.states import Reason, State
from kiosk.gating import Availability, matter_availability, qr_login_usable
from kiosk.identity.consent import ConsentPurpose
from kiosk.identity.person import IdentityMethod
from kiosk.progress.scan import ForeignCode


class ContinueBlock(StrEnum):
    """Why 继续办理 on ``verified`` is disabled."""

    FORMS_NOT_YET = "forms_not_yet"
    """The matter cannot be applied for at the terminal (not ``self_service: full``), or no
    platform verification scopes the application."""


@dataclass(frozen=True)
class ApplyStatus:
    """Where the application stands, without its personal data: the apply view-model reads
    the answers themselves from the session's draft, and ``revision`` changes with them."""

    revision: int
    page: int
    page_count: int
    material: int
    material_count: int
    blocked: bool
    printer_ready: bool
    application_nos: tuple[str, ...]
    local_ref: str


def apply_status(draft: ApplicationDraft, ctx: FlowContext) -> ApplyStatus:
    """The status of ``draft`` with the devices of ``ctx``."""
    outcome = draft.outcome
    printer = ctx.devices.get(DeviceClass.RECEIPT_PRINTER)
    return ApplyStatus(
        revision=draft.revision,
        page=draft.page,
        page_count=len(draft.pages),
        material=draft.material,
        material_count=len(draft.plan.specs),
        blocked=draft.blocked,
        printer_ready=printer is not None and printer.usable,
        application_nos=(
            tuple(a.application_no for a in outcome.applications)
            if isinstance(outcome, Accepted)
            else ()
        ),
        local_ref=outcome.local_ref if isinstance(outcome, Accepted | Saved) else "",
    )


@dataclass(frozen=True)
class EvaluationStatus:
    """The rating under way, without the comment's text (the evaluation view-model reads it
    from the session's draft): what is rated and what was chosen."""

    kind: ServiceKind
    matter_names: tuple[str, ...]
    application_nos: tuple[str, ...]
    rating: Rating | None
    reasons: tuple[str, ...]
    comment_length: int


def evaluation_status(draft: EvaluationDraft) -> EvaluationStatus:
    """The status of the rating ``draft``."""
    served = draft.served
    return EvaluationStatus(
        kind=served.kind,
        matter_names=served.matter_names,
        application_nos=tuple(i.application_no for i in served.items if i.application_no),
        rating=draft.rating,
        reasons=draft.reasons,
        comment_length=len(draft.sent_comment),
    )


@dataclass(frozen=True)
class FlowView:
    """The flow as the screens see it."""

    state: State
    reason: Reason | None
    idle_countdown: bool
    countdown_remaining_s: int
    matter: MatterBrief | None
    availability: Availability | None
    display_name: str
    identity_method: IdentityMethod | None
    face_attempts: int
    face_attempts_left: int
    qr_login_available: bool
    card_reader_usable: bool
    card_grace_remaining_s: int | None
    """Seconds before the session ends while the card is off the reader on ``verified``."""
    consent_purpose: ConsentPurpose
    continue_enabled: bool
    continue_disabled_reason: ContinueBlock | None
    application: ApplyStatus | None = None
    certificate: IssuedCertificate | None = None
    evaluation: EvaluationStatus | None = None
    appointment_revision: int | None = None
    """The revision of the session's appointment draft (None without one): the appointment
    view-model reads the draft itself when it changes."""
    appointment_slot_chosen: bool = False
    """A slot with places left is chosen (下一步 on the slots screen is enabled)."""
    progress_revision: int = -1
    """Changes with the session's progress case (the progress view-model reads the case
    itself); -1 without one."""
    foreign_code: ForeignCode | None = None
    """What the last refused scanned code was, on the progress screen."""
    elderly: bool = False
    """适老模式 is on for this session: the UI shows larger text and the way to a person."""


def build_view(
    state: State,
    ctx: FlowContext,
    countdown_remaining_s: int | None,
    card_grace_remaining_s: int | None = None,
) -> FlowView:
    """The view of ``state`` with the context's data; ``countdown_remaining_s`` is ``None``
    when no idle countdown is shown, ``card_grace_remaining_s`` when no card grace runs."""
    session = ctx.session
    matter = session.matter
    verification = session.verification
    can_apply = (
        matter is not None
        and matter.self_service is SelfService.FULL
        and verification is not None
        and verification.verification_id is not None
    )
    draft = session.application
    return FlowView(
        state=state,
        reason=ctx.reason,
        idle_countdown=countdown_remaining_s is not None,
        countdown_remaining_s=countdown_remaining_s or 0,
        matter=matter,
        availability=matter_availability(matter, ctx.devices) if matter else None,
        display_name=verification.person.display_name if verification else "",
        identity_method=verification.method if verification else None,
        face_attempts=session.face_attempts,
        face_attempts_left=max(0, MAX_FACE_ATTEMPTS - session.face_attempts),
        qr_login_available=qr_login_usable(ctx.devices),
        card_reader_usable=_usable(ctx, DeviceClass.ID_CARD_READER),
        card_grace_remaining_s=card_grace_remaining_s,
        consent_purpose=ConsentPurpose.FACE_VERIFICATION,
        continue_enabled=can_apply,
        continue_disabled_reason=None if can_apply else ContinueBlock.FORMS_NOT_YET,
        application=apply_status(draft, ctx) if draft is not None else None,
        certificate=ctx.certificate,
        evaluation=evaluation_status(session.evaluation) if session.evaluation else None,
        appointment_revision=(
            session.appointment.revision if session.appointment is not None else None
        ),
        appointment_slot_chosen=(
            session.appointment is not None and session.appointment.chosen is not None
        ),
        progress_revision=session.progress.revision if session.progress else -1,
        foreign_code=session.progress.refused if session.progress else None,
        elderly=session.elderly,
    )


def _usable(ctx: FlowContext, device: DeviceClass) -> bool:
    status = ctx.devices.get(device)
    return status is not None and status.usable
