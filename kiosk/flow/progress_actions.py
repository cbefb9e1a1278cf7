"""The guards and steps of the progress phase (:mod:`kiosk.flow.phases.progress`).

They read and change the session's :class:`~kiosk.progress.case.ProgressCase` and, for a
correction, the session's draft (the apply phase's material steps serve it unchanged); every
platform call and print job is an effect whose answer comes back as a reply.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.flow import events as ev
from kiosk.flow.chart import Step, decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    Effect,
    ListApplications,
    LoadApplication,
    PrintCorrectionReceipt,
    QueryProgress,
    SubmitCorrection,
    VerifyCard,
)
from kiosk.flow.matter import IdentityRequirement, SubjectKind
from kiosk.flow.states import Reason
from kiosk.identity.checks import CardCheck, check_card
from kiosk.identity.person import Citizen, EstablishedIdentity, IdentityMethod
from kiosk.platform.models import Applicant
from kiosk.progress.case import ProgressCase
from kiosk.progress.correction import complete, correction_request, start_correction
from kiosk.progress.summary import Progress, recent

NOT_CORRECTABLE = "not_correctable"
"""The platform's problem code for a correction of an application that awaits none."""


def case(ctx: FlowContext) -> ProgressCase:
    """The session's progress case (made on first use)."""
    if ctx.session.progress is None:
        ctx.session.progress = ProgressCase()
    return ctx.session.progress


def _opened(ctx: FlowContext) -> Progress | None:
    found = ctx.session.progress
    return found.opened if found is not None else None


# --- guards ---------------------------------------------------------------------------------


class CardUse(StrEnum):
    """What a card placed on the progress or correction screen leads to."""

    REJECTED = "rejected"
    """Unknown type, expired, or a wrong check digit: the screen says so."""
    CARD = "card"
    """Verify the card with the platform (card level)."""
    FACE = "face"
    """The matter asks for face verification as well (corrections only)."""


@decision
def card_use(ctx: FlowContext, event: ev.Event) -> CardUse:
    """The read card checked on today's date, against the open application's matter."""
    if not isinstance(event, ev.CardRead) or check_card(event.card, ctx.today) is not CardCheck.OK:
        return CardUse.REJECTED
    opened = _opened(ctx)
    if opened is not None and opened.identity is IdentityRequirement.ID_CARD_AND_FACE:
        return CardUse.FACE
    return CardUse.CARD


@predicate
def listed(ctx: FlowContext, event: ev.Event) -> bool:
    """The chosen application is one of those listed."""
    if not isinstance(event, ev.OpenApplication):
        return False
    return case(ctx).find(event.application_no) is not None


class DetailBack(StrEnum):
    """Where 返回 on an application's progress goes."""

    LIST = "list"
    SCAN = "scan"


@decision
def detail_back(ctx: FlowContext, _event: ev.Event) -> DetailBack:
    """To the card holder's list when the application came from it, else to scanning."""
    return DetailBack.LIST if case(ctx).listed else DetailBack.SCAN


class CorrectionRoute(StrEnum):
    """How 补齐补正 goes on."""

    NOT_NEEDED = "not_needed"
    READY = "ready"
    """The session's identity is enough for the matter: load the materials."""
    FACE = "face"
    """The card is on hand; the matter asks for the face as well."""
    CARD = "card"
    """No identity yet: the card first."""


def _identity_enough(ctx: FlowContext, opened: Progress) -> bool:
    v = ctx.session.verification
    if v is None or v.verification_id is None:
        return False
    if opened.identity is IdentityRequirement.ID_CARD_AND_FACE:
        return v.method is not IdentityMethod.ID_CARD
    return True


@decision
def correction_route(ctx: FlowContext, _event: ev.Event) -> CorrectionRoute:
    """Whether the open application awaits a correction, and which identity is missing."""
    opened = _opened(ctx)
    if opened is None or not opened.needs_correction:
        return CorrectionRoute.NOT_NEEDED
    if _identity_enough(ctx, opened):
        return CorrectionRoute.READY
    if ctx.session.card is not None and opened.identity is IdentityRequirement.ID_CARD_AND_FACE:
        return CorrectionRoute.FACE
    return CorrectionRoute.CARD


class CorrectionNext(StrEnum):
    """What 下一步 on a correction's material does."""

    NEXT_MATERIAL = "next_material"
    SUBMIT = "submit"
    INCOMPLETE = "incomplete"
    """The last material, with one that must be supplied still missing."""


@decision
def correction_next(ctx: FlowContext, _event: ev.Event) -> CorrectionNext:
    """The next material, or submit once every material that must be supplied is."""
    draft = ctx.session.application
    if draft is None:
        return CorrectionNext.INCOMPLETE
    if draft.material + 1 < len(draft.plan.specs):
        return CorrectionNext.NEXT_MATERIAL
    return CorrectionNext.SUBMIT if complete(draft) else CorrectionNext.INCOMPLETE


@predicate
def already_corrected(_ctx: FlowContext, event: ev.Event) -> bool:
    """The platform refused the correction because the application awaits none."""
    return isinstance(event, ev.ApplicationRefused) and event.code == NOT_CORRECTABLE


# --- steps ----------------------------------------------------------------------------------


