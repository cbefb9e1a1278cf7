"""补打回执 in the flow: home → card → card-level verification → the last 30 days listed →
one chosen → printed (or its QR on screen, 重新打印 once the printer is back)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.identity.person import IdentityMethod
from kiosk.platform.models import Application
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=10)).isoformat()


def _application(no: str, days_ago: int) -> Application:
    return Application(no, "Q1W2E3", "M1", "居住证签注", "accepted",
                       NOW - timedelta(days=days_ago), ())


LISTED = (_application("RECENT0001", 1), _application("ANCIENT001", 60))


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def _listed(m: FlowMachine) -> None:
    effects = m.dispatch(ev.OpenReprint())
    assert m.state is State.REPRINT_CARD
    assert any(isinstance(e, fx.StartCardReading) for e in effects)
    verify = m.dispatch(ev.CardRead(FakeCard()))[-1]
    assert isinstance(verify, fx.VerifyCard), "the card alone: no face"
    assert m.state is State.REPRINT_VERIFYING
    listing = m.dispatch(ev.VerifyResult(verify.request_id, "ver-card", EXPIRES, "张伟",
                                         FakeCard().id_number))[-1]
    assert isinstance(listing, fx.ListReceipts) and listing.verification_id == "ver-card"
    v = m.session.verification
    assert v is not None and v.method is IdentityMethod.ID_CARD
    m.dispatch(ev.ReceiptsListed(listing.request_id, LISTED))
    assert m.state is State.REPRINT_LIST


def test_the_last_thirty_days_are_listed_and_the_chosen_one_prints(
    machine: FlowMachine,
) -> None:
    _listed(machine)
    assert [a.application_no for a in machine.session.reprint.offered] == ["RECENT0001"]
    printing = machine.dispatch(ev.ChooseReceipt("RECENT0001"))[-1]
    assert isinstance(printing, fx.PrintReprint)
    assert [a.application_no for a in printing.applications] == ["RECENT0001"]
    assert printing.applicant.name == "张伟"
    machine.dispatch(ev.ReceiptPrinted(printing.request_id))
    assert machine.state is State.REPRINT_DONE
    machine.dispatch(ev.Back())
    assert machine.state is State.REPRINT_LIST


def test_an_application_not_offered_cannot_be_chosen(machine: FlowMachine) -> None:
    _listed(machine)
    assert machine.dispatch(ev.ChooseReceipt("ANCIENT001")) == []
    assert machine.state is State.REPRINT_LIST


def test_a_failed_print_reprints_once_the_printer_is_back(machine: FlowMachine) -> None:
    _listed(machine)
    printing = machine.dispatch(ev.ChooseReceipt("RECENT0001"))[-1]
    assert isinstance(printing, fx.PrintReprint)
    out = DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT, detail="paper out")
    machine.dispatch(ev.DevicesChanged({DeviceClass.RECEIPT_PRINTER: out}))
    machine.dispatch(ev.ReceiptPrintFailed(printing.request_id, "paper out"))
    assert machine.state is State.REPRINT_PRINT_FAILED
    assert machine.dispatch(ev.Reprint()) == [], "not while the paper is out"
    ok = DeviceStatus(DeviceState.ONLINE, MediaStatus.OK)
    machine.dispatch(ev.DevicesChanged({DeviceClass.RECEIPT_PRINTER: ok}))
    again = machine.dispatch(ev.Reprint())[-1]
    assert isinstance(again, fx.PrintReprint) and machine.state is State.REPRINT_PRINTING


def test_a_refused_card_or_an_absent_platform_says_so(machine: FlowMachine) -> None:
    machine.dispatch(ev.OpenReprint())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.VerifyFailed(machine.pending_request or 0, "card_not_found"))
    assert machine.state is State.REPRINT_FAILED
    assert machine.view.reason is Reason.CARD_REJECTED
    machine.dispatch(ev.RetryCard())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.PlatformUnavailable(machine.pending_request or 0))
    assert machine.view.reason is Reason.PLATFORM_UNAVAILABLE


def test_an_expired_card_is_not_sent(machine: FlowMachine) -> None:
    machine.dispatch(ev.OpenReprint())
    effects = machine.dispatch(ev.CardRead(FakeCard(valid_to=date(2020, 1, 1))))
    assert not any(isinstance(e, fx.VerifyCard) for e in effects)
    assert machine.state is State.REPRINT_FAILED


def test_leaving_forgets_the_list(machine: FlowMachine) -> None:
    _listed(machine)
    machine.dispatch(ev.GoHome())
    assert machine.state is State.HOME and machine.session.is_empty()
