"""What the UI shows for the flow's current state: one immutable value per change.

The view-models read a :class:`FlowView` and nothing else of the flow; it carries only
masked personal data, and codes rather than words: the UI's text catalogue (``ui.text``)
words every code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.flow.certificate import IssuedCertificate
from kiosk.flow.context import FlowContext
from kiosk.flow.matter import MatterBrief
from kiosk.flow.states import PlaceholderTopic, Reason, State
from kiosk.gating import Availability, matter_availability, qr_login_usable
from kiosk.identity.consent import ConsentPurpose
from kiosk.identity.person import IdentityMethod


class ContinueBlock(StrEnum):
    """Why 继续办理 on ``verified`` is disabled."""

    FORMS_NOT_YET = "forms_not_yet"
    """Forms and payment come in a later issue."""


@dataclass(frozen=True)
class FlowView:
    """The flow as the screens see it."""

    state: State
    reason: Reason | None
    placeholder: PlaceholderTopic | None
    idle_countdown: bool
    countdown_remaining_s: int
    matter: MatterBrief | None
    availability: Availability | None
    display_name: str
    identity_method: IdentityMethod | None
    face_attempts: int
    qr_login_available: bool
    consent_purpose: ConsentPurpose
    continue_enabled: bool
    continue_disabled_reason: ContinueBlock | None
    certificate: IssuedCertificate | None = None


def build_view(
    state: State, ctx: FlowContext, countdown_remaining_s: int | None
) -> FlowView:
    """The view of ``state`` with the context's data; ``countdown_remaining_s`` is ``None``
    when no idle countdown is shown."""
    session = ctx.session
    matter = session.matter
    verification = session.verification
    return FlowView(
        state=state,
        reason=ctx.reason,
        placeholder=ctx.placeholder,
        idle_countdown=countdown_remaining_s is not None,
        countdown_remaining_s=countdown_remaining_s or 0,
        matter=matter,
        availability=matter_availability(matter, ctx.devices) if matter else None,
        display_name=verification.person.display_name if verification else "",
        identity_method=verification.method if verification else None,
        face_attempts=session.face_attempts,
        qr_login_available=qr_login_usable(ctx.devices),
        consent_purpose=ConsentPurpose.FACE_VERIFICATION,
        continue_enabled=False,
        continue_disabled_reason=ContinueBlock.FORMS_NOT_YET,
        certificate=ctx.certificate,
    )