def say(reason: Reason) -> Step:
    """A step showing ``reason`` on the screen the flow stays on (a row that stays keeps the
    reason it had; its ``because`` would not apply)."""

    def show(ctx: FlowContext, _event: ev.Event) -> None:
        ctx.reason = reason

    show.__doc__ = f"Say {reason.value}."
    show.__name__ = f"say_{reason.value}"
    return show


def start_query(ctx: FlowContext, _event: ev.Event) -> None:
    """A fresh progress query (nothing of an earlier one is kept)."""
    ctx.session.progress = ProgressCase()


def query_progress(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Have the scanned code sorted and, when it is a receipt's, its application read."""
    if not isinstance(event, ev.QrScanned):
        return None
    return QueryProgress(ctx.new_request(), event.payload)


def note_refused(ctx: FlowContext, event: ev.Event) -> None:
    """Keep what the refused code was, for the screen's message."""
    if isinstance(event, ev.CodeRefused):
        ctx.pending_request = None
        found = case(ctx)
        found.refused = event.kind
        found.touched()


def open_progress(ctx: FlowContext, event: ev.Event) -> None:
    """Open the application the receipt's code named."""
    if isinstance(event, ev.ProgressLoaded):
        ctx.pending_request = None
        found = case(ctx)
        found.opened, found.refused = event.progress, None
        found.touched()


def open_listed(ctx: FlowContext, event: ev.Event) -> None:
    """Open one of the listed applications."""
    if isinstance(event, ev.OpenApplication):
        found = case(ctx)
        found.opened = found.find(event.application_no)
        found.touched()


def verify_card(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the card and have the platform verify it (card level)."""
    if not isinstance(event, ev.CardRead):
        return None
    ctx.session.card = event.card
    return VerifyCard(ctx.new_request(), event.card)


def verified_by_card(ctx: FlowContext, event: ev.Event) -> None:
    """Record the platform's card-level verification."""
    if isinstance(event, ev.VerifyResult):
        ctx.pending_request = None
        person = Citizen(event.name, event.id_number)
        ctx.session.verification = EstablishedIdentity(
            event.verification_id, event.expires_at, person, IdentityMethod.ID_CARD
        )


def list_applications(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """List the verified person's applications."""
    v = ctx.session.verification
    if v is None or v.verification_id is None:
        return None
    return ListApplications(ctx.new_request(), v.verification_id)


def keep_list(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the applications of the last 12 months, newest first."""
    if isinstance(event, ev.ApplicationsListed):
        ctx.pending_request = None
        found = case(ctx)
        found.listed, found.opened, found.refused = recent(event.items, ctx.today), None, None
        found.touched()


def forget_card_holder(ctx: FlowContext, _event: ev.Event) -> None:
    """Back to scanning: forget the card, its verification and the list."""
    ctx.session.forget_identity()
    ctx.session.progress = ProgressCase()


def load_correction(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Load the matter and the person's e-licences for the correction."""
    opened, v = _opened(ctx), ctx.session.verification
    if opened is None or v is None or v.verification_id is None:
        return None
    return LoadApplication(
        ctx.new_request(), opened.application.matter_code, SubjectKind.MATTER, v.verification_id
    )


def start_correction_draft(ctx: FlowContext, event: ev.Event) -> None:
    """Make the correction's draft: the materials to supply, held e-licences matched."""
    opened = _opened(ctx)
    if not isinstance(event, ev.ApplicationLoaded) or opened is None or not event.matters:
        return
    ctx.pending_request = None
    ctx.session.drop_application()
    ctx.session.application = start_correction(
        event.matters[0], opened.application, event.licences, ctx.today, event.idempotency_key
    )


def drop_correction(ctx: FlowContext, _event: ev.Event) -> None:
    """Leaving the correction: forget its draft."""
    ctx.session.drop_application()


def submit_correction(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """The citizen supplied the materials: send the correction through the outbox."""
    draft, opened, v = ctx.session.application, _opened(ctx), ctx.session.verification
    if draft is None or opened is None or v is None or v.verification_id is None:
        return None
    draft.submitted_at = ctx.wall
    found = case(ctx)
    found.supplied = tuple(
        s.name for s in draft.plan.specs if draft.plan.resolution(s.id) is not None
    )
    return SubmitCorrection(
        ctx.new_request(),
        opened.application.application_no,
        correction_request(draft, v.verification_id),
        draft.uploads(),
        draft.idempotency_key,
    )


def record_correction(ctx: FlowContext, event: ev.Event) -> None:
    """Keep what came of the correction (taken online, or saved for later); its draft is not
    needed any more."""
    found = case(ctx)
    ctx.pending_request = None
    ctx.session.drop_application()
    if isinstance(event, ev.CorrectionAccepted):
        found.corrected, found.correction_ref = event.application, event.local_ref
    elif isinstance(event, ev.ApplicationQueued):
        found.corrected, found.correction_ref = None, event.local_ref
    found.touched()


def print_correction_receipt(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Print the correction's receipt."""
    found, v = case(ctx), ctx.session.verification
    opened = found.opened
    if opened is None or v is None:
        return None
    return PrintCorrectionReceipt(
        ctx.new_request(),
        applicant=Applicant(v.person.name, v.person.id_number),
        application_no=opened.application.application_no,
        matter_name=opened.application.matter_name,
        application=found.corrected,
        supplied=found.supplied,
        local_ref=found.correction_ref,
        saved_at=ctx.wall,
    )
