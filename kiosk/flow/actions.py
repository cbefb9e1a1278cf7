"""The guards and steps the flow table names.

A guard is a :class:`~kiosk.flow.chart.When`: a yes/no :func:`predicate`, or an answer of a
:func:`decision` that sorts a situation into cases (one row per case). A step
``(ctx, event) -> Effect | None`` updates the context or session and may ask for one effect.
Each is small and named for what it means, so the table reads as a specification.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.flow import events as ev
from kiosk.flow.chart import Step, decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    Effect,
    LoadGuide,
    QrLogin,
    VerifyCard,
    VerifyIdentity,
    WipeSession,
)
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.states import Reason
from kiosk.flow.timeouts import VERIFIED_CARD_GRACE_S, paced
from kiosk.gating import IdentityRoute, identity_routes, matter_availability, qr_login_usable
from kiosk.identity.checks import CardCheck, check_card
from kiosk.identity.consent import ConsentPurpose, ConsentRecord
from kiosk.identity.match import verification_matches_card
from kiosk.identity.person import Citizen, EstablishedIdentity, IdentityMethod

MAX_FACE_ATTEMPTS = 3
"""Failed face verifications before the citizen is referred to the staffed window."""

_CARD_REJECTIONS = frozenset({"card_expired", "card_reported_lost"})
"""EstablishedIdentity reasons that no retry can fix (EstablishedIdentity.reason)."""
_NO_FACE = frozenset({"no_face"})


# --- guards ---------------------------------------------------------------------------------


@predicate
def in_service(ctx: FlowContext, _event: ev.Event) -> bool:
    """Neither suspended nor without a device to establish identity."""
    return ctx.in_service()


@predicate
def qr_usable(ctx: FlowContext, _event: ev.Event) -> bool:
    """The QR scanner can take a login code now."""
    return qr_login_usable(ctx.devices)


@predicate
def has_matter(ctx: FlowContext, _event: ev.Event) -> bool:
    """A matter has been chosen in this session."""
    return ctx.session.matter is not None


@predicate
def verified_by_card(ctx: FlowContext, _event: ev.Event) -> bool:
    """Identity was established with the card on the reader."""
    v = ctx.session.verification
    return v is not None and v.method is not IdentityMethod.QR_LOGIN


@predicate
def answer_names_card_holder(ctx: FlowContext, event: ev.Event) -> bool:
    """The platform's verification names the holder of the card on the reader (a face
    verification answered for anyone else is refused; see :mod:`kiosk.identity.match`)."""
    card = ctx.session.card
    if not isinstance(event, ev.VerifyResult) or card is None:
        return False
    return verification_matches_card(card, Citizen(event.name, event.id_number))


class FaceAnswer(StrEnum):
    """What the platform's answer to a face verification leads to."""

    SOMEONE_ELSE = "someone_else"
    """It names anyone but the card's holder: refused, nothing of it is kept."""
    CARD_HOLDER = "card_holder"
    """It names the card's holder: identity is established."""
    HELD_APPLICATION = "held_application"
    """It names the card's holder, and an application waits for the face (it was refused
    with 403 ``insufficient_identity`` under the card-level verification)."""


@decision
def face_answer(ctx: FlowContext, event: ev.Event) -> FaceAnswer:
    """Whom the face verification names, and whether an application waits for it."""
    if not answer_names_card_holder.holds(ctx, event):
        return FaceAnswer.SOMEONE_ELSE
    if ctx.session.held_application is not None:
        return FaceAnswer.HELD_APPLICATION
    return FaceAnswer.CARD_HOLDER


class StartRoute(StrEnum):
    """How 开始办理 goes on from the guide."""

    NO_IDENTITY = "no_identity"
    """The matter needs no identity, or the session's identity is enough."""
    CARD = "card"
    QR = "qr"
    """Only the QR route works."""
    BLOCKED = "blocked"
    """Not loaded, guide-only, or no device for it: the guide says why."""


def _verified_enough(ctx: FlowContext) -> bool:
    matter, verification = ctx.session.matter, ctx.session.verification
    if matter is None or verification is None:
        return False
    if matter.identity is IdentityRequirement.ID_CARD_AND_FACE:
        return verification.method is not IdentityMethod.ID_CARD
    return True


