"""预约 in the flow: matter → day and slot → card → phone → booking → slip → done, and the
slot taken between the listing and the booking."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import TypeVar

import pytest

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement, MatterBrief, SelfService
from kiosk.flow.states import Reason, State
from kiosk.platform.models import Appointment, Slot
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online, matter

TODAY = date(2026, 11, 23)  # a Monday
GUIDE_ONLY = dataclasses.replace(
    matter(identity=IdentityRequirement.ID_CARD, self_service=SelfService.GUIDE_ONLY,
           code="APPT0001"),
    appointable=True,
)
OPEN = Slot("S1", datetime(2026, 11, 23, 6, 0, tzinfo=UTC),
            datetime(2026, 11, 23, 6, 30, tzinfo=UTC), 2)
FULL = Slot("S2", datetime(2026, 11, 23, 6, 30, tzinfo=UTC),
            datetime(2026, 11, 23, 7, 0, tzinfo=UTC), 0)
BOOKED = Appointment("YY2026112300000001", OPEN.start, "330109001")


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, devices=all_online())


E = TypeVar("E", bound=fx.Effect)


def _one(effects: list[fx.Effect], kind: type[E]) -> E:
    found = [e for e in effects if isinstance(e, kind)]
    assert len(found) == 1, effects
    return found[0]


def to_slots(m: FlowMachine, brief: MatterBrief = GUIDE_ONLY) -> fx.ListSlots:
    m.dispatch(ev.OpenAppointments())
    assert m.state is State.APPOINTMENT_MATTERS
    m.dispatch(ev.SelectMatter(brief.code))
    effects = m.dispatch(ev.GuideLoaded(m.pending_request or 0, brief))
    assert m.state is State.APPOINTMENT_SLOTS
    return _one(effects, fx.ListSlots)


def listed(m: FlowMachine, listing: fx.ListSlots, slots: tuple[Slot, ...] = (OPEN, FULL)) -> None:
    m.dispatch(ev.SlotsListed(listing.request_id, listing.day, slots))


def to_phone(m: FlowMachine, phone: str = "13800138000") -> None:
    listed(m, to_slots(m))
    m.dispatch(ev.ChooseSlot(OPEN.slot_id))
    m.dispatch(ev.AppointmentNext())
    assert m.state is State.APPOINTMENT_CARD
    effects = m.dispatch(ev.CardRead(FakeCard()))
    verify = _one(effects, fx.VerifyCardForBooking)
    assert m.state is State.APPOINTMENT_VERIFYING
    m.dispatch(ev.BookingVerified(verify.request_id, "ver-9", "t", "张伟",
                                  "33010619850312001X", phone))
    assert m.state is State.APPOINTMENT_PHONE


def test_a_booking_goes_from_the_home_tile_to_the_printed_slip(machine: FlowMachine) -> None:
    listing = to_slots(machine)
    assert listing.matter_code == "APPT0001"
    assert listing.day == TODAY
    started = machine.session.appointment
    assert started is not None and started.from_list
    machine.dispatch(ev.GoHome())
    to_phone(machine)
    draft = machine.session.appointment
    assert draft is not None and draft.phone == "13800138000"  # prefilled by the platform
    effects = machine.dispatch(ev.ConfirmBooking())
    book = _one(effects, fx.BookSlot)
    assert isinstance(book, fx.BookSlot)
    assert (book.booking.slot_id, book.booking.verification_id) == ("S1", "ver-9")
    assert book.booking.phone == "13800138000"
    effects = machine.dispatch(ev.AppointmentBooked(book.request_id, BOOKED))
    assert machine.state is State.APPOINTMENT_PRINTING
    slip = _one(effects, fx.PrintAppointmentSlip)
    assert isinstance(slip, fx.PrintAppointmentSlip)
    assert (slip.appointment, slip.end, slip.person_name) == (BOOKED, OPEN.end, "张伟")
    machine.dispatch(ev.SlipPrinted(slip.request_id))
    assert machine.state is State.APPOINTMENT_DONE
    assert draft.slip_printed is True
    machine.dispatch(ev.GoHome())
    assert machine.session.is_empty()


def test_a_full_slot_is_listed_but_cannot_be_chosen(machine: FlowMachine) -> None:
    listed(machine, to_slots(machine))
    draft = machine.session.appointment
    assert draft is not None and draft.slots == (OPEN, FULL)
    machine.dispatch(ev.ChooseSlot(FULL.slot_id))
    assert draft.chosen is None
    machine.dispatch(ev.AppointmentNext())
    assert machine.state is State.APPOINTMENT_SLOTS


def test_a_slot_taken_before_the_booking_lists_the_day_again_with_a_new_key(
    machine: FlowMachine,
) -> None:
    to_phone(machine)
    book = _one(machine.dispatch(ev.ConfirmBooking()), fx.BookSlot)
    assert isinstance(book, fx.BookSlot)
    effects = machine.dispatch(ev.SlotTaken(book.request_id))
    assert machine.state is State.APPOINTMENT_SLOTS
    assert machine.view.reason is Reason.SLOT_TAKEN
    relist = _one(effects, fx.ListSlots)
    draft = machine.session.appointment
    assert draft is not None and draft.chosen is None and draft.slots is None
    listed(machine, relist, (dataclasses.replace(OPEN, remaining=0), FULL))
    assert machine.view.reason is Reason.SLOT_TAKEN
    second = dataclasses.replace(OPEN, slot_id="S3")
    listed(machine, _one(machine.dispatch(ev.ChooseDay(TODAY)), fx.ListSlots), (second,))
    machine.dispatch(ev.ChooseSlot("S3"))
    machine.dispatch(ev.AppointmentNext())
    assert machine.state is State.APPOINTMENT_PHONE  # the verification is kept
    again = _one(machine.dispatch(ev.ConfirmBooking()), fx.BookSlot)
    assert isinstance(again, fx.BookSlot)
    assert again.idempotency_key != book.idempotency_key


def test_an_unanswered_booking_is_retried_under_the_same_key(machine: FlowMachine) -> None:
    to_phone(machine)
    book = _one(machine.dispatch(ev.ConfirmBooking()), fx.BookSlot)
    assert isinstance(book, fx.BookSlot)
    machine.dispatch(ev.PlatformUnavailable(book.request_id))
    assert machine.state is State.APPOINTMENT_PHONE
    assert machine.view.reason is Reason.PLATFORM_UNAVAILABLE
    again = _one(machine.dispatch(ev.ConfirmBooking()), fx.BookSlot)
    assert isinstance(again, fx.BookSlot)
    assert again.idempotency_key == book.idempotency_key


@pytest.mark.parametrize("typed", ["", "1380013800", "12800138000", "1380013800a"])
def test_a_phone_number_that_is_not_a_mobile_number_is_not_booked(
    machine: FlowMachine, typed: str
) -> None:
    to_phone(machine, phone="")
    machine.dispatch(ev.PhoneEdited(typed))
    assert machine.dispatch(ev.ConfirmBooking()) == []
    assert machine.state is State.APPOINTMENT_PHONE
    draft = machine.session.appointment
    assert draft is not None and draft.phone_problem is not None


def test_a_refused_card_stays_on_the_card_screen_and_is_not_read_again(
    machine: FlowMachine,
) -> None:
    listed(machine, to_slots(machine))
    machine.dispatch(ev.ChooseSlot(OPEN.slot_id))
    machine.dispatch(ev.AppointmentNext())
    expired = FakeCard(valid_to=date(2020, 1, 1))
    assert machine.dispatch(ev.CardRead(expired)) == []
    assert machine.view.reason is Reason.CARD_NOT_ACCEPTED
    verify = _one(machine.dispatch(ev.CardRead(FakeCard())), fx.VerifyCardForBooking)
    effects = machine.dispatch(ev.VerifyFailed(verify.request_id, "card_reported_lost"))
    assert machine.state is State.APPOINTMENT_CARD
    assert machine.view.reason is Reason.CARD_REJECTED
    assert not any(isinstance(e, fx.StartCardReading) for e in effects)


def test_the_guide_of_an_appointable_matter_books_and_back_returns_to_it(
    machine: FlowMachine,
) -> None:
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("APPT0001"))
    machine.dispatch(ev.GuideLoaded(machine.pending_request or 0, GUIDE_ONLY))
    assert machine.state is State.GUIDE
    effects = machine.dispatch(ev.BookAppointment())
    assert machine.state is State.APPOINTMENT_SLOTS
    assert isinstance(_one(effects, fx.ListSlots), fx.ListSlots)
    machine.dispatch(ev.Back())
    assert machine.state is State.GUIDE
    assert machine.session.appointment is None


def test_the_guide_of_a_matter_done_at_the_terminal_offers_no_booking(
    machine: FlowMachine,
) -> None:
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    machine.dispatch(ev.GuideLoaded(machine.pending_request or 0, matter()))
    machine.dispatch(ev.BookAppointment())
    assert machine.state is State.GUIDE


def test_a_failed_slip_print_still_ends_on_done_saying_so(machine: FlowMachine) -> None:
    to_phone(machine)
    book = _one(machine.dispatch(ev.ConfirmBooking()), fx.BookSlot)
    slip = _one(machine.dispatch(ev.AppointmentBooked(book.request_id, BOOKED)),
                fx.PrintAppointmentSlip)
    machine.dispatch(ev.SlipPrintFailed(slip.request_id, "paper out"))
    assert machine.state is State.APPOINTMENT_DONE
    draft = machine.session.appointment
    assert draft is not None and draft.slip_printed is False
