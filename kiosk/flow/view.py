"""What the UI shows for the flow's current state: one immutable value per change.

The view-models read a :class:`FlowView` and nothing else of the flow; it carries only
masked personal data.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.flow.context import FlowContext
from kiosk.flow.matter import MatterBrief
from kiosk.flow.states import PLACEHOLDER_TEXT, REASON_TEXT, PlaceholderTopic, Reason, State
from kiosk.gating import Availability, matter_availability, qr_login_usable
from kiosk.identity.consent import FACE_CONSENT_PURPOSE
from kiosk.identity.person import IdentityMethod

CONTINUE_DISABLED_REASON = "表单办理将在后续版本提供"
"""Why 继续办理 on ``verified`` is disabled: forms and payment come in a later issue."""


@dataclass(frozen=True)
class FlowView:
    """The flow as the screens see it."""

    state: State
    reason: Reason | None
    reason_text: str
    placeholder: PlaceholderTopic | None
    placeholder_title: str
    placeholder_text: str
    idle_countdown: bool
    countdown_remaining_s: int
    matter: MatterBrief | None
    availability: Availability | None
    display_name: str
    identity_method: IdentityMethod | None
    face_attempts: int
    qr_login_available: bool
    consent_purpose: str
    continue_enabled: bool
    continue_disabled_reason: str


def build_view(
    state: State, ctx: FlowContext, countdown_remaining_s: int | None
) -> FlowView:
    """The view of ``state`` with the context's data; ``countdown_remaining_s`` is ``None``
    when no idle countdown is shown."""
    session = ctx.session
    matter = session.matter
    verification = session.verification
    title, text = PLACEHOLDER_TEXT[ctx.placeholder] if ctx.placeholder else ("", "")
    return FlowView(
        state=state,
        reason=ctx.reason,
        reason_text=REASON_TEXT[ctx.reason] if ctx.reason else "",
        placeholder=ctx.placeholder,
        placeholder_title=title,
        placeholder_text=text,
        idle_countdown=countdown_remaining_s is not None,
        countdown_remaining_s=countdown_remaining_s or 0,
        matter=matter,
        availability=matter_availability(matter, ctx.devices) if matter else None,
        display_name=verification.person.display_name if verification else "",
        identity_method=verification.method if verification else None,
        face_attempts=session.face_attempts,
        qr_login_available=qr_login_usable(ctx.devices),
        consent_purpose=FACE_CONSENT_PURPOSE,
        continue_enabled=False,
        continue_disabled_reason=CONTINUE_DISABLED_REASON,
    )