@decision
def start_route(ctx: FlowContext, _event: ev.Event) -> StartRoute:
    """Where the chosen matter starts, given its identity needs and the devices."""
    matter = ctx.session.matter
    if matter is None or not matter_availability(matter, ctx.devices).available:
        return StartRoute.BLOCKED
    if matter.identity is IdentityRequirement.NONE or _verified_enough(ctx):
        return StartRoute.NO_IDENTITY
    routes = identity_routes(ctx.devices, matter.identity)
    if IdentityRoute.CARD in routes:
        return StartRoute.CARD
    return StartRoute.QR if routes == {IdentityRoute.QR} else StartRoute.BLOCKED


class CardVerdict(StrEnum):
    """What a read card allows."""

    UNKNOWN_TYPE = "unknown_type"
    EXPIRED = "expired"
    ID_NUMBER_INVALID = "id_number_invalid"
    FACE_NEEDED = "face_needed"
    """Usable, and the matter also needs face verification (or none is chosen yet)."""
    ENOUGH = "enough"
    """Usable, and the matter needs the card alone."""


@decision
def card_verdict(ctx: FlowContext, event: ev.Event) -> CardVerdict | None:
    """The read card checked on today's date against the matter's needs."""
    if not isinstance(event, ev.CardRead):
        return None
    check = check_card(event.card, ctx.today)
    if check is not CardCheck.OK:
        return CardVerdict(check.value)
    matter = ctx.session.matter
    needs_face = matter is None or matter.identity is IdentityRequirement.ID_CARD_AND_FACE
    return CardVerdict.FACE_NEEDED if needs_face else CardVerdict.ENOUGH


@decision
def read_failure(_ctx: FlowContext, event: ev.Event) -> ev.CardFailure | None:
    """Why the reader could not give the card."""
    return event.failure if isinstance(event, ev.CardReadFailed) else None


class FaceFailure(StrEnum):
    """What a failed face verification means for the citizen."""

    CARD_REJECTED = "card_rejected"
    """The platform refused the card itself (reported lost, expired): retrying cannot help."""
    LAST_ATTEMPT = "last_attempt"
    """The third failed comparison."""
    NO_FACE = "no_face"
    MISMATCH = "mismatch"


@decision
def face_failure(ctx: FlowContext, event: ev.Event) -> FaceFailure | None:
    """Sort the platform's refusal of a face verification."""
    if not isinstance(event, ev.VerifyFailed):
        return None
    if event.reason in _CARD_REJECTIONS:
        return FaceFailure.CARD_REJECTED
    if ctx.session.face_attempts + 1 >= MAX_FACE_ATTEMPTS:
        return FaceFailure.LAST_ATTEMPT
    return FaceFailure.NO_FACE if event.reason in _NO_FACE else FaceFailure.MISMATCH


# --- facts (taken from an event before any row is chosen) ----------------------------------


def record_devices(ctx: FlowContext, event: ev.Event) -> None:
    """Merge the reported device statuses into what the flow knows."""
    if isinstance(event, ev.DevicesChanged):
        ctx.devices.update(event.statuses)


def record_suspension(suspended: bool) -> Step:
    """A fact step noting that the terminal was suspended or resumed."""

    def record(ctx: FlowContext, event: ev.Event) -> None:
        ctx.suspended = suspended
        ctx.suspended_by = event.by if isinstance(event, ev.ServiceSuspended) else None

    record.__doc__ = f"Note the terminal {'suspended' if suspended else 'resumed'}."
    record.__name__ = "note_suspended" if suspended else "note_resumed"
    return record


# --- steps ----------------------------------------------------------------------------------


def explain_out_of_service(ctx: FlowContext, _event: ev.Event) -> None:
    """Say why the terminal is out of service: a technician, the platform, or its devices."""
    if ctx.suspended_by is ev.Suspender.TECHNICIAN:
        ctx.reason = Reason.MAINTENANCE
    elif ctx.suspended:
        ctx.reason = Reason.SUSPENDED
    else:
        ctx.reason = Reason.DEVICES_DOWN


def wipe(ctx: FlowContext, _event: ev.Event) -> Effect:
    """Forget the citizen entirely and have the app clear every trace."""
    ctx.session.wipe()
    ctx.pending_request = None
    ctx.card_grace_deadline = None
    return WipeSession()


def cancel_request(ctx: FlowContext, _event: ev.Event) -> None:
    """Stop waiting for the pending platform answer; a late one will be dropped."""
    ctx.pending_request = None


def forget_identity(ctx: FlowContext, _event: ev.Event) -> None:
    """Forget card, consent, verification and face data, keeping the chosen matter."""
    ctx.session.forget_identity()
    ctx.card_grace_deadline = None


