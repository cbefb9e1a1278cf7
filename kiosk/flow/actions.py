"""The guards and steps the flow table names.

A guard ``(ctx, event) -> bool`` decides whether a transition applies. A step
``(ctx, event) -> Effect | None`` updates the context or session and may ask for one effect.
Each is small and named for what it means, so the table reads as a specification.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.flow import events as ev
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    Effect,
    LoadGuide,
    QrLogin,
    VerifyIdentity,
    WipeSession,
)
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.states import Reason
from kiosk.flow.timeouts import VERIFIED_CARD_GRACE_S
from kiosk.gating import IdentityRoute, identity_routes, matter_availability, qr_login_usable
from kiosk.identity.checks import CardCheck, check_card
from kiosk.identity.consent import FACE_CONSENT_PURPOSE, ConsentRecord
from kiosk.identity.person import IdentityMethod, Person, Verification, person_from_card

Guard = Callable[[FlowContext, ev.Event], bool]
Step = Callable[[FlowContext, ev.Event], Effect | None]

MAX_FACE_ATTEMPTS = 3
"""Failed face verifications before the citizen is referred to the staffed window."""

_CARD_REJECTIONS = frozenset({"card_expired", "card_reported_lost"})
"""Verification reasons that no retry can fix (Verification.reason)."""
_NO_FACE = frozenset({"no_face"})


# --- guards ---------------------------------------------------------------------------------


def out_of_service(ctx: FlowContext, _event: ev.Event) -> bool:
    """Suspended, or no device left to establish identity."""
    return not ctx.in_service()


def in_service(ctx: FlowContext, _event: ev.Event) -> bool:
    """Neither suspended nor without devices."""
    return ctx.in_service()


def qr_usable(ctx: FlowContext, _event: ev.Event) -> bool:
    """The QR scanner can take a login code now."""
    return qr_login_usable(ctx.devices)


def _startable(ctx: FlowContext) -> bool:
    matter = ctx.session.matter
    return matter is not None and matter_availability(matter, ctx.devices).available


def _verified_enough(ctx: FlowContext) -> bool:
    matter, verification = ctx.session.matter, ctx.session.verification
    if matter is None or verification is None:
        return False
    if matter.identity is IdentityRequirement.ID_CARD_AND_FACE:
        return verification.method is not IdentityMethod.ID_CARD
    return True


def start_without_identity(ctx: FlowContext, _event: ev.Event) -> bool:
    """The matter can start and needs no identity, or the session's identity is enough."""
    matter = ctx.session.matter
    return _startable(ctx) and matter is not None and (
        matter.identity is IdentityRequirement.NONE or _verified_enough(ctx)
    )


def _routes(ctx: FlowContext) -> frozenset[IdentityRoute]:
    matter = ctx.session.matter
    return frozenset() if matter is None else identity_routes(ctx.devices, matter.identity)


def start_with_card(ctx: FlowContext, _event: ev.Event) -> bool:
    """The matter can start, needs identity, and the card route works."""
    return _startable(ctx) and IdentityRoute.CARD in _routes(ctx)


def start_with_qr(ctx: FlowContext, _event: ev.Event) -> bool:
    """The matter can start, needs identity, and only the QR route works."""
    return _startable(ctx) and _routes(ctx) == {IdentityRoute.QR}


def _card_check(ctx: FlowContext, event: ev.Event) -> CardCheck | None:
    return check_card(event.card, ctx.today) if isinstance(event, ev.CardRead) else None


def card_unknown(ctx: FlowContext, event: ev.Event) -> bool:
    """The card read or failed as a type the platform does not accept."""
    if isinstance(event, ev.CardReadFailed):
        return event.failure is ev.CardFailure.UNKNOWN_TYPE
    return _card_check(ctx, event) is CardCheck.UNKNOWN_TYPE


def card_taken_away(_ctx: FlowContext, event: ev.Event) -> bool:
    """The card left the reader before it could be read in full."""
    return isinstance(event, ev.CardReadFailed) and event.failure is ev.CardFailure.REMOVED


def card_expired(ctx: FlowContext, event: ev.Event) -> bool:
    """The card read is past its validity."""
    return _card_check(ctx, event) is CardCheck.EXPIRED


def card_id_invalid(ctx: FlowContext, event: ev.Event) -> bool:
    """The card's ID number fails its check digit."""
    return _card_check(ctx, event) is CardCheck.ID_NUMBER_INVALID


