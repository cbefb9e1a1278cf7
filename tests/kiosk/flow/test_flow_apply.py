"""The apply phase: from 继续办理 through form pages, materials, review, submission, receipt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.catalogue.model import Matter
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.platform.models import Application, License
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.flow.helpers import matter as brief
from tests.kiosk.matters import COMMITMENT, field, material, matter

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=30)).isoformat()
CODE = "330100000000000001"

LICENCE = License("hukou_booklet", "居民户口簿", "HK-1", "萧山分局", "long_term",
                  fields={"household_no": "H123"})


def _matter() -> Matter:
    """Two pages of fields (six one-line fields do not fit one page) and three materials."""
    fields = [
        field("applicant_name", max_length=30, prefill="id.name"),
        field("household_no", prefill="license.hukou_booklet.household_no"),
        field("phone", "phone"),
        field("note_a"),
        field("note_b"),
        field("note_c", required=False),
    ]
    materials = [
        material("hukou", ["e_license", "scan"], license_type="hukou_booklet"),
        material("promise", ["commitment", "scan"], commitment_text=COMMITMENT),
        material("later", ["scan"], deferrable=True),
    ]
    return matter(CODE, fields, materials)


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def _verified(m: FlowMachine) -> None:
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter(code=CODE))
    m.dispatch(ev.GuideLoaded(m.pending_request or 0, brief(code=CODE)))
    m.dispatch(ev.StartMatter())
    m.dispatch(ev.CardRead(FakeCard()))
    m.dispatch(ev.ConsentGiven())
    m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "ver-1", EXPIRES, "张伟",
                               FakeCard().id_number))
    assert m.state is State.VERIFIED


def _to_form(m: FlowMachine) -> None:
    _verified(m)
    effects = m.dispatch(ev.ContinueApply())
    load = effects[-1]
    assert isinstance(load, fx.LoadApplication)
    assert (load.code, load.verification_id) == (CODE, "ver-1")
    assert m.state is State.APPLY_LOADING
    m.dispatch(ev.ApplicationLoaded(load.request_id, (_matter(),), (LICENCE,), "key-1"))
    assert m.state is State.APPLY_FORM


def _fill_and_choose(m: FlowMachine) -> None:
    _to_form(m)
    m.dispatch(ev.FieldEdited("phone", "13800138000"))
    m.dispatch(ev.FieldEdited("note_a", "甲"))
    m.dispatch(ev.NextStep())
    m.dispatch(ev.FieldEdited("note_b", "乙"))
    m.dispatch(ev.NextStep())
    assert m.state is State.APPLY_MATERIAL
    m.dispatch(ev.NextStep())  # the e-licence is matched
    m.dispatch(ev.Commit())
    m.dispatch(ev.NextStep())
    m.dispatch(ev.DeferMaterial())
    m.dispatch(ev.NextStep())
    assert m.state is State.APPLY_REVIEW


def test_continue_loads_the_application_and_prefills_from_card_and_licence(
    machine: FlowMachine,
) -> None:
    _to_form(machine)
    draft = machine.session.application
    assert draft is not None
    assert draft.form.answer("applicant_name") == "张伟"
    assert draft.form.prefilled("household_no")
    assert draft.plan.resolution("hukou") is not None, "the e-licence is matched at once"
    status = machine.view.application
    assert status is not None and status.page_count == 2 and status.material_count == 3


def test_next_stays_on_a_page_with_errors_and_shows_them(machine: FlowMachine) -> None:
    _to_form(machine)
    machine.dispatch(ev.NextStep())
    draft = machine.session.application
    assert draft is not None
    assert machine.state is State.APPLY_FORM and draft.page == 0
    assert "phone" in draft.shown_errors
    machine.dispatch(ev.FieldEdited("phone", "12"))
    assert draft.page_errors()["phone"].code.value == "not_mobile"


def test_back_walks_pages_then_leaves_to_verified_and_forgets_the_draft(
    machine: FlowMachine,
) -> None:
    _to_form(machine)
    machine.dispatch(ev.FieldEdited("phone", "13800138000"))
    machine.dispatch(ev.FieldEdited("note_a", "甲"))
    machine.dispatch(ev.NextStep())
    draft = machine.session.application
    assert draft is not None and draft.page == 1
    machine.dispatch(ev.Back())
    assert machine.state is State.APPLY_FORM and draft.page == 0
    machine.dispatch(ev.Back())
    assert machine.state is State.VERIFIED
    assert machine.session.application is None


def test_confirm_submits_once_and_prints_the_acceptance_receipt(machine: FlowMachine) -> None:
    _fill_and_choose(machine)
    draft = machine.session.application
    assert draft is not None and not draft.blocked
    submit = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    assert submit.idempotency_key == "key-1"
    assert submit.request.submitted_at == NOW
    assert submit.request.form["phone"] == "13800138000"
    kinds = {r.material_id: r.kind for r in submit.request.materials}
    assert kinds == {"hukou": "e_license", "promise": "commitment", "later": "deferred"}
    assert machine.state is State.APPLY_SUBMITTING

    application = Application("ZJ2026112300001", "AB12CD", CODE, "居住证签注", "accepted",
                              NOW, ())
    printing = machine.dispatch(ev.ApplicationAccepted(submit.request_id, (application,),
                                                       "L-20261123-0001"))
    receipt = printing[-1]
    assert isinstance(receipt, fx.PrintReceipt)
    assert receipt.applications == (application,)
    assert [d.name for d in receipt.deferred] == ["材料later"]
    assert machine.state is State.APPLY_PRINTING
    machine.dispatch(ev.ReceiptPrinted(receipt.request_id))
    assert machine.state is State.APPLY_DONE
    assert machine.view.application is not None
    assert machine.view.application.application_nos == ("ZJ2026112300001",)


def test_a_blocking_problem_keeps_confirm_on_review(machine: FlowMachine) -> None:
    _fill_and_choose(machine)
    machine.dispatch(ev.Back())
    machine.dispatch(ev.ChooseAgain())  # the deferral is undone: a required material is missing
    machine.dispatch(ev.NextStep())
    assert machine.state is State.APPLY_REVIEW
    assert machine.dispatch(ev.ConfirmApplication()) == []
    assert machine.state is State.APPLY_REVIEW
    assert machine.view.application is not None and machine.view.application.blocked


def test_offline_submission_prints_the_saved_slip_then_says_so(machine: FlowMachine) -> None:
    _fill_and_choose(machine)
    submit = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    receipt = machine.dispatch(ev.ApplicationQueued(submit.request_id, "L-20261123-0002"))[-1]
    assert isinstance(receipt, fx.PrintReceipt)
    assert receipt.applications == () and receipt.local_ref == "L-20261123-0002"
    assert receipt.saved_at == NOW
    machine.dispatch(ev.ReceiptPrinted(receipt.request_id))
    assert machine.state is State.APPLY_OFFLINE_SAVED


def test_a_failed_print_offers_a_reprint_only_once_the_printer_is_back(
    machine: FlowMachine,
) -> None:
    _fill_and_choose(machine)
    submit = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    receipt = machine.dispatch(ev.ApplicationQueued(submit.request_id, "L-1"))[-1]
    assert isinstance(receipt, fx.PrintReceipt)
    no_paper = DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT)
    machine.dispatch(ev.DevicesChanged({DeviceClass.RECEIPT_PRINTER: no_paper}))
    machine.dispatch(ev.ReceiptPrintFailed(receipt.request_id, "paper out"))
    assert machine.state is State.APPLY_PRINT_FAILED
    assert machine.view.application is not None and not machine.view.application.printer_ready
    assert machine.dispatch(ev.Reprint()) == []
    ok = DeviceStatus(DeviceState.ONLINE, MediaStatus.OK)
    machine.dispatch(ev.DevicesChanged({DeviceClass.RECEIPT_PRINTER: ok}))
    again = machine.dispatch(ev.Reprint())
    assert isinstance(again[-1], fx.PrintReceipt)
    assert machine.state is State.APPLY_PRINTING


@pytest.mark.parametrize(
    ("answer", "state", "reason"),
    [
        (lambda rid: ev.ApplicationNotSaved(rid, "storage_full"), State.APPLY_NOT_SAVED,
         Reason.STORAGE_FULL),
        (lambda rid: ev.ApplicationRefused(rid, "validation_failed", ("phone",)),
         State.APPLY_REVIEW, Reason.APPLICATION_REFUSED),
    ],
)
def test_a_submission_not_saved_or_refused_says_why(
    machine: FlowMachine, answer: object, state: State, reason: Reason
) -> None:
    _fill_and_choose(machine)
    submit = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication) and callable(answer)
    machine.dispatch(answer(submit.request_id))
    assert (machine.state, machine.view.reason) == (state, reason)


def test_going_home_wipes_the_draft(machine: FlowMachine) -> None:
    _fill_and_choose(machine)
    draft = machine.session.application
    assert draft is not None
    machine.dispatch(ev.GoHome())
    assert machine.session.is_empty()
    assert draft.form.answer("phone") == "" and draft.plan.resolution("hukou") is None


def test_a_corrected_submission_after_a_refusal_goes_under_a_new_key(
    machine: FlowMachine,
) -> None:
    # The platform keeps its 422 under the refused key; the corrected request under the same
    # key would be 409 idempotency_conflict.
    _fill_and_choose(machine)
    refused = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(refused, fx.SubmitApplication)
    machine.dispatch(ev.ApplicationRefused(refused.request_id, "validation_failed", ("phone",)))
    again = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(again, fx.SubmitApplication)
    assert again.idempotency_key != refused.idempotency_key
