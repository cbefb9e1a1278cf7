"""预约: booking a staffed-window appointment for a matter, and printing its slip.

Entered from home's 预约 (the list of appointable matters: ``guide_only`` or
``appointment: true``) or from the 预约 button of such a matter's guide. The citizen picks a
day and one of its slots (full slots are listed, greyed, and cannot be chosen). Booking needs
a person: a session already verified by the platform goes on; otherwise the ID card is read
and verified at card level (``method: card``), which also gives the platform's phone number
for the person. The phone number is confirmed (prefilled when known, checked as a mainland
mobile number), then the slot is booked under an idempotency key kept across retries. A slot
that filled since it was listed (``slot_full``) lists the day again with a message. The slip
(place, window, time, what to bring, a QR of the appointment number) prints on the receipt
printer; the done screen says whether it did, and shows the QR when it did not.

``appointment_done`` is where the booked service ends (完成 goes home). Leaving the phase
forgets the booking, the phone number included.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.appointments.days import booking_days
from kiosk.appointments.draft import AppointmentDraft
from kiosk.flow import actions as a
from kiosk.flow import events as ev
from kiosk.flow.chart import STAY, Activity, Node, Row, Step, decision, predicate
from kiosk.flow.context import FlowContext
from kiosk.flow.effects import (
    BookSlot,
    Effect,
    ListSlots,
    PrintAppointmentSlip,
    StartCardReading,
    StopCardReading,
    VerifyCardForBooking,
)
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.phases.evaluation import evaluate_after, served_appointment
from kiosk.flow.states import Phase, Reason, State
from kiosk.identity.checks import CardCheck, check_card
from kiosk.identity.person import Citizen, EstablishedIdentity, IdentityMethod
from kiosk.platform.models import Booking

S = State
"""Short name for the table rows."""


# --- guards -------------------------------------------------------------------------------


@predicate
def matter_appointable(ctx: FlowContext, _event: ev.Event) -> bool:
    """The chosen matter takes appointments at the staffed window."""
    matter = ctx.session.matter
    return matter is not None and matter.appointable


@predicate
def loaded_appointable(_ctx: FlowContext, event: ev.Event) -> bool:
    """The matter just loaded from the list takes appointments."""
    return isinstance(event, ev.GuideLoaded) and event.matter.appointable


@predicate
def from_list(ctx: FlowContext, _event: ev.Event) -> bool:
    """The booking started from home's 预约 list (返回 goes back to it)."""
    draft = ctx.session.appointment
    return draft is not None and draft.from_list


class BookingIdentity(StrEnum):
    """How 下一步 goes on from the slots."""

    NO_SLOT = "no_slot"
    VERIFIED = "verified"
    """The session's platform verification covers the matter: on to the phone number."""
    CARD = "card"
    """The ID card is read and verified at card level first."""


@decision
def booking_identity(ctx: FlowContext, _event: ev.Event) -> BookingIdentity:
    """Whether a slot is chosen and whether the session's identity can book it."""
    draft, matter = ctx.session.appointment, ctx.session.matter
    if draft is None or draft.chosen is None or matter is None:
        return BookingIdentity.NO_SLOT
    verification = ctx.session.verification
    if verification is None or verification.verification_id is None:
        return BookingIdentity.CARD
    needs_face = matter.identity is IdentityRequirement.ID_CARD_AND_FACE
    if needs_face and verification.method is IdentityMethod.ID_CARD:
        return BookingIdentity.CARD
    return BookingIdentity.VERIFIED


@predicate
def card_usable(ctx: FlowContext, event: ev.Event) -> bool:
    """The card read for the booking is of a known type, valid today, with a sound number."""
    return isinstance(event, ev.CardRead) and check_card(event.card, ctx.today) is CardCheck.OK


@predicate
def phone_ready(ctx: FlowContext, _event: ev.Event) -> bool:
    """The phone number is a whole mainland mobile number."""
    draft = ctx.session.appointment
    return draft is not None and draft.phone_ready()


# --- steps --------------------------------------------------------------------------------


