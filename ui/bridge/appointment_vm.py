"""The appointment view-model (``appointments`` in QML): the appointable matters, the days and
slots, the phone number, and the booked appointment.

It reads the session's :class:`~kiosk.appointments.draft.AppointmentDraft` (through ``draft``)
when the flow's view says it changed, and sends the citizen's taps to the flow as events: the
flow owns the booking, this only shows it. Full slots are listed with 已满 and cannot be
chosen. The phone screen shows the number unmasked (the citizen is typing it); the done
screen masks nothing but the person's data it never shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.appointments.draft import AppointmentDraft
from kiosk.appointments.matters import appointable_matters
from kiosk.appointments.slip import slip_qr_payload
from kiosk.catalogue.model import Matter
from kiosk.catalogue.service import CatalogueService
from kiosk.flow import events as ev
from kiosk.flow.states import State
from kiosk.flow.view import FlowView
from kiosk.platform.models import Slot as PlatformSlot
from kiosk.receipts.documents import CHINA
from ui import text
from ui.bridge.images import QR_PROVIDER

Dispatch = Callable[[ev.Event], object]
DraftSource = Callable[[], AppointmentDraft | None]

_WORD_KEYS = ("matter", "phone", "appointment_no", "time", "place", "bring", "no_matters")
"""The labels QML reads from :attr:`AppointmentViewModel.words`."""


def _hm(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%H:%M")


def slot_time(slot: PlatformSlot) -> str:
    """A slot as the screens show it, in China time: 09:00-09:30."""
    return f"{_hm(slot.start)}-{_hm(slot.end)}"


def day_label(day: date, today: date) -> str:
    """今天, or 11月24日."""
    if day == today:
        return text.appointment_word("today")
    return text.appointment_word("day").format(month=day.month, day=day.day)


class AppointmentViewModel(QObject):
    """What the appointment screens bind to."""

    changed = Signal()

    def __init__(
        self,
        dispatch: Dispatch,
        draft: DraftSource,
        catalogue: CatalogueService,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._draft = draft
        self._catalogue = catalogue
        self._today = today
        self._state: State | None = None
        self._revision: int | None = None
        self._alert = False
        self._offer = False

    # --- fed by the app ---------------------------------------------------------------------

    def set_view(self, view: FlowView) -> None:
        """The flow's new view: refresh when the state or the booking changed."""
        offer = view.state is State.GUIDE and view.matter is not None and view.matter.appointable
        seen = (view.state, view.appointment_revision, view.reason is not None, offer)
        if seen != (self._state, self._revision, self._alert, self._offer):
            self._state, self._revision, self._alert, self._offer = seen
            self.changed.emit()

    def catalogue_changed(self, _snapshot: object) -> None:
        """A new catalogue was published: the list of appointable matters may change."""
        self.changed.emit()

    def wipe(self) -> None:
        """The session was wiped: show nothing of it (the draft is gone already)."""
        self._revision = None
        self.changed.emit()

    def _matter(self) -> Matter | None:
        draft = self._draft()
        return None if draft is None else self._catalogue.snapshot.catalogue.matter(
            draft.matter_code
        )

    # --- the matters ------------------------------------------------------------------------

    @Property(list, notify=changed)
    def matters(self) -> list[dict[str, str]]:
        """The appointable matters of the catalogue on hand (QML's list)."""
        return self.matter_rows()

    def matter_rows(self) -> list[dict[str, str]]:
        """The appointable matters of the catalogue on hand: code, name, department, place."""
        return [
            {"code": m.code, "name": m.name, "department": m.department, "place": m.place}
            for m in appointable_matters(self._catalogue.snapshot.catalogue)
        ]

    @Slot(str)
    def open(self, code: str) -> None:
        """A matter was chosen in the list."""
        self._dispatch(ev.SelectMatter(code))

    @Property(dict, constant=True)
    def words(self) -> dict[str, str]:
        """The screens' labels."""
        return {key: text.appointment_word(key) for key in _WORD_KEYS}

    @Property(bool, notify=changed)
    def guideOffers(self) -> bool:  # noqa: N802
        """The guide on screen is of an appointable matter: it shows 预约窗口办理."""
        return self._offer

    @Property(str, constant=True)
    def offerLabel(self) -> str:  # noqa: N802
        """The guide's 预约 button."""
        return text.label(text.Label.APPOINTMENT)

    @Property(bool, notify=changed)
    def alert(self) -> bool:
        """The screen's body says what went wrong (a slot taken, the platform away)."""
        return self._alert

    # --- day and slot -----------------------------------------------------------------------

    @Property(str, notify=changed)
    def matterName(self) -> str:  # noqa: N802
        """The matter being booked."""
        draft = self._draft()
        return draft.matter_name if draft is not None else ""

    @Property(list, notify=changed)
    def days(self) -> list[dict[str, Any]]:
        """The offered days: iso date, label, weekday, selected."""
        draft = self._draft()
        if draft is None:
            return []
        today = self._today()
        return [
            {
                "iso": d.isoformat(),
                "label": day_label(d, today),
                "weekday": text.short_weekday(d),
                "selected": d == draft.day,
            }
            for d in draft.days
        ]

    @Property(list, notify=changed)
    def slots(self) -> list[dict[str, Any]]:
        """The day's slots, full ones included: id, time, note (余 n 个 / 已满), full, chosen."""
        draft = self._draft()
        if draft is None or not draft.slots:
            return []
        chosen = draft.chosen.slot_id if draft.chosen is not None else ""
        return [
            {
                "id": s.slot_id,
                "time": slot_time(s),
                "note": text.appointment_word("full")
                if s.remaining <= 0
                else text.appointment_word("remaining").format(count=s.remaining),
                "full": s.remaining <= 0,
                "chosen": s.slot_id == chosen,
            }
            for s in draft.slots
        ]

    @Property(str, notify=changed)
    def slotsNote(self) -> str:  # noqa: N802
        """Instead of slots: still listing, none that day, or the listing failed."""
        draft = self._draft()
        if draft is None:
            return ""
        if draft.listing_failed:
            return text.appointment_word("listing_failed")
        if draft.slots is None:
            return text.appointment_word("loading")
        return "" if draft.slots else text.appointment_word("no_slots")

    @Property(str, notify=changed)
    def chosenText(self) -> str:  # noqa: N802
        """The chosen day and slot, or the request to choose one."""
        draft = self._draft()
        if draft is None or draft.chosen is None:
            return text.appointment_word("none_chosen")
        day = draft.chosen.start.astimezone(CHINA).date()
        return text.appointment_word("chosen").format(
            day=day_label(day, self._today()), weekday=text.short_weekday(day),
            time=slot_time(draft.chosen),
        )

    @Slot(str)
    def chooseDay(self, iso: str) -> None:  # noqa: N802
        """A day was tapped (again, to retry a failed listing)."""
        try:
            day = date.fromisoformat(iso)
        except ValueError:
            return
        self._dispatch(ev.ChooseDay(day))

    @Slot(str)
    def chooseSlot(self, slot_id: str) -> None:  # noqa: N802
        """A slot was tapped (the flow ignores a full one)."""
        self._dispatch(ev.ChooseSlot(slot_id))

    # --- phone ------------------------------------------------------------------------------

    @Property(str, notify=changed)
    def phone(self) -> str:
        """The phone number as typed (or prefilled from the platform)."""
        draft = self._draft()
        return draft.phone if draft is not None else ""

    @Property(str, notify=changed)
    def phoneError(self) -> str:  # noqa: N802
        """Why the number is refused (empty when it is not)."""
        draft = self._draft()
        return text.field_error(draft.phone_problem) if draft is not None else ""

    @Slot(str)
    def editPhone(self, value: str) -> None:  # noqa: N802
        """The citizen typed in the phone field."""
        draft = self._draft()
        if draft is not None and draft.phone != value:
            self._dispatch(ev.PhoneEdited(value))

    # --- the booked appointment -------------------------------------------------------------

    @Property(str, notify=changed)
    def appointmentNo(self) -> str:  # noqa: N802
        """The platform's appointment number."""
        draft = self._draft()
        booked = draft.appointment if draft is not None else None
        return booked.appointment_no if booked is not None else ""

    @Property(str, notify=changed)
    def timeText(self) -> str:  # noqa: N802
        """The booked day and slot."""
        draft = self._draft()
        if draft is None or draft.chosen is None:
            return ""
        day = draft.chosen.start.astimezone(CHINA).date()
        return f"{day.isoformat()} {text.short_weekday(day)} {slot_time(draft.chosen)}"

    @Property(str, notify=changed)
    def place(self) -> str:
        """Where to go (the matter's window)."""
        matter = self._matter()
        return matter.place if matter is not None else ""

    @Property(list, notify=changed)
    def materials(self) -> list[str]:
        """What to bring: the guide's materials."""
        matter = self._matter()
        return [m.name for m in matter.materials] if matter is not None else []

    @Property(bool, notify=changed)
    def printed(self) -> bool:
        """The slip printed (the printer confirmed the job)."""
        draft = self._draft()
        return draft is not None and draft.slip_printed is True

    @Property(str, notify=changed)
    def notPrintedText(self) -> str:  # noqa: N802
        """What the done screen says when the slip did not print (empty when it did)."""
        draft = self._draft()
        if draft is None or draft.slip_printed is not False:
            return ""
        return text.appointment_word("not_printed")

    @Property(str, notify=changed)
    def qrSource(self) -> str:  # noqa: N802
        """The booking's QR on screen when the slip did not print (empty otherwise)."""
        draft = self._draft()
        if draft is None or draft.slip_printed is not False or draft.appointment is None:
            return ""
        payload = slip_qr_payload(draft.appointment.appointment_no)
        return f"image://{QR_PROVIDER}/{quote(payload, safe='')}"