def card_ok_face_needed(ctx: FlowContext, event: ev.Event) -> bool:
    """The card is usable and the matter also needs face verification."""
    matter = ctx.session.matter
    return _card_check(ctx, event) is CardCheck.OK and (
        matter is None or matter.identity is IdentityRequirement.ID_CARD_AND_FACE
    )


def card_ok(ctx: FlowContext, event: ev.Event) -> bool:
    """The card is usable (the matter needs the card alone)."""
    return _card_check(ctx, event) is CardCheck.OK


def card_rejected(_ctx: FlowContext, event: ev.Event) -> bool:
    """The platform refused the card itself (reported lost, expired): retrying cannot help."""
    return isinstance(event, ev.VerifyFailed) and event.reason in _CARD_REJECTIONS


def last_face_attempt(ctx: FlowContext, _event: ev.Event) -> bool:
    """This failure is the third."""
    return ctx.session.face_attempts + 1 >= MAX_FACE_ATTEMPTS


def has_matter(ctx: FlowContext, _event: ev.Event) -> bool:
    """A matter has been chosen in this session."""
    return ctx.session.matter is not None


def verified_by_card(ctx: FlowContext, _event: ev.Event) -> bool:
    """Identity was established with the card on the reader."""
    v = ctx.session.verification
    return v is not None and v.method is not IdentityMethod.QR_LOGIN


# --- steps ----------------------------------------------------------------------------------


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
    """Forget the chosen matter (going back to the catalogue)."""
    ctx.session.matter = None


def show_placeholder(ctx: FlowContext, event: ev.Event) -> None:
    """Remember which home entry the placeholder screen is about."""
    if isinstance(event, ev.OpenPlaceholder):
        ctx.placeholder = event.topic


def load_guide(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Ask for the selected matter's guide."""
    if not isinstance(event, ev.SelectMatter):
        return None
    ctx.session.matter = None
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


def card_identity(ctx: FlowContext, event: ev.Event) -> None:
    """Establish identity from the card alone (matters needing ``id_card``).

    No platform verification is made, so there is no verification id.
    """
    if isinstance(event, ev.CardRead):
        ctx.session.card = event.card
        ctx.session.verification = Verification(
            None, None, person_from_card(event.card), IdentityMethod.ID_CARD
        )


def consent(granted: bool) -> Step:
    """A step recording the citizen's answer to the face-consent question."""

    def record(ctx: FlowContext, _event: ev.Event) -> None:
        ctx.session.consent = ConsentRecord(FACE_CONSENT_PURPOSE, granted, ctx.now)

    record.__doc__ = f"Record consent {'given' if granted else 'declined'}."
    return record


def verify_face(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the captured face and ask the platform to compare it with the card."""
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


def count_face_failure(ctx: FlowContext, event: ev.Event) -> None:
    """Count a failed comparison and say why it failed."""
    ctx.session.face_attempts += 1
    no_face = isinstance(event, ev.VerifyFailed) and event.reason in _NO_FACE
    ctx.reason = Reason.NO_FACE if no_face else Reason.FACE_MISMATCH


def verified_as(method: IdentityMethod) -> Step:
    """A step recording the platform's verification, established by ``method``."""

    def record(ctx: FlowContext, event: ev.Event) -> None:
        if isinstance(event, ev.VerifyResult):
            person = Person(event.name, event.id_number)
            ctx.session.verification = Verification(
                event.verification_id, event.expires_at, person, method
            )
            ctx.pending_request = None

    record.__doc__ = f"Record a verification by {method.value}."
    return record


def reason(value: Reason) -> Step:
    """A step setting the reason the next screen shows."""

    def set_reason(ctx: FlowContext, _event: ev.Event) -> None:
        ctx.reason = value

    set_reason.__doc__ = f"Show reason {value.value}."
    return set_reason


def start_card_grace(ctx: FlowContext, _event: ev.Event) -> None:
    """The card left the reader on ``verified``: the session ends unless it comes back."""
    ctx.card_grace_deadline = ctx.now + VERIFIED_CARD_GRACE_S


def cancel_card_grace(ctx: FlowContext, _event: ev.Event) -> None:
    """The card is back on the reader."""
    ctx.card_grace_deadline = None
