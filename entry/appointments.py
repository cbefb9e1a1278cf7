"""The appointment phase's effects, executed: slots, card-level verification, booking, slip.

:class:`AppointmentDesk` is built by the app; its :meth:`~AppointmentDesk.handlers` are merged
into the app's effect table and its view-model is the UI's ``appointments``. Platform calls
and the print job run in workers; each answer goes back to the flow as the reply event that
carries the effect's request id (on the GUI thread).

* ``ListSlots``: listSlots for the terminal's hall (``[terminal] hall_code``).
* ``VerifyCardForBooking``: verifyIdentity with ``method: card`` (:meth:`Backend.verify_card`);
  an answer naming anyone but the card's holder is refused like a failed verification.
* ``BookSlot``: bookAppointment under the booking's idempotency key; 409 ``slot_full`` is
  :class:`~kiosk.flow.events.SlotTaken`, any other refusal ``PlatformRefused``.
* ``PrintAppointmentSlip``: the slip (``kiosk.appointments.slip``, worded by
  ``ui.receipt_text``) with the matter's place and materials from the catalogue, printed on
  the receipt printer; printed only when the printer reports no error after the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drivers.base import DeviceClass
from drivers.manager import DeviceManager
from drivers.printer.types import ReceiptPrinter
from kiosk.appointments.draft import AppointmentDraft
from kiosk.appointments.slip import SlipContent, appointment_slip
from kiosk.catalogue.service import CatalogueService
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.identity.card import SamReadCard
from kiosk.identity.match import verification_matches_card
from kiosk.platform.errors import PlatformError, PlatformFailure
from kiosk.platform.models import Verification
from kiosk.receipts.documents import Hall
from kiosk.workers import Workers
from ui.bridge.appointment_vm import AppointmentViewModel
from ui.receipt_text import appointment_slip_wording

if TYPE_CHECKING:
    from entry.backend import Backend
    from simulation.server import ControlServer, JsonBody

log = logging.getLogger(__name__)

Dispatch = Callable[[ev.Event], None]
SLOT_FULL = "slot_full"
GUI_CALL_S = 5.0
"""How long the control route waits for the GUI thread to say which slot is chosen."""


@dataclass(frozen=True)
class DeskPlace:
    """Where the terminal stands: the hall's code (listSlots), name and phone (the slip)."""

    hall_code: str
    hall: Hall


def verification_answer(request_id: int, card: SamReadCard, result: Verification) -> ev.Event:
    """The flow's answer to a card-level verification for a booking: verified only for the
    card's own holder."""
    if not result.verified:
        return ev.VerifyFailed(request_id, result.reason or "not_verified")
    if not verification_matches_card(card, result.person):
        return ev.VerifyFailed(request_id, "verified_someone_else")
    return ev.BookingVerified(
        request_id,
        result.verification_id,
        result.expires_at.isoformat(),
        result.person.name,
        result.person.id_number,
        result.person.phone,
    )


def failure_answer(request_id: int, error: BaseException) -> ev.Event:
    """A failed platform call as the flow hears it: the slot taken, refused, or unanswered."""
    if not isinstance(error, PlatformFailure):
        log.error("appointment call failed: %s: %s", type(error).__name__, error)
    if isinstance(error, PlatformError) and error.code == SLOT_FULL:
        return ev.SlotTaken(request_id)
    from entry.backend import refusal_code  # imported by the start-up worker already

    refused = refusal_code(error)
    if refused is not None:
        return ev.PlatformRefused(request_id, refused)
    return ev.PlatformUnavailable(request_id)


