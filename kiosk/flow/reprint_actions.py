"""The guards and steps of 补打回执 (:mod:`kiosk.flow.phases.reprint`).

The card read is verified at card level (the card alone is enough to list one's own
applications); the platform's list is cut to the last 30 days; the chosen receipt (one
submission's applications) is printed again by the app.
"""

from __future__ import annotations

from kiosk.flow import events as ev
from kiosk.flow.chart import predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import Effect, ListReceipts, PrintReprint, VerifyCard
from kiosk.identity.checks import CardCheck, check_card
from kiosk.platform.models import Applicant
from kiosk.receipts.reprint import ReprintChoice, recent, same_receipt


@predicate
def card_usable(ctx: FlowContext, event: ev.Event) -> bool:
    """The read card is of a known type, not expired, with a valid ID number."""
    return isinstance(event, ev.CardRead) and check_card(event.card, ctx.today) is CardCheck.OK


@predicate
def is_listed(ctx: FlowContext, event: ev.Event) -> bool:
    """The chosen application is one of those offered."""
    return isinstance(event, ev.ChooseReceipt) and bool(
        same_receipt(ctx.session.reprint.offered, event.application_no)
    )


def verify_card(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the card read and ask for its card-level verification."""
    if not isinstance(event, ev.CardRead):
        return None
    ctx.session.card = event.card
    return VerifyCard(ctx.new_request(), event.card)


def list_applications(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Ask for the verified person's applications."""
    if not isinstance(event, ev.VerifyResult):
        return None
    return ListReceipts(ctx.new_request(), event.verification_id)


def offer(ctx: FlowContext, event: ev.Event) -> None:
    """Offer the applications of the last 30 days."""
    if isinstance(event, ev.ReceiptsListed):
        ctx.pending_request = None
        ctx.session.reprint = ReprintChoice(recent(event.applications, ctx.wall))


def choose(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the chosen receipt: the chosen application and those submitted with it."""
    if isinstance(event, ev.ChooseReceipt):
        choice = ctx.session.reprint
        choice.chosen = same_receipt(choice.offered, event.application_no)


def print_chosen(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Print the chosen receipt again."""
    v, chosen = ctx.session.verification, ctx.session.reprint.chosen
    if v is None or not chosen:
        return None
    return PrintReprint(ctx.new_request(), Applicant(v.person.name, v.person.id_number), chosen)
