"""The appointment a citizen is making: matter, day, the day's slots, the chosen slot, the
phone number, the idempotency key of the booking, and its outcome.

The session holds one :class:`AppointmentDraft` while the citizen is in the appointment phase;
the flow changes it and the UI reads it (``revision`` changes with every change it shows).
The booking's idempotency key is chosen with the draft and kept across retries of the same
booking; a slot taken by someone else (``slot_full``) starts a new booking with a new key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from kiosk.appointments.phone import phone_error, phone_input_error
from kiosk.forms.validation import InputError
from kiosk.platform.models import Appointment, Slot


def _new_key() -> str:
    return str(uuid.uuid4())


@dataclass
class AppointmentDraft:
    """One citizen's booking under way (cleared when the phase is left)."""

    matter_code: str
    matter_name: str
    days: tuple[date, ...]
    day: date
    from_list: bool = False
    """Entered from home's 预约 list (返回 goes back to it) rather than from the guide."""
    slots: tuple[Slot, ...] | None = None
    """The day's slots, full ones included; None while they are being listed."""
    listing_failed: bool = False
    chosen: Slot | None = None
    phone: str = field(default="", repr=False)
    phone_problem: InputError | None = None
    """The error shown under the phone number (typing errors, or the finished check)."""
    idempotency_key: str = field(default_factory=_new_key)
    appointment: Appointment | None = None
    slip_printed: bool | None = None
    """Whether the slip printed; None until the printer answered."""
    revision: int = 0

    def changed(self) -> None:
        """Note a change the screens show."""
        self.revision += 1

    def list_day(self, day: date) -> None:
        """Show ``day``: its slots are asked for; no slot is chosen."""
        self.day = day
        self.slots = None
        self.listing_failed = False
        self.chosen = None
        self.changed()

    def show_slots(self, day: date, slots: tuple[Slot, ...]) -> None:
        """The platform listed ``day``'s slots (ignored when another day is on screen)."""
        if day != self.day:
            return
        self.slots = slots
        self.listing_failed = False
        self.changed()

    def listing_unavailable(self) -> None:
        """The slots could not be listed (the screen offers to try again)."""
        self.slots = ()
        self.listing_failed = True
        self.changed()

    def choose(self, slot_id: str) -> bool:
        """Choose a listed slot that has places left; False (nothing chosen) otherwise."""
        slot = next((s for s in self.slots or () if s.slot_id == slot_id), None)
        if slot is None or slot.remaining <= 0:
            return False
        self.chosen = slot
        self.changed()
        return True

    def slot_taken(self) -> None:
        """The chosen slot filled before the booking: forget it, list again, new booking key."""
        self.chosen = None
        self.slots = None
        self.idempotency_key = _new_key()
        self.changed()

    def prefill_phone(self, phone: str) -> None:
        """The platform's phone for the person, unless the citizen typed one already."""
        if phone and not self.phone:
            self.phone = phone
            self.changed()

    def edit_phone(self, text: str) -> None:
        """The citizen typed: keep the text and show what more typing cannot fix."""
        self.phone = text
        self.phone_problem = phone_input_error(text)
        self.changed()

    def phone_ready(self) -> bool:
        """The phone number is a whole mainland mobile number."""
        return phone_error(self.phone) is None

    def check_phone(self) -> None:
        """Show the finished number's error (确认预约 on a number that is not whole)."""
        self.phone_problem = phone_error(self.phone)
        self.changed()

    def booked(self, appointment: Appointment) -> None:
        """The platform booked the chosen slot."""
        self.appointment = appointment
        self.changed()

    def printed(self, ok: bool) -> None:
        """The printer's answer for the slip."""
        self.slip_printed = ok
        self.changed()

    def clear(self) -> None:
        """Forget the phone number and the outcome (the citizen left)."""
        self.phone = ""
        self.phone_problem = None
        self.chosen = None
        self.slots = None
        self.appointment = None
        self.changed()
