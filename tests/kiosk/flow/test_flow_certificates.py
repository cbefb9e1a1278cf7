"""证明打印 in the flow: list → identity → issuing → preview → printing → printed or failed."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import MatterBrief, SelfService
from kiosk.flow.states import Reason, State
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online, matter
from tests.kiosk.matters import field
from tests.kiosk.matters import matter as catalogue_matter

TODAY = date(2026, 11, 23)
CERTIFICATE = matter(
    self_service=SelfService.QUERY_PRINT,
    delivery=frozenset({"print_at_terminal", "electronic"}),
    code="CERT0001",
)
URL = "https://zwfw.sim.invalid/verify?no=ZW1&code=ABC123"


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, devices=all_online())


def choose(m: FlowMachine, brief: MatterBrief = CERTIFICATE) -> list[fx.Effect]:
    m.dispatch(ev.OpenCertificates())
    assert m.state is State.CERTIFICATE_LIST
    effects = m.dispatch(ev.SelectMatter("CERT0001"))
    assert isinstance(effects[0], fx.LoadGuide)
    return m.dispatch(ev.GuideLoaded(m.pending_request or 0, brief))


def verify(m: FlowMachine) -> None:
    choose(m)
    assert m.state is State.IDENTITY_CARD
    m.dispatch(ev.CardRead(FakeCard()))
    m.dispatch(ev.ConsentGiven())
    m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "ver-1", "t", "张伟", "33010619850312001X"))
    assert m.state is State.VERIFIED


def to_preview(m: FlowMachine) -> None:
    verify(m)
    effects = m.dispatch(ev.QueryCertificate())
    assert m.state is State.CERTIFICATE_ISSUING
    issue = next(e for e in effects if isinstance(e, fx.IssueCertificate))
    assert (issue.matter_code, issue.verification_id) == ("CERT0001", "ver-1")
    assert issue.applicant.id_number == "33010619850312001X"
    m.dispatch(ev.CertificateIssued(issue.request_id, "ZW1", "社保缴费证明", URL, 1))
    assert m.state is State.CERTIFICATE_PREVIEW


def test_certificate_goes_from_the_list_through_identity_to_printed(machine: FlowMachine) -> None:
    to_preview(machine)
    certificate = machine.view.certificate
    assert certificate is not None and certificate.verify_url == URL
    effects = machine.dispatch(ev.PrintCertificate())
    job = next(e for e in effects if isinstance(e, fx.PrintIssuedCertificate))
    assert machine.state is State.CERTIFICATE_PRINTING
    machine.dispatch(ev.CertificatePrinted(job.request_id))
    assert machine.state is State.CERTIFICATE_PRINTED


def test_a_failed_print_shows_the_verify_qr_and_can_be_retried(machine: FlowMachine) -> None:
    to_preview(machine)
    job = machine.dispatch(ev.PrintCertificate())[-1]
    assert isinstance(job, fx.PrintIssuedCertificate)
    machine.dispatch(ev.CertificatePrintFailed(job.request_id, "job 1 aborted (media-empty)"))
    assert machine.state is State.CERTIFICATE_PRINT_FAILED
    assert machine.view.certificate is not None
    machine.dispatch(ev.PrintCertificate())
    assert machine.state is State.CERTIFICATE_PRINTING


def test_no_answer_from_the_printer_in_time_is_a_failure(machine: FlowMachine) -> None:
    to_preview(machine)
    machine.dispatch(ev.PrintCertificate())
    machine.dispatch(ev.StateTimedOut())
    assert machine.state is State.CERTIFICATE_PRINT_FAILED


def test_a_late_print_answer_after_leaving_is_dropped(machine: FlowMachine) -> None:
    to_preview(machine)
    job = machine.dispatch(ev.PrintCertificate())[-1]
    assert isinstance(job, fx.PrintIssuedCertificate)
    effects = machine.dispatch(ev.GoHome())
    assert fx.DropCertificate() in effects
    machine.dispatch(ev.CertificatePrinted(job.request_id))
    assert machine.state is State.HOME
    assert machine.view.certificate is None


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (lambda r: ev.CertificateRefused(r, "form_incomplete"), Reason.CERTIFICATE_REFUSED),
        (ev.PlatformUnavailable, Reason.PLATFORM_UNAVAILABLE),
    ],
)
def test_no_certificate_returns_to_the_list_saying_why(
    machine: FlowMachine, answer: object, reason: Reason
) -> None:
    verify(machine)
    machine.dispatch(ev.QueryCertificate())
    machine.dispatch(answer(machine.pending_request or 0))  # type: ignore[operator]
    assert machine.state is State.CERTIFICATE_LIST
    assert machine.view.reason is reason


def test_a_citizen_already_verified_goes_straight_to_issuing(machine: FlowMachine) -> None:
    to_preview(machine)
    machine.dispatch(ev.Back())
    assert machine.state is State.CERTIFICATE_LIST
    effects = choose(machine)
    assert machine.state is State.CERTIFICATE_ISSUING
    assert any(isinstance(e, fx.IssueCertificate) for e in effects)


def test_a4_printer_out_of_paper_keeps_the_certificate_from_starting(
    machine: FlowMachine,
) -> None:
    machine.dispatch(
        ev.DevicesChanged(
            {DeviceClass.A4_PRINTER: DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT)}
        )
    )
    choose(machine)
    assert machine.state is State.CERTIFICATE_LIST


def test_back_from_the_card_screen_returns_to_the_list(machine: FlowMachine) -> None:
    choose(machine)
    machine.dispatch(ev.Back())
    assert machine.state is State.CERTIFICATE_LIST


def test_query_print_is_not_offered_for_other_matters_on_verified(machine: FlowMachine) -> None:
    verify(machine)
    machine.dispatch(ev.GoHome())
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    machine.dispatch(ev.GuideLoaded(machine.pending_request or 0, matter()))
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.ConsentGiven())
    machine.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    holder = FakeCard().id_number
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", "张伟", holder))
    assert machine.state is State.VERIFIED
    machine.dispatch(ev.QueryCertificate())
    assert machine.state is State.VERIFIED


DATED = catalogue_matter(
    "CERT0001",
    fields=[
        field("name", prefill="id.name"),
        field("purpose", "select", options=[{"value": "visa", "label": "签证"}]),
        field("from", "date"),
        field("to", "date"),
    ],
    self_service="query_print",
)


def to_form(m: FlowMachine) -> fx.IssueCertificate:
    verify(m)
    effects = m.dispatch(ev.QueryCertificate())
    issue = next(e for e in effects if isinstance(e, fx.IssueCertificate))
    assert issue.form is None, "the app answers the form from the identity first"
    m.dispatch(ev.CertificateFormNeeded(issue.request_id, DATED))
    assert m.state is State.CERTIFICATE_FORM
    return issue


def test_a_form_the_identity_cannot_answer_asks_exactly_the_missing_fields(
    machine: FlowMachine,
) -> None:
    to_form(machine)
    draft = machine.session.application
    assert draft is not None
    assert [f.id for f in draft.page_fields.fields] == ["from", "to"]
    machine.dispatch(ev.NextStep())
    assert machine.state is State.CERTIFICATE_FORM, "blank dates are shown as errors"
    assert draft.shown_error("from") is not None
    machine.dispatch(ev.FieldEdited("from", "2025-01-01"))
    machine.dispatch(ev.FieldEdited("to", "2025-12-31"))
    effects = machine.dispatch(ev.NextStep())
    issue = next(e for e in effects if isinstance(e, fx.IssueCertificate))
    assert machine.state is State.CERTIFICATE_ISSUING
    assert issue.form == {
        "name": "张伟", "purpose": "visa", "from": "2025-01-01", "to": "2025-12-31"
    }
    assert machine.session.application is None, "the answers leave with the form"
    machine.dispatch(ev.CertificateIssued(issue.request_id, "ZW1", "出入境记录", URL, 1))
    assert machine.state is State.CERTIFICATE_PREVIEW


def test_back_from_the_certificate_form_returns_to_the_list_and_forgets_it(
    machine: FlowMachine,
) -> None:
    to_form(machine)
    machine.dispatch(ev.FieldEdited("from", "2025-01-01"))
    machine.dispatch(ev.Back())
    assert machine.state is State.CERTIFICATE_LIST
    assert machine.session.application is None