def load_matter(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Ask for the chosen matter's brief (without showing its guide)."""
    ctx.reason = None
    return a.load_guide(ctx, event)


def _start(ctx: FlowContext, listed: bool) -> None:
    matter = ctx.session.matter
    if matter is None:
        return
    ctx.session.drop_appointment()
    days = booking_days(ctx.today)
    ctx.session.appointment = AppointmentDraft(
        matter.code, matter.name, days, days[0], from_list=listed
    )


def start_from_guide(ctx: FlowContext, _event: ev.Event) -> None:
    """A booking of the guide's matter, on the first working day from today."""
    _start(ctx, listed=False)


def start_from_list(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the matter chosen in the list and start its booking."""
    a.keep_guide(ctx, event)
    _start(ctx, listed=True)


def list_slots(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Ask for the slots of the day on screen."""
    draft = ctx.session.appointment
    if draft is None:
        return None
    draft.list_day(draft.day)
    return ListSlots(ctx.new_request(), draft.matter_code, draft.day)


def choose_day(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Show another offered day (or the same again after a failed listing)."""
    draft = ctx.session.appointment
    if not isinstance(event, ev.ChooseDay) or draft is None or event.day not in draft.days:
        return None
    ctx.reason = None
    draft.day = event.day
    return list_slots(ctx, event)


def keep_slots(ctx: FlowContext, event: ev.Event) -> None:
    """Show the listed slots."""
    draft = ctx.session.appointment
    if isinstance(event, ev.SlotsListed) and draft is not None:
        ctx.pending_request = None
        draft.show_slots(event.day, event.slots)


def slots_unavailable(ctx: FlowContext, _event: ev.Event) -> None:
    """The slots could not be listed: say so (the day can be tapped again)."""
    draft = ctx.session.appointment
    ctx.pending_request = None
    ctx.reason = Reason.PLATFORM_UNAVAILABLE
    if draft is not None:
        draft.listing_unavailable()


def choose_slot(ctx: FlowContext, event: ev.Event) -> None:
    """Choose the tapped slot when it has places left (a full one is only shown)."""
    draft = ctx.session.appointment
    if isinstance(event, ev.ChooseSlot) and draft is not None and draft.choose(event.slot_id):
        ctx.reason = None


def verify_card(ctx: FlowContext, event: ev.Event) -> Effect | None:
    """Keep the read card and have the platform verify it at card level."""
    if not isinstance(event, ev.CardRead):
        return None
    ctx.session.card = event.card
    return VerifyCardForBooking(ctx.new_request(), event.card)


def refuse_card(ctx: FlowContext, _event: ev.Event) -> None:
    """A card that cannot be used for the booking: say so; another may be placed."""
    ctx.reason = Reason.CARD_NOT_ACCEPTED


def card_read_failed(ctx: FlowContext, _event: ev.Event) -> None:
    """The reader could not read the card: say so; it may be placed again."""
    ctx.reason = Reason.CARD_READ_FAILED


def record_verification(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the card-level verification and prefill the platform's phone number."""
    draft = ctx.session.appointment
    if not isinstance(event, ev.BookingVerified):
        return
    ctx.pending_request = None
    ctx.session.verification = EstablishedIdentity(
        event.verification_id,
        event.expires_at,
        Citizen(event.name, event.id_number),
        IdentityMethod.ID_CARD,
    )
    if draft is not None:
        draft.prefill_phone(event.phone)


def edit_phone(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the typed phone number and its typing errors."""
    draft = ctx.session.appointment
    if isinstance(event, ev.PhoneEdited) and draft is not None:
        draft.edit_phone(event.text)


def show_phone_error(ctx: FlowContext, _event: ev.Event) -> None:
    """确认预约 on a number that is not whole: show why."""
    draft = ctx.session.appointment
    if draft is not None:
        draft.check_phone()


def book(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Book the chosen slot for the verified person with the confirmed phone number."""
    draft, verification = ctx.session.appointment, ctx.session.verification
    if draft is None or draft.chosen is None or verification is None:
        return None
    if verification.verification_id is None:
        return None
    booking = Booking(
        verification.verification_id, draft.chosen.slot_id, draft.matter_code, draft.phone.strip()
    )
    return BookSlot(ctx.new_request(), booking, draft.idempotency_key)


def record_appointment(ctx: FlowContext, event: ev.Event) -> None:
    """Keep the booked appointment."""
    draft = ctx.session.appointment
    if isinstance(event, ev.AppointmentBooked) and draft is not None:
        ctx.pending_request = None
        draft.booked(event.appointment)


def slot_taken(ctx: FlowContext, _event: ev.Event) -> None:
    """Someone else took the last place: forget the slot; a new booking (key) follows."""
    draft = ctx.session.appointment
    ctx.pending_request = None
    if draft is not None:
        draft.slot_taken()


def booking_refused(ctx: FlowContext, event: ev.Event) -> None:
    """Refused for another reason: a new booking, and a fresh identity for it."""
    slot_taken(ctx, event)
    a.forget_identity(ctx, event)


def print_slip(ctx: FlowContext, _event: ev.Event) -> Effect | None:
    """Print the slip of the booked appointment."""
    draft, verification = ctx.session.appointment, ctx.session.verification
    if draft is None or draft.appointment is None or draft.chosen is None:
        return None
    name = verification.person.name if verification is not None else ""
    return PrintAppointmentSlip(
        ctx.new_request(),
        draft.matter_code,
        draft.matter_name,
        draft.appointment,
        draft.chosen.end,
        name,
        draft.phone.strip(),
    )


def slip_outcome(printed: bool) -> Step:
    """A step noting whether the slip printed."""

    def record(ctx: FlowContext, _event: ev.Event) -> None:
        draft = ctx.session.appointment
        ctx.pending_request = None
        if draft is not None:
            draft.printed(printed)

    record.__doc__ = f"Note the slip {'printed' if printed else 'not printed'}."
    record.__name__ = "slip_printed" if printed else "slip_not_printed"
    return record


def drop_booking(ctx: FlowContext, _event: ev.Event) -> None:
    """Forget the booking (its phone number and outcome)."""
    ctx.session.drop_appointment()


def leave_appointments(ctx: FlowContext, event: ev.Event) -> None:
    """Leaving the phase: forget the booking."""
    drop_booking(ctx, event)


_IDENTITY = booking_identity
_PLATFORM_FAILED = (ev.PlatformUnavailable, ev.PlatformRefused, ev.StateTimedOut)

APPOINTMENT_IDENTITY = Node(
    Phase.APPOINTMENT_IDENTITY,
    contains=(S.APPOINTMENT_CARD, Node(S.APPOINTMENT_VERIFYING, exit=a.cancel_request)),
    runs=Activity(StartCardReading(), StopCardReading()),
    rows=(
        Row(S.APPOINTMENT_CARD, on=ev.CardRead, when=card_usable, do=verify_card,
            to=S.APPOINTMENT_VERIFYING),
        Row(S.APPOINTMENT_CARD, on=ev.CardRead, when=~card_usable, do=refuse_card, to=STAY),
        Row(S.APPOINTMENT_CARD, on=ev.CardReadFailed, do=card_read_failed, to=STAY),
        Row(S.APPOINTMENT_CARD, on=ev.Back, to=S.APPOINTMENT_SLOTS),
        Row(S.APPOINTMENT_VERIFYING, on=ev.BookingVerified, do=record_verification,
            to=S.APPOINTMENT_PHONE),
        Row(S.APPOINTMENT_VERIFYING, on=ev.VerifyFailed, do=a.forget_identity,
            to=S.APPOINTMENT_CARD, because=Reason.CARD_REJECTED),
        Row(S.APPOINTMENT_VERIFYING, on=_PLATFORM_FAILED, do=a.forget_identity,
            to=S.APPOINTMENT_CARD, because=Reason.PLATFORM_UNAVAILABLE),
    ),
)
"""The card is read once per visit of these two screens: a refused card is not read again
until it is placed again."""

APPOINTMENT = Node(
    Phase.APPOINTMENT,
    contains=(
        S.APPOINTMENT_MATTERS,
        Node(S.APPOINTMENT_SLOTS, entry=list_slots, exit=a.cancel_request),
        APPOINTMENT_IDENTITY,
        S.APPOINTMENT_PHONE,
        Node(S.APPOINTMENT_BOOKING, exit=a.cancel_request),
        Node(S.APPOINTMENT_PRINTING, entry=print_slip, exit=a.cancel_request),
        evaluate_after(S.APPOINTMENT_DONE, served_appointment),
    ),
    exit=leave_appointments,
    rows=(
        # The appointable matters (from home).
        Row(S.APPOINTMENT_MATTERS, on=ev.SelectMatter, do=load_matter, to=STAY),
        Row(S.APPOINTMENT_MATTERS, on=ev.GuideLoaded, when=loaded_appointable,
            do=start_from_list, to=S.APPOINTMENT_SLOTS),
        Row(S.APPOINTMENT_MATTERS, on=ev.GuideLoaded, when=~loaded_appointable,
            do=a.cancel_request, to=STAY),
        Row(S.APPOINTMENT_MATTERS, on=ev.PlatformUnavailable, to=S.APPOINTMENT_MATTERS,
            because=Reason.GUIDE_UNAVAILABLE),
        Row(S.APPOINTMENT_MATTERS, on=ev.Back, to=S.HOME),
        # A day and a slot.
        Row(S.APPOINTMENT_SLOTS, on=ev.SlotsListed, do=keep_slots, to=STAY),
        Row(S.APPOINTMENT_SLOTS, on=(ev.PlatformUnavailable, ev.PlatformRefused),
            do=slots_unavailable, to=STAY),
        Row(S.APPOINTMENT_SLOTS, on=ev.ChooseDay, do=choose_day, to=STAY),
        Row(S.APPOINTMENT_SLOTS, on=ev.ChooseSlot, do=choose_slot, to=STAY),
        Row(S.APPOINTMENT_SLOTS, on=ev.AppointmentNext,
            when=_IDENTITY.is_(BookingIdentity.VERIFIED), to=S.APPOINTMENT_PHONE),
        Row(S.APPOINTMENT_SLOTS, on=ev.AppointmentNext,
            when=_IDENTITY.is_(BookingIdentity.CARD), to=S.APPOINTMENT_CARD),
        Row(S.APPOINTMENT_SLOTS, on=ev.AppointmentNext,
            when=_IDENTITY.is_(BookingIdentity.NO_SLOT), to=STAY),
        Row(S.APPOINTMENT_SLOTS, on=ev.Back, when=from_list,
            do=(drop_booking, a.clear_matter), to=S.APPOINTMENT_MATTERS),
        Row(S.APPOINTMENT_SLOTS, on=ev.Back, when=~from_list, to=S.GUIDE),
        # The phone number, then the booking.
        Row(S.APPOINTMENT_PHONE, on=ev.PhoneEdited, do=edit_phone, to=STAY),
        Row(S.APPOINTMENT_PHONE, on=ev.ConfirmBooking, when=phone_ready, do=book,
            to=S.APPOINTMENT_BOOKING),
        Row(S.APPOINTMENT_PHONE, on=ev.ConfirmBooking, when=~phone_ready,
            do=show_phone_error, to=STAY),
        Row(S.APPOINTMENT_PHONE, on=ev.Back, to=S.APPOINTMENT_SLOTS),
        Row(S.APPOINTMENT_BOOKING, on=ev.AppointmentBooked, do=record_appointment,
            to=S.APPOINTMENT_PRINTING),
        Row(S.APPOINTMENT_BOOKING, on=ev.SlotTaken, do=slot_taken, to=S.APPOINTMENT_SLOTS,
            because=Reason.SLOT_TAKEN),
        Row(S.APPOINTMENT_BOOKING, on=ev.PlatformRefused, do=booking_refused,
            to=S.APPOINTMENT_SLOTS, because=Reason.APPOINTMENT_REFUSED),
        # Unanswered: the same booking (same key) may be confirmed again.
        Row(S.APPOINTMENT_BOOKING, on=(ev.PlatformUnavailable, ev.StateTimedOut),
            to=S.APPOINTMENT_PHONE, because=Reason.PLATFORM_UNAVAILABLE),
        # The slip; the done screen says whether it printed.
        Row(S.APPOINTMENT_PRINTING, on=ev.SlipPrinted, do=slip_outcome(True),
            to=S.APPOINTMENT_DONE),
        Row(S.APPOINTMENT_PRINTING, on=(ev.SlipPrintFailed, ev.StateTimedOut),
            do=slip_outcome(False), to=S.APPOINTMENT_DONE),
    ),
)
"""Matters → day and slot → (card) → phone → booking → slip → done."""

FROM_HOME = Row(S.HOME, on=ev.OpenAppointments, to=S.APPOINTMENT_MATTERS)
"""预约 on home (a row of the in-service phase)."""

FROM_GUIDE = Row(S.GUIDE, on=ev.BookAppointment, when=matter_appointable,
                 do=start_from_guide, to=S.APPOINTMENT_SLOTS)
"""预约 on an appointable matter's guide (a row of the session phase)."""