def clear_matter(ctx: FlowContext, _event: ev.Event) -> None:
    """Forget the chosen matter (going back to the catalogue) and any application held for it."""
    ctx.session.matter = None
    ctx.session.drop_held_application()


def give_up_held_application(ctx: FlowContext, _event: ev.Event) -> None:
    """Leaving face verification for another way of proving identity: an application held
    for the face is given up."""
    ctx.session.drop_held_application()


def toggle_elderly_mode(ctx: FlowContext, _event: ev.Event) -> None:
    """适老模式: switch the session's elderly mode (larger text, slower pace) on or off."""
    ctx.session.elderly = not ctx.session.elderly


def end_elderly_mode(ctx: FlowContext, _event: ev.Event) -> None:
    """Home left untouched for the attract loop: the citizen who chose the mode has gone."""
    ctx.session.elderly = False


def load_guide(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Ask for the selected matter's guide."""
    if not isinstance(event, ev.SelectMatter):
        return None
    ctx.session.matter = None
    ctx.session.drop_held_application()
    return LoadGuide(ctx.new_request(), event.code, event.kind)


def keep_guide(ctx: FlowContext, event: ev.Event) -> None:
    """Hold the loaded guide's matter in the session."""
    if isinstance(event, ev.GuideLoaded):
        ctx.session.matter = event.matter
        ctx.pending_request = None


def hold_card(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the read card in the session."""
    if isinstance(event, ev.CardRead):
        ctx.session.card = event.card


def verify_card(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the read card and ask the platform for a card-level verification (matters needing
    ``id_card``: the card alone, read by the SAM reader, gives a verification id)."""
    if not isinstance(event, ev.CardRead):
        return None
    ctx.session.card = event.card
    return VerifyCard(ctx.new_request(), event.card)


def require_face(ctx: FlowContext, _event: ev.Event) -> None:
    """The platform refused the card-level verification for the matter: 继续办理 now leads
    to face verification (the card read is kept for it)."""
    ctx.session.face_required = True
    ctx.pending_request = None


def consent(granted: bool) -> Step:
    """A step recording the citizen's answer to the face-consent question."""

    def record(ctx: FlowContext, _event: ev.Event) -> None:
        ctx.session.consent = ConsentRecord(ConsentPurpose.FACE_VERIFICATION, granted, ctx.now)

    record.__doc__ = f"Record consent {'given' if granted else 'declined'}."
    record.__name__ = "consent_given" if granted else "consent_declined"
    return record


def verify_face(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the captured face (the capture's own buffer) and ask the platform to compare it
    with the card."""
    card = ctx.session.card
    if not isinstance(event, ev.FaceCaptured) or card is None:
        return None
    jpeg = ctx.session.hold_face_image(event.jpeg)
    return VerifyIdentity(ctx.new_request(), card, jpeg, event.liveness_score)


def qr_login(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Ask the platform who is behind the scanned code."""
    if not isinstance(event, ev.QrScanned):
        return None
    return QrLogin(ctx.new_request(), event.payload)


def drop_face(ctx: FlowContext, _event: ev.Event) -> None:
    """Zero the face image: verification is over, face data is kept no longer."""
    ctx.session.drop_face_image()


def count_face_failure(ctx: FlowContext, _event: ev.Event) -> None:
    """Count a failed comparison."""
    ctx.session.face_attempts += 1


def verified_as(method: IdentityMethod) -> Step:
    """A step recording the platform's verification, established by ``method``."""

    def record(ctx: FlowContext, event: ev.Event) -> None:
        if isinstance(event, ev.VerifyResult):
            person = Citizen(event.name, event.id_number)
            ctx.session.verification = EstablishedIdentity(
                event.verification_id, event.expires_at, person, method
            )
            ctx.pending_request = None

    record.__doc__ = f"Record a verification by {method.value}."
    record.__name__ = f"verified_by_{method.value}"
    return record


def start_card_grace(ctx: FlowContext, _event: ev.Event) -> None:
    """The card left the reader on ``verified``: the session ends unless it comes back."""
    ctx.card_grace_deadline = ctx.now + paced(VERIFIED_CARD_GRACE_S, ctx.session.elderly)


def cancel_card_grace(ctx: FlowContext, _event: ev.Event) -> None:
    """The card is back on the reader."""
    ctx.card_grace_deadline = None
