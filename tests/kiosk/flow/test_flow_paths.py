"""Every path of the citizen flow, driven with a fake clock and answered like the app would."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.base import DeviceClass
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement, MatterBrief, SelfService, SubjectKind
from kiosk.flow.states import Reason, State
from kiosk.identity.consent import ConsentPurpose
from kiosk.identity.person import IdentityMethod
from tests.kiosk.flow.helpers import OFFLINE, FakeCard, FakeClock, all_online, matter

TODAY = date(2026, 11, 23)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> FlowMachine:
    return FlowMachine(clock=clock, today=lambda: TODAY, devices=all_online())


def open_guide(m: FlowMachine, brief: MatterBrief | None = None) -> None:
    m.dispatch(ev.OpenCatalogue())
    effects = m.dispatch(ev.SelectMatter(code="330100000000000001"))
    assert effects == [
        fx.LoadGuide(m.pending_request or 0, "330100000000000001", SubjectKind.MATTER)
    ]
    m.dispatch(ev.GuideLoaded(m.pending_request or 0, brief or matter()))
    assert m.state is State.GUIDE


def to_face_capture(m: FlowMachine) -> None:
    open_guide(m)
    m.dispatch(ev.StartMatter())
    m.dispatch(ev.CardPresented())
    m.dispatch(ev.CardRead(FakeCard()))
    assert m.state is State.FACE_CONSENT
    m.dispatch(ev.ConsentGiven())
    assert m.state is State.FACE_CAPTURE


def fail_face(m: FlowMachine, reason: str = "face_mismatch") -> list[fx.Effect]:
    m.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg")))
    assert m.state is State.FACE_VERIFYING
    return m.dispatch(ev.VerifyFailed(m.pending_request or 0, reason))


def test_starts_at_home_with_an_empty_session(machine: FlowMachine) -> None:
    assert machine.state is State.HOME
    assert machine.session.is_empty()


def test_card_and_face_path_reaches_verified_with_the_masked_name(machine: FlowMachine) -> None:
    open_guide(machine)
    assert machine.dispatch(ev.StartMatter()) == [fx.StartCardReading()]
    assert machine.state is State.IDENTITY_CARD
    machine.dispatch(ev.CardPresented())
    assert machine.state is State.IDENTITY_READING
    card = FakeCard()
    assert machine.dispatch(ev.CardRead(card)) == [fx.StopCardReading()]
    assert machine.state is State.FACE_CONSENT
    assert machine.view.consent_purpose is ConsentPurpose.FACE_VERIFICATION
    assert machine.dispatch(ev.ConsentGiven()) == [fx.StartFaceCapture()]
    assert machine.session.consent is not None and machine.session.consent.granted

    effects = machine.dispatch(ev.FaceCaptured(bytearray(b"\xff\xd8jpeg"), liveness_score=0.93))
    assert effects[0] == fx.StopFaceCapture()
    verify = effects[1]
    assert isinstance(verify, fx.VerifyIdentity)
    assert verify.card is card and bytes(verify.jpeg) == b"\xff\xd8jpeg"
    assert verify.liveness_score == 0.93
    assert machine.state is State.FACE_VERIFYING

    machine.dispatch(
        ev.VerifyResult(verify.request_id, "ver-1", "2026-11-23T12:00:00Z", "张伟", card.id_number)
    )
    assert machine.state is State.VERIFIED
    view = machine.view
    assert view.display_name == "张*"
    assert view.identity_method is IdentityMethod.ID_CARD_AND_FACE
    assert view.matter is not None and view.matter.steps
    assert view.continue_enabled, "a full matter with a platform verification can be applied for"
    assert view.continue_disabled_reason is None
    assert bytes(verify.jpeg) == b"", "the face image is zeroed once verification is over"
    assert machine.session.face_image is None


def test_a_reader_reporting_only_the_finished_read_goes_straight_on(machine: FlowMachine) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    assert machine.state is State.FACE_CONSENT


def test_card_only_matter_is_verified_by_the_card_without_face(machine: FlowMachine) -> None:
    open_guide(machine, matter(identity=IdentityRequirement.ID_CARD))
    machine.dispatch(ev.StartMatter())
    card = FakeCard()
    effects = machine.dispatch(ev.CardRead(card))
    assert machine.state is State.CARD_VERIFYING
    verify = next(e for e in effects if isinstance(e, fx.VerifyCard))
    assert verify.card is card, "the card-level verification sends the card read, no face"
    assert not any(isinstance(e, fx.StartFaceCapture) for e in effects)
    machine.dispatch(ev.VerifyResult(verify.request_id, "ver-card", "2026-11-23T12:00:00Z",
                                     "张伟", card.id_number))
    assert machine.state is State.VERIFIED
    assert machine.view.continue_enabled, "the card-level verification scopes an application"
    assert machine.view.continue_disabled_reason is None
    assert machine.view.identity_method is IdentityMethod.ID_CARD
    assert machine.session.verification is not None
    assert machine.session.verification.verification_id == "ver-card"


def test_a_card_level_verification_the_platform_refuses_refers_to_the_window(
    machine: FlowMachine,
) -> None:
    open_guide(machine, matter(identity=IdentityRequirement.ID_CARD))
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.VerifyFailed(machine.pending_request or 0, "card_not_found"))
    assert machine.state is State.REFER_TO_WINDOW
    assert machine.view.reason is Reason.CARD_REJECTED
    assert machine.session.verification is None


def test_a_card_level_verification_without_the_platform_says_so(machine: FlowMachine) -> None:
    open_guide(machine, matter(identity=IdentityRequirement.ID_CARD))
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.PlatformUnavailable(machine.pending_request or 0))
    assert machine.state is State.VERIFICATION_UNAVAILABLE


def test_a_card_level_answer_naming_someone_else_is_refused(machine: FlowMachine) -> None:
    open_guide(machine, matter(identity=IdentityRequirement.ID_CARD))
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", "李四",
                                     "330106198503120028"))
    assert machine.state is State.REFER_TO_WINDOW
    assert machine.session.verification is None


def test_matter_without_identity_goes_to_next_steps_directly(machine: FlowMachine) -> None:
    open_guide(machine, matter(identity=IdentityRequirement.NONE))
    assert machine.dispatch(ev.StartMatter()) == []
    assert machine.state is State.VERIFIED
    assert machine.view.display_name == ""


def test_guide_only_matter_cannot_start(machine: FlowMachine) -> None:
    open_guide(machine, matter(self_service=SelfService.GUIDE_ONLY))
    machine.dispatch(ev.StartMatter())
    assert machine.state is State.GUIDE
    assert machine.view.availability is not None
    assert not machine.view.availability.available


def test_start_is_ignored_until_the_guide_has_loaded(machine: FlowMachine) -> None:
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    machine.dispatch(ev.StartMatter())
    assert machine.state is State.GUIDE


def test_guide_that_cannot_load_returns_to_the_catalogue(machine: FlowMachine) -> None:
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    machine.dispatch(ev.PlatformUnavailable(machine.pending_request or 0))
    assert machine.state is State.CATALOGUE
    assert machine.view.reason is Reason.GUIDE_UNAVAILABLE


def test_three_face_mismatches_refer_to_the_window(machine: FlowMachine) -> None:
    to_face_capture(machine)
    fail_face(machine)
    assert machine.state is State.FACE_RETRY
    assert machine.view.face_attempts == 1
    assert machine.view.reason is Reason.FACE_MISMATCH
    machine.dispatch(ev.RetryFace())
    fail_face(machine, "no_face")
    assert machine.state is State.FACE_RETRY
    assert machine.view.face_attempts == 2
    assert machine.view.reason is Reason.NO_FACE
    machine.dispatch(ev.RetryFace())
    fail_face(machine)
    assert machine.state is State.REFER_TO_WINDOW
    assert machine.view.reason is Reason.TOO_MANY_FAILURES
    assert machine.session.card is None and machine.session.face_image is None


def test_card_rejected_by_the_platform_refers_to_the_window_at_once(machine: FlowMachine) -> None:
    to_face_capture(machine)
    fail_face(machine, "card_reported_lost")
    assert machine.state is State.REFER_TO_WINDOW
    assert machine.view.reason is Reason.CARD_REJECTED


def test_platform_unreachable_during_verify_has_its_own_screen_offering_the_window(
    machine: FlowMachine,
) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.PlatformUnavailable(machine.pending_request or 0))
    assert machine.state is State.VERIFICATION_UNAVAILABLE, "the screen itself says why"
    assert machine.session.face_attempts == 0
    assert machine.session.card is None, "nothing of the attempt is kept"
    machine.dispatch(ev.RetryFace())
    machine.dispatch(ev.StartQrLogin())
    assert machine.state is State.VERIFICATION_UNAVAILABLE, "both need the platform"
    machine.dispatch(ev.ChooseWindow())
    assert machine.state is State.REFER_TO_WINDOW


def test_verify_timeout_counts_as_platform_unavailable(
    machine: FlowMachine, clock: FakeClock
) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    request = machine.pending_request
    clock.advance(20)
    machine.tick()
    assert machine.state is State.VERIFICATION_UNAVAILABLE
    machine.dispatch(ev.VerifyResult(request or 0, "late", "x", "张伟", FakeCard().id_number))
    assert machine.state is State.VERIFICATION_UNAVAILABLE, "a late answer is dropped"


def test_face_capture_timeout_and_camera_failure_offer_a_retry(
    machine: FlowMachine, clock: FakeClock
) -> None:
    to_face_capture(machine)
    clock.advance(30)
    assert machine.tick() == [fx.StopFaceCapture()]
    assert machine.state is State.FACE_RETRY
    assert machine.view.reason is Reason.NO_FACE
    assert machine.dispatch(ev.RetryFace()) == [fx.StartFaceCapture()]
    machine.dispatch(ev.FaceCaptureFailed())
    assert machine.state is State.FACE_RETRY
    assert machine.view.reason is Reason.CAMERA_FAILED
    assert machine.session.face_attempts == 0


def test_declining_consent_offers_qr_login_or_the_window(machine: FlowMachine) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.ConsentDeclined())
    assert machine.state is State.IDENTITY_CHOICE
    assert machine.session.card is None
    assert machine.dispatch(ev.StartQrLogin()) == [fx.StartQrScanning()]
    assert machine.state is State.QR_LOGIN
    machine.dispatch(ev.Back())
    assert machine.state is State.GUIDE


def test_declining_consent_then_the_window(machine: FlowMachine) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    machine.dispatch(ev.ConsentDeclined())
    machine.dispatch(ev.ChooseWindow())
    assert machine.state is State.REFER_TO_WINDOW


def test_qr_login_from_home_then_choose_a_matter(machine: FlowMachine) -> None:
    assert machine.dispatch(ev.StartQrLogin()) == [fx.StartQrScanning()]
    effects = machine.dispatch(ev.QrScanned("qr-payload"))
    assert effects[0] == fx.StopQrScanning()
    login = effects[1]
    assert isinstance(login, fx.QrLogin) and login.payload == "qr-payload"
    assert machine.state is State.QR_LOGIN_VERIFYING
    machine.dispatch(ev.VerifyResult(login.request_id, "ver-2", "t", "欧阳娜娜", "1"))
    assert machine.state is State.VERIFIED
    assert machine.view.display_name == "欧阳**"
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    machine.dispatch(ev.GuideLoaded(machine.pending_request or 0, matter()))
    machine.dispatch(ev.StartMatter())
    assert machine.state is State.VERIFIED, "a QR login satisfies card-and-face matters"


def test_rejected_or_unanswered_qr_login_returns_to_the_scan_screen(
    machine: FlowMachine, clock: FakeClock
) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("bad"))
    machine.dispatch(ev.VerifyFailed(machine.pending_request or 0, "qr_expired"))
    assert machine.state is State.QR_LOGIN
    assert machine.view.reason is Reason.QR_REJECTED
    machine.dispatch(ev.QrScanned("again"))
    clock.advance(20)
    machine.tick()
    assert machine.state is State.QR_LOGIN
    assert machine.view.reason is Reason.PLATFORM_UNAVAILABLE
    machine.dispatch(ev.Back())
    assert machine.state is State.HOME


@pytest.mark.parametrize(
    ("card", "state", "reason"),
    [
        (FakeCard(valid_to=date(2020, 1, 1)), State.CARD_EXPIRED, None),
        (FakeCard(card_type="other"), State.CARD_UNKNOWN, None),
        (FakeCard(id_number_valid=False), State.CARD_UNREADABLE, Reason.ID_NUMBER_INVALID),
    ],
)
def test_unusable_cards_show_their_screen_and_are_not_kept(
    machine: FlowMachine, card: FakeCard, state: State, reason: Reason | None
) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardPresented())
    assert machine.dispatch(ev.CardRead(card)) == [fx.StopCardReading()]
    assert machine.state is state
    assert machine.view.reason is reason
    assert machine.session.card is None


def test_long_term_card_is_not_expired(machine: FlowMachine) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard(valid_to="long_term")))
    assert machine.state is State.FACE_CONSENT


@pytest.mark.parametrize(
    ("failure", "state"),
    [
        (ev.CardFailure.UNKNOWN_TYPE, State.CARD_UNKNOWN),
        (ev.CardFailure.UNREADABLE, State.CARD_UNREADABLE),
        (ev.CardFailure.REMOVED, State.CARD_REMOVED),
    ],
)
def test_reader_failures_show_their_screen(
    machine: FlowMachine, failure: ev.CardFailure, state: State
) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardReadFailed(failure))
    assert machine.state is state
    assert machine.dispatch(ev.RetryCard()) == [fx.StartCardReading()]
    assert machine.state is State.IDENTITY_CARD


def test_card_removed_mid_read(machine: FlowMachine) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardPresented())
    machine.dispatch(ev.CardTakenAway())
    assert machine.state is State.CARD_REMOVED


def test_card_read_timeout(machine: FlowMachine, clock: FakeClock) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardPresented())
    clock.advance(10)
    assert machine.tick() == [fx.StopCardReading()]
    assert machine.state is State.CARD_UNREADABLE
    assert machine.view.reason is Reason.CARD_READ_TIMEOUT


@pytest.mark.parametrize("step", ["consent", "capture", "verifying"])
def test_card_removed_before_verification_forgets_the_card(machine: FlowMachine, step: str) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(FakeCard()))
    if step != "consent":
        machine.dispatch(ev.ConsentGiven())
    if step == "verifying":
        machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.CardTakenAway())
    assert machine.state is State.CARD_REMOVED
    assert machine.session.card is None
    assert machine.session.face_image is None
    assert machine.session.matter is not None, "the citizen may put the card back"
    assert machine.pending_request is None


def verified_by_card(m: FlowMachine) -> None:
    to_face_capture(m)
    m.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "v", "t", "张伟", FakeCard().id_number))
    assert m.state is State.VERIFIED


def test_card_taken_away_on_verified_ends_the_session_after_the_grace(
    machine: FlowMachine, clock: FakeClock
) -> None:
    verified_by_card(machine)
    machine.dispatch(ev.CardTakenAway())
    clock.advance(9)
    machine.tick()
    assert machine.state is State.VERIFIED
    clock.advance(1)
    assert machine.tick() == [fx.WipeSession()]
    assert machine.state is State.HOME
    assert machine.session.is_empty()


def test_card_put_back_within_the_grace_keeps_the_session(
    machine: FlowMachine, clock: FakeClock
) -> None:
    verified_by_card(machine)
    machine.dispatch(ev.CardTakenAway())
    clock.advance(5)
    machine.dispatch(ev.CardPresented())
    clock.advance(10)
    machine.tick()
    assert machine.state is State.VERIFIED


def test_card_removal_is_irrelevant_after_a_qr_login(
    machine: FlowMachine, clock: FakeClock
) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("p"))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", "张伟", "1"))
    machine.dispatch(ev.CardTakenAway())
    clock.advance(15)
    machine.tick()
    assert machine.state is State.VERIFIED


def test_go_home_from_the_middle_stops_devices_and_wipes(machine: FlowMachine) -> None:
    to_face_capture(machine)
    assert machine.dispatch(ev.GoHome()) == [fx.StopFaceCapture(), fx.WipeSession()]
    assert machine.state is State.HOME
    assert machine.session.is_empty()


def test_late_answers_to_an_abandoned_request_are_dropped(machine: FlowMachine) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    old = machine.pending_request or 0
    machine.dispatch(ev.GoHome())
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("p"))
    machine.dispatch(ev.VerifyResult(old, "v", "t", "王五", "1"))
    assert machine.state is State.QR_LOGIN_VERIFYING
    assert machine.session.verification is None


def test_observers_see_views_and_effects_and_may_dispatch(machine: FlowMachine) -> None:
    states: list[State] = []
    effects: list[fx.Effect] = []
    machine.on_view(lambda v: states.append(v.state))

    def answer(effect: fx.Effect) -> None:
        effects.append(effect)
        if isinstance(effect, fx.LoadGuide):
            machine.dispatch(ev.GuideLoaded(effect.request_id, matter()))

    machine.on_effect(answer)
    machine.dispatch(ev.OpenCatalogue())
    machine.dispatch(ev.SelectMatter("330100000000000001"))
    assert states == [State.CATALOGUE, State.GUIDE, State.GUIDE]
    assert machine.session.matter is not None
    assert [type(e) for e in effects] == [fx.LoadGuide]


def test_a_failing_observer_does_not_stop_the_flow(machine: FlowMachine) -> None:
    def broken(_view: object) -> None:
        raise RuntimeError("boom")

    machine.on_view(broken)
    machine.dispatch(ev.OpenCatalogue())
    assert machine.state is State.CATALOGUE


def test_starting_with_only_the_qr_scanner_goes_to_qr_login(clock: FakeClock) -> None:
    devices = all_online()
    devices[DeviceClass.CAMERA] = OFFLINE
    m = FlowMachine(clock=clock, today=lambda: TODAY, devices=devices)
    open_guide(m)
    m.dispatch(ev.StartMatter())
    assert m.state is State.QR_LOGIN
