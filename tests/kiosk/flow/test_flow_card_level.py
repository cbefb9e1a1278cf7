"""Card-level identity in the apply flow: an ``id_card`` matter is applied for with the card's
verification id alone; a platform that still wants the face (403 ``insufficient_identity``)
is told to the citizen, and 继续办理 then leads through face verification back to the
application's review."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.states import Reason, State
from kiosk.identity.person import IdentityMethod
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.flow.helpers import matter as brief
from tests.kiosk.matters import field, matter

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=30)).isoformat()
CODE = "330100000000000002"


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def _card_verified(m: FlowMachine) -> None:
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter(code=CODE))
    m.dispatch(ev.GuideLoaded(m.pending_request or 0,
                              brief(code=CODE, identity=IdentityRequirement.ID_CARD)))
    m.dispatch(ev.StartMatter())
    effects = m.dispatch(ev.CardRead(FakeCard()))
    assert any(isinstance(e, fx.VerifyCard) for e in effects)
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "ver-card", EXPIRES, "张伟",
                               FakeCard().id_number))
    assert m.state is State.VERIFIED


def _submit(m: FlowMachine) -> fx.SubmitApplication:
    load = m.dispatch(ev.ContinueApply())[-1]
    assert isinstance(load, fx.LoadApplication) and load.verification_id == "ver-card"
    identity_only = matter(CODE, [field("phone", "phone")], identity="id_card")
    m.dispatch(ev.ApplicationLoaded(load.request_id, (identity_only,), (), "key-1"))
    m.dispatch(ev.FieldEdited("phone", "13800138000"))
    m.dispatch(ev.NextStep())
    assert m.state is State.APPLY_REVIEW
    submit = m.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    return submit


def test_an_identity_only_matter_is_submitted_with_the_card_level_verification(
    machine: FlowMachine,
) -> None:
    _card_verified(machine)
    submit = _submit(machine)
    assert submit.request.verification_id == "ver-card"
    assert machine.state is State.APPLY_SUBMITTING


def test_insufficient_identity_says_so_and_continue_leads_through_face_back_to_review(
    machine: FlowMachine,
) -> None:
    _card_verified(machine)
    submit = _submit(machine)
    machine.dispatch(ev.ApplicationRefused(submit.request_id, "insufficient_identity"))
    assert machine.state is State.VERIFIED
    assert machine.view.reason is Reason.INSUFFICIENT_IDENTITY
    assert machine.view.continue_enabled
    machine.dispatch(ev.ContinueApply())
    assert machine.state is State.FACE_CONSENT
    machine.dispatch(ev.ConsentGiven())
    machine.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "ver-face", EXPIRES, "张伟",
                                     FakeCard().id_number))
    assert machine.state is State.APPLY_REVIEW, "the application waits (test_flow_face_step_up)"
    v = machine.session.verification
    assert v is not None and v.method is IdentityMethod.ID_CARD_AND_FACE
    again = machine.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(again, fx.SubmitApplication) and again.request.verification_id == "ver-face"


def test_back_from_the_face_path_returns_to_verified(machine: FlowMachine) -> None:
    _card_verified(machine)
    submit = _submit(machine)
    machine.dispatch(ev.ApplicationRefused(submit.request_id, "insufficient_identity"))
    machine.dispatch(ev.ContinueApply())
    machine.dispatch(ev.Back())
    assert machine.state in (State.VERIFIED, State.GUIDE)


def test_another_refusal_still_goes_back_to_review(machine: FlowMachine) -> None:
    _card_verified(machine)
    submit = _submit(machine)
    machine.dispatch(ev.ApplicationRefused(submit.request_id, "validation_failed", ("phone",)))
    assert machine.state is State.APPLY_REVIEW
    assert machine.view.reason is Reason.APPLICATION_REFUSED