class AppointmentDesk:
    """Executes the appointment phase's effects and owns the appointment view-model."""

    def __init__(
        self,
        place: DeskPlace,
        devices: DeviceManager,
        catalogue: CatalogueService,
        workers: Workers,
        backend: Callable[[], Backend],
        dispatch: Dispatch,
        draft: Callable[[], AppointmentDraft | None],
    ) -> None:
        self._place = place
        self._devices = devices
        self._catalogue = catalogue
        self._workers = workers
        self._backend = backend
        self._dispatch = dispatch
        self._draft = draft
        self.view_model = AppointmentViewModel(dispatch, draft, catalogue)

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.ListSlots: self._list,
            fx.VerifyCardForBooking: self._verify,
            fx.BookSlot: self._book,
            fx.PrintAppointmentSlip: self._print,
        }

    def mount_routes(self, control: ControlServer) -> None:
        """Mount ``POST /sim/appointments/fill-chosen`` (the dev dock's 占满所选时段): the
        simulated platform books every place left of the slot chosen on screen."""
        from simulation.server import BadRequest  # the control API: simulated kiosks only

        def chosen() -> str:
            booking = self._draft()
            return booking.chosen.slot_id if booking and booking.chosen else ""

        def fill(_: JsonBody) -> tuple[int, Any]:
            slot_id = self._workers.call(chosen, GUI_CALL_S)
            if not slot_id:
                return 409, {"error": "no slot is chosen"}
            platform_sim = self._backend().platform_sim
            if platform_sim is None:
                raise BadRequest("the platform is not simulated")
            return 200, platform_sim.fill_slot(slot_id)

        control.route("POST", "/sim/appointments/fill-chosen", fill)

    def _call(self, request_id: int, call: Callable[[], ev.Event]) -> None:
        self._workers.submit(
            call, self._dispatch, lambda error: self._dispatch(failure_answer(request_id, error))
        )

    def _list(self, effect: fx.ListSlots) -> None:
        rid, code, day, hall = effect.request_id, effect.matter_code, effect.day, self._place

        def listed() -> ev.Event:
            slots = self._backend().client.list_slots(code, hall.hall_code, day)
            return ev.SlotsListed(rid, day, slots)

        self._call(rid, listed)

    def _verify(self, effect: fx.VerifyCardForBooking) -> None:
        rid, card = effect.request_id, effect.card
        if not isinstance(card, SamReadCard) or not card.sam_id:
            log.warning("card-level verification needs a card read by a SAM reader")
            self._dispatch(ev.PlatformUnavailable(rid))
            return
        self._call(rid, lambda: verification_answer(rid, card, self._backend().verify_card(card)))

    def _book(self, effect: fx.BookSlot) -> None:
        rid, booking, key = effect.request_id, effect.booking, effect.idempotency_key

        def book() -> ev.Event:
            appointment = self._backend().client.book_appointment(booking, idempotency_key=key)
            return ev.AppointmentBooked(rid, appointment)

        self._call(rid, book)

    def _print(self, effect: fx.PrintAppointmentSlip) -> None:
        rid = effect.request_id
        matter = self._catalogue.snapshot.catalogue.matter(effect.matter_code)
        content = SlipContent(
            matter_name=effect.matter_name,
            appointment_no=effect.appointment.appointment_no,
            start=effect.appointment.start,
            end=effect.end,
            place=matter.place if matter is not None else "",
            person_name=effect.person_name,
            phone=effect.phone,
            materials=tuple(m.name for m in matter.materials) if matter is not None else (),
        )
        document = appointment_slip(appointment_slip_wording(), self._place.hall, content)
        printer = self._devices.device_as(DeviceClass.RECEIPT_PRINTER, ReceiptPrinter)
        if printer is None:
            self._dispatch(ev.SlipPrintFailed(rid, "no receipt printer"))
            return

        def print_slip() -> ev.Event:
            result = printer.print_document(document)
            return ev.SlipPrinted(rid) if result.ok else ev.SlipPrintFailed(rid, result.reason)

        def failed(error: BaseException) -> None:
            log.warning("slip not printed: %s: %s", type(error).__name__, error)
            self._dispatch(ev.SlipPrintFailed(rid, type(error).__name__))

        self._workers.submit(print_slip, self._dispatch, failed)
