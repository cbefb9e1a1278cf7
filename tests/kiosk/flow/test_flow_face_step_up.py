"""Stepping up to face verification from a card-level application: the platform refuses the
submission with 403 ``insufficient_identity``; the filled application (answers, chosen
materials, captured pages, commitments) is held through face verification and comes back on
its review (确认提交) as the citizen left it, to be submitted under a new idempotency key.
Giving up the face step, or the session ending, forgets it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.apply.draft import ApplicationDraft
from kiosk.catalogue.model import Matter
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.states import Reason, State
from kiosk.flow.timeouts import VERIFIED_CARD_GRACE_S
from kiosk.identity.person import IdentityMethod
from kiosk.materials.resolution import ScanUse
from kiosk.platform.models import Application
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.flow.helpers import matter as brief
from tests.kiosk.matters import COMMITMENT, field, material, matter

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=30)).isoformat()
CODE = "330100000000000004"
PHONE, NOTE = "13800138000", "租住本人名下房屋"
PAGE = b"\xff\xd8lease-page"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> FlowMachine:
    return FlowMachine(clock=clock, today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def _card_level_matter() -> Matter:
    fields = [field("phone", "phone"), field("note")]
    materials = [
        material("promise", ["commitment", "scan"], commitment_text=COMMITMENT),
        material("lease", ["scan"]),
        material("later", ["scan"], deferrable=True),
    ]
    return matter(CODE, fields, materials, identity="id_card")


def card_verified(m: FlowMachine) -> None:
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter(code=CODE))
    m.dispatch(ev.GuideLoaded(m.pending_request or 0,
                              brief(code=CODE, identity=IdentityRequirement.ID_CARD)))
    m.dispatch(ev.StartMatter())
    m.dispatch(ev.CardRead(FakeCard()))
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "ver-card", EXPIRES, "张伟",
                               FakeCard().id_number))
    assert m.state is State.VERIFIED


def _fill_and_submit(m: FlowMachine) -> fx.SubmitApplication:
    """Answer the form, commit, capture a page, defer; confirm on review."""
    load = m.dispatch(ev.ContinueApply())[-1]
    assert isinstance(load, fx.LoadApplication)
    m.dispatch(ev.ApplicationLoaded(load.request_id, (_card_level_matter(),), (), "key-1"))
    m.dispatch(ev.FieldEdited("phone", PHONE))
    m.dispatch(ev.FieldEdited("note", NOTE))
    m.dispatch(ev.NextStep())
    while m.state is State.APPLY_MATERIAL:
        draft = m.session.application
        assert draft is not None and draft.current_material is not None
        spec = draft.current_material.id
        if spec == "promise":
            m.dispatch(ev.Commit())
        elif spec == "lease":
            m.dispatch(ev.StartCapture())
            take = m.dispatch(ev.ShootPage())[-1]
            assert isinstance(take, fx.TakePage)
            m.dispatch(ev.PageCaptured(take.request_id, bytearray(PAGE), ()))
            m.dispatch(ev.NextStep())
            assert m.state is State.APPLY_MATERIAL
        else:
            m.dispatch(ev.DeferMaterial())
        m.dispatch(ev.NextStep())
    assert m.state is State.APPLY_REVIEW
    submit = m.dispatch(ev.ConfirmApplication())[-1]
    assert isinstance(submit, fx.SubmitApplication)
    return submit


def refused_for_the_face(m: FlowMachine) -> tuple[fx.SubmitApplication, ApplicationDraft]:
    card_verified(m)
    submit = _fill_and_submit(m)
    draft = m.session.application
    assert draft is not None
    m.dispatch(ev.ApplicationRefused(submit.request_id, "insufficient_identity"))
    assert m.state is State.VERIFIED
    assert m.view.reason is Reason.INSUFFICIENT_IDENTITY
    return submit, draft


def _face(m: FlowMachine, verification_id: str = "ver-face") -> None:
    m.dispatch(ev.ContinueApply())
    assert m.state is State.FACE_CONSENT
    m.dispatch(ev.ConsentGiven())
    m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8face")))
    m.dispatch(ev.VerifyResult(m.pending_request or 0, verification_id, EXPIRES, "张伟",
                               FakeCard().id_number))


def _forgotten(m: FlowMachine, draft: ApplicationDraft) -> None:
    assert m.session.application is None and m.session.held_application is None
    assert draft.form.answer("phone") == "" and draft.form.answer("note") == ""
    assert draft.plan.resolution("lease") is None
    assert draft.plan.resolution("promise") is None


def test_the_filled_application_survives_the_face_step_up_and_is_submitted_from_review(
    machine: FlowMachine,
) -> None:
    first, draft = refused_for_the_face(machine)
    assert machine.session.application is None, "off screen while the face is verified"
    assert machine.session.held_application is draft
    _face(machine)
    assert machine.state is State.APPLY_REVIEW
    assert machine.session.application is draft, "the same application, as it was left"
    v = machine.session.verification
    assert v is not None and v.method is IdentityMethod.ID_CARD_AND_FACE
    assert draft.form.answer("phone") == PHONE and draft.form.answer("note") == NOTE
    scan = draft.plan.resolution("lease")
    assert isinstance(scan, ScanUse) and [p.jpeg for p in scan.pages] == [PAGE]
    assert machine.view.application is not None
    again = machine.dispatch(ev.ConfirmApplication())
    (second,) = [e for e in again if isinstance(e, fx.SubmitApplication)]
    assert second.request.verification_id == "ver-face"
    assert dict(second.request.form) == dict(first.request.form)
    assert second.request.materials == first.request.materials
    assert [u.sha256 for u in second.uploads] == [u.sha256 for u in first.uploads]
    assert second.idempotency_key != first.idempotency_key, "the refusal is kept under key-1"
    application = Application("ZJ2026112300009", "AB12CD", CODE, "居住证签注", "accepted",
                              NOW, ())
    machine.dispatch(ev.ApplicationAccepted(second.request_id, (application,), "L-1"))
    assert machine.state is State.APPLY_PRINTING
    assert machine.session.held_application is None


def test_the_card_may_leave_the_reader_once_back_on_review(machine: FlowMachine) -> None:
    refused_for_the_face(machine)
    machine.dispatch(ev.CardTakenAway())
    assert machine.view.card_grace_remaining_s is not None
    _face(machine)
    assert machine.state is State.APPLY_REVIEW
    assert machine.view.card_grace_remaining_s is None


def _idle_out(m: FlowMachine, clock: FakeClock) -> None:
    for _ in range(4):
        clock.advance(600)
        m.tick()


def _card_grace(m: FlowMachine, clock: FakeClock) -> None:
    m.dispatch(ev.CardTakenAway())
    clock.advance(VERIFIED_CARD_GRACE_S + 1)
    m.tick()


def _at_consent(action: Callable[[FlowMachine, FakeClock], object]) -> Callable[
        [FlowMachine, FakeClock], None]:
    def run(m: FlowMachine, clock: FakeClock) -> None:
        m.dispatch(ev.ContinueApply())
        assert m.state is State.FACE_CONSENT
        action(m, clock)
    return run


SESSION_ENDS = {
    "home_on_verified": lambda m, _c: m.dispatch(ev.GoHome()),
    "home_on_face_consent": _at_consent(lambda m, _c: m.dispatch(ev.GoHome())),
    "idle_on_verified": _idle_out,
    "idle_on_face_consent": _at_consent(_idle_out),
    "card_removed_on_verified": _card_grace,
}


@pytest.mark.parametrize("end", SESSION_ENDS.values(), ids=SESSION_ENDS.keys())
def test_the_session_ending_during_the_step_up_wipes_the_held_application(
    machine: FlowMachine, clock: FakeClock, end: Callable[[FlowMachine, FakeClock], None],
) -> None:
    _, draft = refused_for_the_face(machine)
    end(machine, clock)
    assert machine.state in (State.HOME, State.ATTRACT)
    _forgotten(machine, draft)
    assert machine.session.is_empty()


def _fail_three_times(m: FlowMachine) -> None:
    m.dispatch(ev.ContinueApply())
    m.dispatch(ev.ConsentGiven())
    for _ in range(3):
        m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8face")))
        m.dispatch(ev.VerifyFailed(m.pending_request or 0, "face_mismatch"))
        if m.state is State.FACE_RETRY:
            m.dispatch(ev.RetryFace())


def _qr_instead(m: FlowMachine) -> None:
    m.dispatch(ev.ContinueApply())
    m.dispatch(ev.ConsentGiven())
    m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8face")))
    m.dispatch(ev.VerifyFailed(m.pending_request or 0, "face_mismatch"))
    m.dispatch(ev.StartQrLogin())
    assert m.state is State.QR_LOGIN


GIVING_UP = {
    "consent_declined": (lambda m: (m.dispatch(ev.ContinueApply()),
                                    m.dispatch(ev.ConsentDeclined())), State.IDENTITY_CHOICE),
    "back_from_consent": (lambda m: (m.dispatch(ev.ContinueApply()), m.dispatch(ev.Back())),
                          State.VERIFIED),
    "card_taken_from_capture": (lambda m: (m.dispatch(ev.ContinueApply()),
                                           m.dispatch(ev.ConsentGiven()),
                                           m.dispatch(ev.CardTakenAway())), State.CARD_REMOVED),
    "three_failed_faces": (_fail_three_times, State.REFER_TO_WINDOW),
    "qr_login_instead": (_qr_instead, State.QR_LOGIN),
    "another_matter": (lambda m: m.dispatch(ev.OpenCatalogue()), State.CATALOGUE),
}


@pytest.mark.parametrize(("give_up", "lands"), GIVING_UP.values(), ids=GIVING_UP.keys())
def test_giving_up_or_failing_the_face_step_forgets_the_held_application(
    machine: FlowMachine, give_up: Callable[[FlowMachine], object], lands: State,
) -> None:
    _, draft = refused_for_the_face(machine)
    give_up(machine)
    assert machine.state is lands
    _forgotten(machine, draft)

