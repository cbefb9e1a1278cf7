"""The citizen flow as one table.

How to read it:

* :data:`ACTIVITIES` — device work that runs while the flow is in a group of states: the
  start effect is emitted on entering the group, the stop effect on leaving it, whatever the
  reason for leaving (a reset included), so no device is ever left running.
* :data:`ON_ENTER` — steps run on entering a state. Entering ``home`` or ``out_of_service``
  always wipes the session; every way out of a citizen's session ends there.
* :data:`ON_EXIT` — steps run on leaving a state (dropping a pending request).
* :data:`RECORD` — facts taken from an event before any transition is chosen (device
  statuses, suspension), so guards see them.
* :data:`TRANSITIONS` — tried in order; the first whose source includes the current state,
  whose event type matches and whose guard passes is taken. Its steps run between the old
  state's exit and the new state's entry. ``target=None`` stays in the state without exit or
  entry. An event nothing matches is ignored.

Answers to effects (events with a ``request_id``) are dropped by the machine unless they
answer the request the flow is waiting for. Timeouts are in :mod:`kiosk.flow.timeouts`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    Effect,
    StartCardReading,
    StartFaceCapture,
    StartQrScanning,
    StopCardReading,
    StopFaceCapture,
    StopQrScanning,
)
from kiosk.flow.states import Reason, State
from kiosk.identity.person import IdentityMethod

S = State
"""Short name for the table rows."""

ANY: frozenset[S] = frozenset(S)
"""Every state."""


@dataclass(frozen=True)
class Transition:
    """One row of the table."""

    source: frozenset[S]
    event: type[ev.Event]
    target: S | None
    guard: a.Guard | None = None
    steps: tuple[a.Step, ...] = ()


@dataclass(frozen=True)
class Activity:
    """Device work that runs exactly while the flow is in ``states``."""

    states: frozenset[S]
    start: Effect
    stop: Effect


def _t(
    source: S | frozenset[S],
    event: type[ev.Event],
    target: S | None,
    guard: a.Guard | None = None,
    *steps: a.Step,
) -> Transition:
    sources = frozenset({source}) if isinstance(source, S) else source
    return Transition(sources, event, target, guard, steps)


ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        frozenset({S.IDENTITY_CARD, S.IDENTITY_READING}), StartCardReading(), StopCardReading()
    ),
    Activity(frozenset({S.FACE_CAPTURE}), StartFaceCapture(), StopFaceCapture()),
    Activity(frozenset({S.QR_LOGIN}), StartQrScanning(), StopQrScanning()),
)

ON_ENTER: Mapping[S, tuple[a.Step, ...]] = {
    S.HOME: (a.wipe,),
    S.OUT_OF_SERVICE: (a.wipe,),
    S.IDENTITY_CARD: (a.forget_identity,),
    S.IDENTITY_CHOICE: (a.forget_identity,),
    S.CARD_REMOVED: (a.forget_identity,),
    S.CARD_EXPIRED: (a.forget_identity,),
    S.CARD_UNKNOWN: (a.forget_identity,),
    S.CARD_UNREADABLE: (a.forget_identity,),
    S.REFER_TO_WINDOW: (a.forget_identity,),
}

ON_EXIT: Mapping[S, tuple[a.Step, ...]] = {
    S.GUIDE: (a.cancel_request,),
    S.FACE_VERIFYING: (a.cancel_request, a.drop_face),
    S.QR_LOGIN_VERIFYING: (a.cancel_request,),
}


def _record_devices(ctx: FlowContext, event: ev.Event) -> None:
    if isinstance(event, ev.DevicesChanged):
        ctx.devices.update(event.statuses)


def _record_suspension(suspended: bool) -> Callable[[FlowContext, ev.Event], None]:
    def record(ctx: FlowContext, _event: ev.Event) -> None:
        ctx.suspended = suspended

    return record


RECORD: Mapping[type[ev.Event], Callable[[FlowContext, ev.Event], None]] = {
    ev.DevicesChanged: _record_devices,
    ev.ServiceSuspended: _record_suspension(True),
    ev.ServiceResumed: _record_suspension(False),
}

_SERVICE_EVENTS = (ev.DevicesChanged, ev.ServiceSuspended, ev.ServiceResumed)
_IN_SERVICE = ANY - {S.OUT_OF_SERVICE}
_SESSION = ANY - {S.HOME, S.ATTRACT, S.OUT_OF_SERVICE}
_CARD_ERRORS = frozenset({S.CARD_EXPIRED, S.CARD_UNKNOWN, S.CARD_UNREADABLE, S.CARD_REMOVED})
_READING = frozenset({S.IDENTITY_CARD, S.IDENTITY_READING})
_CARD_HELD = frozenset({S.FACE_CONSENT, S.FACE_CAPTURE, S.FACE_VERIFYING, S.FACE_RETRY})
_FACE_ANSWER = frozenset({S.FACE_VERIFYING})

TRANSITIONS: tuple[Transition, ...] = (
    # Service: suspension or dead devices take any screen to the fault notice, and back.
    *(_t(_IN_SERVICE, e, S.OUT_OF_SERVICE, a.out_of_service) for e in _SERVICE_EVENTS),
    *(_t(S.OUT_OF_SERVICE, e, S.HOME, a.in_service) for e in _SERVICE_EVENTS),
    # Leaving: 返回首页 and the idle countdown end the session from anywhere.
    _t(_SESSION, ev.GoHome, S.HOME),
    _t(S.HOME, ev.IdleExpired, S.ATTRACT),
    _t(_SESSION, ev.IdleExpired, S.HOME),
    _t(S.ATTRACT, ev.Wake, S.HOME),
    # Home entries.
    _t(S.HOME, ev.OpenCatalogue, S.CATALOGUE),
    _t(S.HOME, ev.OpenPlaceholder, S.PLACEHOLDER, None, a.show_placeholder),
    _t(S.HOME, ev.StartQrLogin, S.QR_LOGIN, a.qr_usable),
    _t(S.PLACEHOLDER, ev.Back, S.HOME),
    # Catalogue and guide.
    _t(S.CATALOGUE, ev.SelectMatter, S.GUIDE, None, a.load_guide),
    _t(S.CATALOGUE, ev.Back, S.HOME),
    _t(S.GUIDE, ev.GuideLoaded, None, None, a.keep_guide),
    _t(S.GUIDE, ev.PlatformUnavailable, S.CATALOGUE, None, a.reason(Reason.GUIDE_UNAVAILABLE)),
    _t(S.GUIDE, ev.Back, S.CATALOGUE, None, a.clear_matter),
    _t(S.GUIDE, ev.StartMatter, S.VERIFIED, a.start_without_identity),
    _t(S.GUIDE, ev.StartMatter, S.IDENTITY_CARD, a.start_with_card),
    _t(S.GUIDE, ev.StartMatter, S.QR_LOGIN, a.start_with_qr),
    # ID card.
    _t(S.IDENTITY_CARD, ev.CardPresented, S.IDENTITY_READING),
    _t(_READING, ev.CardReadFailed, S.CARD_UNKNOWN, a.card_unknown),
    _t(_READING, ev.CardReadFailed, S.CARD_REMOVED, a.card_taken_away),
    _t(_READING, ev.CardReadFailed, S.CARD_UNREADABLE, None, a.reason(Reason.CARD_READ_FAILED)),
    _t(_READING, ev.CardRead, S.CARD_UNKNOWN, a.card_unknown),
    _t(_READING, ev.CardRead, S.CARD_EXPIRED, a.card_expired),
    _t(_READING, ev.CardRead, S.CARD_UNREADABLE, a.card_id_invalid,
       a.reason(Reason.ID_NUMBER_INVALID)),
    _t(_READING, ev.CardRead, S.FACE_CONSENT, a.card_ok_face_needed, a.hold_card),
    _t(_READING, ev.CardRead, S.VERIFIED, a.card_ok, a.card_identity),
    _t(S.IDENTITY_READING, ev.CardRemoved, S.CARD_REMOVED),
    _t(S.IDENTITY_READING, ev.StateTimedOut, S.CARD_UNREADABLE, None,
       a.reason(Reason.CARD_READ_TIMEOUT)),
    _t(S.IDENTITY_CARD, ev.StartQrLogin, S.QR_LOGIN, a.qr_usable),
    _t(S.IDENTITY_CARD, ev.Back, S.GUIDE),
    _t(_CARD_ERRORS, ev.RetryCard, S.IDENTITY_CARD),
    _t(_CARD_ERRORS, ev.StartQrLogin, S.QR_LOGIN, a.qr_usable),
    _t(_CARD_ERRORS, ev.Back, S.GUIDE, a.has_matter),
    # Card removed before identity is established: the citizen may put it back.
    _t(_CARD_HELD, ev.CardRemoved, S.CARD_REMOVED),
    # Face consent (separate consent, with a non-face alternative).
    _t(S.FACE_CONSENT, ev.ConsentGiven, S.FACE_CAPTURE, None, a.consent(granted=True)),
    _t(S.FACE_CONSENT, ev.ConsentDeclined, S.IDENTITY_CHOICE, None,
       a.reason(Reason.CONSENT_DECLINED)),
    _t(S.FACE_CONSENT, ev.Back, S.GUIDE, None, a.forget_identity),
    _t(S.IDENTITY_CHOICE, ev.StartQrLogin, S.QR_LOGIN, a.qr_usable),
    _t(S.IDENTITY_CHOICE, ev.ChooseWindow, S.REFER_TO_WINDOW),
    _t(S.IDENTITY_CHOICE, ev.Back, S.GUIDE, a.has_matter),
    # Face capture and verification: three failed comparisons refer to the window.
    _t(S.FACE_CAPTURE, ev.FaceCaptured, S.FACE_VERIFYING, None, a.verify_face),
    _t(S.FACE_CAPTURE, ev.FaceCaptureFailed, S.FACE_RETRY, None, a.reason(Reason.CAMERA_FAILED)),
    _t(S.FACE_CAPTURE, ev.StateTimedOut, S.FACE_RETRY, None, a.reason(Reason.NO_FACE)),
    _t(S.FACE_CAPTURE, ev.Back, S.GUIDE, None, a.forget_identity),
    _t(_FACE_ANSWER, ev.VerifyResult, S.VERIFIED, None,
       a.verified_as(IdentityMethod.ID_CARD_AND_FACE)),
    _t(_FACE_ANSWER, ev.VerifyFailed, S.REFER_TO_WINDOW, a.card_rejected,
       a.reason(Reason.CARD_REJECTED)),
    _t(_FACE_ANSWER, ev.VerifyFailed, S.REFER_TO_WINDOW, a.last_face_attempt,
       a.count_face_failure, a.reason(Reason.TOO_MANY_FAILURES)),
    _t(_FACE_ANSWER, ev.VerifyFailed, S.FACE_RETRY, None, a.count_face_failure),
    _t(_FACE_ANSWER, ev.PlatformUnavailable, S.FACE_RETRY, None,
       a.reason(Reason.PLATFORM_UNAVAILABLE)),
    _t(_FACE_ANSWER, ev.StateTimedOut, S.FACE_RETRY, None, a.reason(Reason.PLATFORM_UNAVAILABLE)),
    _t(S.FACE_RETRY, ev.RetryFace, S.FACE_CAPTURE),
    _t(S.FACE_RETRY, ev.ChooseWindow, S.REFER_TO_WINDOW),
    _t(S.FACE_RETRY, ev.StartQrLogin, S.QR_LOGIN, a.qr_usable),
    # QR login (the provincial app's dynamic code).
    _t(S.QR_LOGIN, ev.QrScanned, S.QR_LOGIN_VERIFYING, None, a.qr_login),
    _t(S.QR_LOGIN, ev.Back, S.GUIDE, a.has_matter),
    _t(S.QR_LOGIN, ev.Back, S.HOME),
    _t(S.QR_LOGIN_VERIFYING, ev.VerifyResult, S.VERIFIED, None,
       a.verified_as(IdentityMethod.QR_LOGIN)),
    _t(S.QR_LOGIN_VERIFYING, ev.VerifyFailed, S.QR_LOGIN, None, a.reason(Reason.QR_REJECTED)),
    _t(S.QR_LOGIN_VERIFYING, ev.PlatformUnavailable, S.QR_LOGIN, None,
       a.reason(Reason.PLATFORM_UNAVAILABLE)),
    _t(S.QR_LOGIN_VERIFYING, ev.StateTimedOut, S.QR_LOGIN, None,
       a.reason(Reason.PLATFORM_UNAVAILABLE)),
    # Verified: what comes next; taking the card away ends the session after a grace.
    _t(S.VERIFIED, ev.OpenCatalogue, S.CATALOGUE, None, a.clear_matter),
    _t(S.VERIFIED, ev.Back, S.GUIDE, a.has_matter),
    _t(S.VERIFIED, ev.CardRemoved, None, a.verified_by_card, a.start_card_grace),
    _t(S.VERIFIED, ev.CardPresented, None, None, a.cancel_card_grace),
    _t(S.VERIFIED, ev.CardGraceExpired, S.HOME),
)
"""Every transition of the flow, in priority order."""
