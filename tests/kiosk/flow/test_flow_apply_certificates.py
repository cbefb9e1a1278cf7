"""The apply phase with an instant matter whose result is a certificate: A4 after the receipt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from drivers.a4_printer.types import A4Timings
from kiosk.apply.certificates import CertificatePrint
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import State
from kiosk.flow.timeouts import A4_PRINT_LIMIT_S, RECEIPT_PRINT_LIMIT_S
from kiosk.platform.models import Application, ResultDocument
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.flow.helpers import matter as brief
from tests.kiosk.matters import field, matter

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=30)).isoformat()
CODE = "330100000000000009"
VERIFY = "https://zwfw.example/verify?no=ZJ1&code=AB12CD"
DOCUMENT = ResultDocument("生育登记", ("申请人：张伟",), VERIFY)


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def _printing(m: FlowMachine, delivery: list[str]) -> fx.PrintReceipt:
    """Verified, one-field instant matter submitted and accepted with its result document."""
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter(code=CODE))
    m.dispatch(ev.GuideLoaded(m.pending_request or 0, brief(code=CODE)))
    m.dispatch(ev.StartMatter())
    m.dispatch(ev.CardRead(FakeCard()))
    m.dispatch(ev.ConsentGiven())
    m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "ver-1", EXPIRES, "张伟",
                               FakeCard().id_number))
    load = m.dispatch(ev.ContinueApply())[-1]
    assert isinstance(load, fx.LoadApplication)
    instant = matter(CODE, [field("applicant_name", prefill="id.name")], type="instant",
                     promised_days=0, result_delivery=delivery)
    m.dispatch(ev.ApplicationLoaded(load.request_id, (instant,), (), "key-1"))
    m.dispatch(ev.NextStep())
    assert m.state is State.APPLY_REVIEW
    submit = m.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    application = Application("ZJ1", "AB12CD", CODE, "生育登记", "completed", NOW, (),
                              result_document=DOCUMENT)
    receipt = m.dispatch(ev.ApplicationAccepted(submit.request_id, (application,), "L-1"))[-1]
    assert isinstance(receipt, fx.PrintReceipt)
    return receipt


def test_an_instant_result_printed_at_the_terminal_is_a_certificate_for_a4(
    machine: FlowMachine,
) -> None:
    receipt = _printing(machine, ["print_at_terminal", "electronic"])
    assert receipt.certificates == ("ZJ1",)

    printed = CertificatePrint("ZJ1", "生育登记", VERIFY, printed=True)
    machine.dispatch(ev.ReceiptPrinted(receipt.request_id, (printed,)))
    assert machine.state is State.APPLY_DONE
    draft = machine.session.application
    assert draft is not None and draft.certificates == (printed,)


def test_an_a4_failure_is_kept_for_the_done_screen_never_as_printed(
    machine: FlowMachine,
) -> None:
    receipt = _printing(machine, ["print_at_terminal"])
    failed = CertificatePrint("ZJ1", "生育登记", VERIFY, printed=False)
    machine.dispatch(ev.ReceiptPrinted(receipt.request_id, (failed,)))
    assert machine.state is State.APPLY_DONE
    draft = machine.session.application
    assert draft is not None and [c.printed for c in draft.certificates] == [False]


def test_a_result_not_printed_at_the_terminal_stays_on_the_receipt_printer(
    machine: FlowMachine,
) -> None:
    receipt = _printing(machine, ["electronic", "window_pickup"])
    assert receipt.certificates == ()


def test_printing_waits_for_the_a4_job_past_its_own_limit_before_giving_up() -> None:
    clock = FakeClock()
    machine = FlowMachine(clock=clock, today=lambda: TODAY, wall=lambda: NOW,
                          devices=all_online())
    _printing(machine, ["print_at_terminal"])
    clock.advance(A4Timings().job_timeout_s + RECEIPT_PRINT_LIMIT_S)
    machine.tick()
    assert machine.state is State.APPLY_PRINTING, "a slow A4 job is not a failed receipt"
    clock.advance(A4_PRINT_LIMIT_S)
    machine.tick()
    assert machine.state is State.APPLY_PRINT_FAILED
