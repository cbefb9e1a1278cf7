"""好差评: rating a completed service, after it or from home's 评价 tile.

Entering the rating: a service's done state is declared with :func:`evaluate_after`, which
notes what was served on entering it; 完成 (:class:`~kiosk.flow.events.Finish`) there goes to
the rating screen (home when nothing was noted). Home's 评价 asks for the ID card, verifies it
at card level and rates the holder's latest application, unless it was rated already.

Rating: a tap on one of the five faces; at 不满意 or below the reasons screen follows (at least
one reason), then the optional comment and 提交评价. 跳过 leaves at any step, and so do
返回首页 and the idle countdown: nothing is sent then. Sending goes through the write-ahead
outbox (sent at once, or kept and delivered later); a rating the terminal's ledger or the
platform knows already is refused kindly ("一次一评"). Every way out ends at home, which wipes
the answers with the session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum

from drivers.base import DeviceClass
from kiosk.apply.draft import Accepted
from kiosk.evaluation.answers import EvaluationDraft, Problem, needs_reasons
from kiosk.evaluation.service import Served, ServedItem, ServiceKind
from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import STAY, Activity, Node, Row, Step, decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    Effect,
    FindLatestService,
    StartCardReading,
    StopCardReading,
    SubmitEvaluation,
)
from kiosk.flow.states import Phase, Reason, State
from kiosk.identity.checks import CardCheck, check_card

S = State
"""Short name for the table rows."""

ServedReader = Callable[[FlowContext], Served | None]
"""Reads, from the context of a done state, what the service served (None: nothing to rate)."""

ALREADY_EVALUATED = "already_evaluated"
"""The platform's (and the ledger's) code for a second rating of the same application."""


# --- entering from a service -------------------------------------------------------------------


def note_served(read: ServedReader) -> Step:
    """A step noting what ``read`` finds as the service to rate (replacing any earlier one)."""

    def note(ctx: FlowContext, _event: ev.Event) -> None:
        served = read(ctx)
        ctx.session.drop_evaluation()
        if served is not None:
            ctx.session.evaluation = EvaluationDraft(served)

    note.__name__ = f"note_{getattr(read, '__name__', 'served')}"
    note.__doc__ = f"Note the service to rate ({note.__name__})."
    return note


@predicate
def service_to_rate(ctx: FlowContext, _event: ev.Event) -> bool:
    """A completed service is noted for rating."""
    return ctx.session.evaluation is not None


def evaluate_after(done: State, read: ServedReader) -> Node:
    """The done state of a service as a node: entering it notes what ``read`` finds, and
    完成 (:class:`~kiosk.flow.events.Finish`) there goes to the rating, or home when nothing
    was noted. Put it in the phase's ``contains`` in place of the bare state; the phase's own
    rows for ``done`` stay where they are."""
    return Node(
        done,
        entry=note_served(read),
        rows=(
            Row(done, on=ev.Finish, when=service_to_rate, to=S.EVALUATION_RATING),
            Row(done, on=ev.Finish, when=~service_to_rate, to=S.HOME),
        ),
    )


# --- the tile: the latest application of a card ----------------------------------------------


@predicate
def card_reader_usable(ctx: FlowContext, _event: ev.Event) -> bool:
    """The ID card reader can read a card now."""
    status = ctx.devices.get(DeviceClass.ID_CARD_READER)
    return status is not None and status.usable


@predicate
def card_usable(ctx: FlowContext, event: ev.Event) -> bool:
    """The read card is valid today (type, number, not expired)."""
    return isinstance(event, ev.CardRead) and check_card(event.card, ctx.today) is CardCheck.OK


def find_latest(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the card and ask for its holder's latest application."""
    if not isinstance(event, ev.CardRead):
        return None
    ctx.session.card = event.card
    return FindLatestService(ctx.new_request(), event.card)


def card_not_read(ctx: FlowContext, _event: ev.Event) -> None:
    """Say the card could not be read (the screen stays for another try)."""
    ctx.reason = Reason.CARD_READ_FAILED


@predicate
def rated_already(_ctx: FlowContext, event: ev.Event) -> bool:
    """The terminal's ledger knows the found application was rated."""
    return isinstance(event, ev.LatestServiceFound) and event.already_rated


def take_found(ctx: FlowContext, event: ev.Event) -> None:
    """The found application becomes the service to rate."""
    if isinstance(event, ev.LatestServiceFound):
        ctx.pending_request = None
        ctx.session.drop_evaluation()
        ctx.session.evaluation = EvaluationDraft(event.served)


# --- the answers ------------------------------------------------------------------------------


def _draft(ctx: FlowContext) -> EvaluationDraft | None:
    return ctx.session.evaluation


def rate(ctx: FlowContext, event: ev.Event) -> None:
    """Note the face tapped."""
    draft = _draft(ctx)
    if isinstance(event, ev.RateService) and draft is not None:
        draft.rate(event.rating)


@predicate
def low_rating(_ctx: FlowContext, event: ev.Event) -> bool:
    """The tapped face is 不满意 or below: reasons are asked for."""
    return isinstance(event, ev.RateService) and needs_reasons(event.rating)


@predicate
def reasons_needed(ctx: FlowContext, _event: ev.Event) -> bool:
    """The chosen rating asks for reasons."""
    draft = _draft(ctx)
    return draft is not None and draft.reasons_needed


def toggle_reason(ctx: FlowContext, event: ev.Event) -> None:
    """Choose or unchoose a reason; a chosen one answers the screen's request for one."""
    draft = _draft(ctx)
    if isinstance(event, ev.ToggleReason) and draft is not None:
        draft.toggle_reason(event.reason)
        if draft.reasons:
            ctx.reason = None


@predicate
def reasons_given(ctx: FlowContext, _event: ev.Event) -> bool:
    """At least one reason is chosen."""
    draft = _draft(ctx)
    return draft is not None and bool(draft.reasons)


def ask_for_reasons(ctx: FlowContext, _event: ev.Event) -> None:
    """Say that at least one reason is needed."""
    ctx.reason = Reason.EVALUATION_REASONS_REQUIRED


def write_comment(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the comment as typed; a comment short enough again clears the warning."""
    draft = _draft(ctx)
    if isinstance(event, ev.CommentEdited) and draft is not None:
        draft.write(event.comment)
        if draft.problem() is not Problem.COMMENT_TOO_LONG:
            ctx.reason = None


class SendCheck(StrEnum):
    """What 提交评价 does."""

    SEND = "send"
    REASONS_MISSING = "reasons_missing"
    COMMENT_TOO_LONG = "comment_too_long"


@decision
def send_check(ctx: FlowContext, _event: ev.Event) -> SendCheck:
    """Send, or stay and say what is missing or too long."""
    draft = _draft(ctx)
    problem = draft.problem() if draft is not None else Problem.NO_RATING
    if problem is Problem.COMMENT_TOO_LONG:
        return SendCheck.COMMENT_TOO_LONG
    if problem is None:
        return SendCheck.SEND
    return SendCheck.REASONS_MISSING


def comment_too_long(ctx: FlowContext, _event: ev.Event) -> None:
    """Say the comment is over the limit (nothing is cut without the citizen knowing)."""
    ctx.reason = Reason.EVALUATION_COMMENT_TOO_LONG


def send(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Send a snapshot of the answers through the outbox."""
    draft = _draft(ctx)
    if draft is None:
        return None
    return SubmitEvaluation(ctx.new_request(), replace(draft), ctx.wall)


@predicate
def refused_as_rated(_ctx: FlowContext, event: ev.Event) -> bool:
    """The refusal says the service was rated before."""
    return isinstance(event, ev.EvaluationRefused) and event.code == ALREADY_EVALUATED


# --- the phase ---------------------------------------------------------------------------------

_SKIP = (ev.SkipEvaluation,)
_ANSWERING = (S.EVALUATION_RATING, S.EVALUATION_REASONS, S.EVALUATION_COMMENT)

EVALUATION = Node(
    Phase.EVALUATION,
    contains=(
        Node(S.EVALUATION_CARD, runs=Activity(StartCardReading(), StopCardReading())),
        Node(S.EVALUATION_FINDING, exit=a.cancel_request),
        *_ANSWERING,
        Node(S.EVALUATION_SENDING, exit=a.cancel_request),
        S.EVALUATION_THANKS,
        S.EVALUATION_ALREADY,
        S.EVALUATION_UNAVAILABLE,
    ),
    rows=(
        Row(Phase.EVALUATION, on=_SKIP, to=S.HOME),
        # Home's 评价: the card, its holder's latest application.
        Row(S.EVALUATION_CARD, on=ev.CardRead, when=card_usable, do=find_latest,
            to=S.EVALUATION_FINDING),
        Row(S.EVALUATION_CARD, on=ev.CardRead, when=~card_usable, to=S.EVALUATION_UNAVAILABLE,
            because=Reason.CARD_REJECTED),
        Row(S.EVALUATION_CARD, on=ev.CardReadFailed, do=card_not_read, to=STAY),
        Row(S.EVALUATION_CARD, on=ev.Back, to=S.HOME),
        Row(S.EVALUATION_FINDING, on=ev.LatestServiceFound, when=~rated_already,
            do=take_found, to=S.EVALUATION_RATING),
        Row(S.EVALUATION_FINDING, on=ev.LatestServiceFound, when=rated_already,
            do=take_found, to=S.EVALUATION_ALREADY),
        Row(S.EVALUATION_FINDING, on=ev.NothingToEvaluate, to=S.EVALUATION_UNAVAILABLE,
            because=Reason.NOTHING_TO_EVALUATE),
        Row(S.EVALUATION_FINDING, on=(ev.VerifyFailed, ev.PlatformRefused),
            to=S.EVALUATION_UNAVAILABLE, because=Reason.CARD_REJECTED),
        Row(S.EVALUATION_FINDING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.EVALUATION_UNAVAILABLE, because=Reason.PLATFORM_UNAVAILABLE),
        # The five faces, the reasons at 不满意 or below, the comment.
        Row(S.EVALUATION_RATING, on=ev.RateService, when=low_rating, do=rate,
            to=S.EVALUATION_REASONS),
        Row(S.EVALUATION_RATING, on=ev.RateService, when=~low_rating, do=rate,
            to=S.EVALUATION_COMMENT),
        Row(S.EVALUATION_REASONS, on=ev.ToggleReason, do=toggle_reason, to=STAY),
        Row(S.EVALUATION_REASONS, on=ev.NextStep, when=reasons_given, to=S.EVALUATION_COMMENT),
        Row(S.EVALUATION_REASONS, on=ev.NextStep, when=~reasons_given, do=ask_for_reasons,
            to=STAY),
        Row(S.EVALUATION_REASONS, on=ev.Back, to=S.EVALUATION_RATING),
        Row(S.EVALUATION_COMMENT, on=ev.CommentEdited, do=write_comment, to=STAY),
        Row(S.EVALUATION_COMMENT, on=ev.Back, when=reasons_needed, to=S.EVALUATION_REASONS),
        Row(S.EVALUATION_COMMENT, on=ev.Back, when=~reasons_needed, to=S.EVALUATION_RATING),
        Row(S.EVALUATION_COMMENT, on=ev.SendEvaluation, when=send_check.is_(SendCheck.SEND),
            do=send, to=S.EVALUATION_SENDING),
        Row(S.EVALUATION_COMMENT, on=ev.SendEvaluation,
            when=send_check.is_(SendCheck.COMMENT_TOO_LONG), do=comment_too_long, to=STAY),
        Row(S.EVALUATION_COMMENT, on=ev.SendEvaluation,
            when=send_check.is_(SendCheck.REASONS_MISSING), to=S.EVALUATION_REASONS,
            because=Reason.EVALUATION_REASONS_REQUIRED),
        # Sending, and how it ended.
        Row(S.EVALUATION_SENDING, on=ev.EvaluationRecorded, to=S.EVALUATION_THANKS),
        Row(S.EVALUATION_SENDING, on=ev.EvaluationRefused, when=refused_as_rated,
            to=S.EVALUATION_ALREADY),
        Row(S.EVALUATION_SENDING, on=ev.EvaluationRefused, when=~refused_as_rated,
            to=S.EVALUATION_UNAVAILABLE, because=Reason.EVALUATION_NOT_SAVED),
        Row(S.EVALUATION_SENDING,
            on=(ev.EvaluationNotSaved, ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.EVALUATION_UNAVAILABLE, because=Reason.EVALUATION_NOT_SAVED),
    ),
)
"""Card → latest application, or a done screen's 完成 → rating → (reasons) → comment →
sending → thanks, or "rated already", or why not."""

FROM_HOME = (
    Row(S.HOME, on=ev.OpenEvaluation, when=card_reader_usable, to=S.EVALUATION_CARD),
    Row(S.HOME, on=ev.OpenEvaluation, when=~card_reader_usable, to=S.EVALUATION_UNAVAILABLE,
        because=Reason.EVALUATION_READER_DOWN),
)
"""评价 on home (rows of the in-service phase): the card, unless the reader cannot read one."""


# --- what the services served -------------------------------------------------------


def served_application(ctx: FlowContext) -> Served | None:
    """The applications the apply flow submitted (or the matters it saved for later, rated as
    the visit of its local reference)."""
    draft = ctx.session.application
    if draft is None or draft.outcome is None:
        return None
    names = {m.code: m.name for m in draft.matters}
    numbered = tuple(
        ServedItem(a.matter_code, names.get(a.matter_code, a.matter_name), a.application_no)
        for a in (draft.outcome.applications if isinstance(draft.outcome, Accepted) else ())
    )
    items = numbered or tuple(ServedItem(m.code, m.name) for m in draft.matters)
    if not items:
        return None
    return Served(ServiceKind.APPLY, items, visit_id=draft.outcome.local_ref)


def served_certificate(ctx: FlowContext) -> Served | None:
    """The query-and-print application whose certificate was printed."""
    certificate, matter = ctx.certificate, ctx.session.matter
    if certificate is None or matter is None:
        return None
    item = ServedItem(matter.code, matter.name, certificate.application_no)
    return Served(ServiceKind.CERTIFICATE, (item,))


def served_appointment(ctx: FlowContext) -> Served | None:
    """The appointment booked (rated as the visit of its appointment number)."""
    draft = ctx.session.appointment
    if draft is None or draft.appointment is None:
        return None
    item = ServedItem(draft.matter_code, draft.matter_name)
    return Served(ServiceKind.APPOINTMENT, (item,), visit_id=draft.appointment.appointment_no)
