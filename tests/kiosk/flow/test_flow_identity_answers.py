"""Issue 10: verification answers tied to the card, the face buffer's lifetime, refused and
unreachable platform calls, and what the view tells the identity screens."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.base import DeviceClass
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.identity.person import IdentityMethod
from tests.kiosk.flow.helpers import OFFLINE, FakeCard, FakeClock, all_online
from tests.kiosk.flow.test_flow_paths import open_guide, to_face_capture

TODAY = date(2026, 11, 23)
CARD = FakeCard()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> FlowMachine:
    return FlowMachine(clock=clock, today=lambda: TODAY, devices=all_online())


def capture(m: FlowMachine) -> tuple[bytearray, fx.VerifyIdentity]:
    to_face_capture(m)
    jpeg = bytearray(b"\xff\xd8live-face")
    verify = m.dispatch(ev.FaceCaptured(jpeg))[-1]
    assert isinstance(verify, fx.VerifyIdentity)
    return jpeg, verify


def answer(m: FlowMachine, name: str, id_number: str) -> None:
    m.dispatch(ev.VerifyResult(m.pending_request or 0, "ver-x", "2026-11-23T12:00:00Z",
                               name, id_number))


def test_a_verification_for_another_person_is_refused_and_nothing_of_it_is_kept(
    machine: FlowMachine,
) -> None:
    capture(machine)
    answer(machine, "李娜", "110101199003070028")
    assert machine.state is State.REFER_TO_WINDOW
    assert machine.view.reason is Reason.VERIFIED_SOMEONE_ELSE
    assert machine.session.verification is None
    assert machine.session.card is None
    assert machine.view.display_name == ""
    assert machine.session.known_names() == ()


@pytest.mark.parametrize(
    ("name", "id_number"),
    [("张伟", "330106198503120010"), ("张三", CARD.id_number)],
    ids=["other_id_number", "other_name"],
)
def test_either_field_differing_is_another_person(
    machine: FlowMachine, name: str, id_number: str
) -> None:
    capture(machine)
    answer(machine, name, id_number)
    assert machine.state is State.REFER_TO_WINDOW


def test_the_same_person_spelled_differently_is_accepted(machine: FlowMachine) -> None:
    capture(machine)
    answer(machine, " 张伟\u3000", CARD.id_number.lower().replace("1", "１"))
    assert machine.state is State.VERIFIED
    assert machine.view.identity_method is IdentityMethod.ID_CARD_AND_FACE


def test_a_qr_login_has_no_card_to_hold_the_answer_against(machine: FlowMachine) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("zjzwfw://login?token=resident"))
    answer(machine, "李娜", "110101199003070028")
    assert machine.state is State.VERIFIED
    assert machine.view.identity_method is IdentityMethod.QR_LOGIN


def test_the_capture_buffer_itself_is_zeroed_once_verification_is_over(
    machine: FlowMachine,
) -> None:
    jpeg, verify = capture(machine)
    assert verify.jpeg is jpeg, "the request is built from the captured buffer, not a copy"
    assert machine.session.face_image is jpeg
    answer(machine, CARD.name, CARD.id_number)
    assert machine.state is State.VERIFIED
    assert not any(jpeg) and machine.session.face_image is None


@pytest.mark.parametrize("leave", [ev.GoHome(), ev.ServiceSuspended(), ev.CardTakenAway()])
def test_the_capture_buffer_is_zeroed_when_the_session_is_left_or_wiped(
    machine: FlowMachine, leave: ev.Event
) -> None:
    jpeg, _ = capture(machine)
    machine.dispatch(leave)
    assert not any(jpeg) and machine.session.face_image is None


def test_a_refused_qr_code_says_it_is_not_a_login_code(machine: FlowMachine) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("https://example.org/not-a-login"))
    machine.dispatch(ev.PlatformRefused(machine.pending_request or 0, "validation_failed"))
    assert machine.state is State.QR_LOGIN
    assert machine.view.reason is Reason.NOT_A_LOGIN_CODE


def test_an_unreachable_platform_during_qr_login_still_says_so(machine: FlowMachine) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("zjzwfw://login?token=resident"))
    machine.dispatch(ev.PlatformUnavailable(machine.pending_request or 0))
    assert machine.view.reason is Reason.PLATFORM_UNAVAILABLE


def test_a_face_verification_the_platform_refuses_refers_to_the_window(
    machine: FlowMachine,
) -> None:
    jpeg, _ = capture(machine)
    machine.dispatch(ev.PlatformRefused(machine.pending_request or 0, "validation_failed"))
    assert machine.state is State.REFER_TO_WINDOW
    assert machine.view.reason is Reason.CARD_REJECTED
    assert not any(jpeg)


def test_attempts_left_count_down_with_each_failed_comparison(machine: FlowMachine) -> None:
    capture(machine)
    assert machine.view.face_attempts_left == 3
    machine.dispatch(ev.VerifyFailed(machine.pending_request or 0, "face_mismatch"))
    assert machine.view.face_attempts_left == 2
    machine.dispatch(ev.RetryFace())
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.VerifyFailed(machine.pending_request or 0, "no_face"))
    assert machine.view.face_attempts_left == 1


def test_the_view_knows_when_the_reader_stops_working_and_the_window_is_offered(
    machine: FlowMachine,
) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    assert machine.view.card_reader_usable
    machine.dispatch(ev.DevicesChanged({DeviceClass.ID_CARD_READER: OFFLINE}))
    assert machine.state is State.IDENTITY_CARD
    assert not machine.view.card_reader_usable
    machine.dispatch(ev.ChooseWindow())
    assert machine.state is State.REFER_TO_WINDOW


def test_the_card_grace_counts_down_in_the_view(machine: FlowMachine, clock: FakeClock) -> None:
    capture(machine)
    answer(machine, CARD.name, CARD.id_number)
    assert machine.view.card_grace_remaining_s is None
    machine.dispatch(ev.CardTakenAway())
    assert machine.view.card_grace_remaining_s == 10
    clock.advance(3.5)
    machine.tick()
    assert machine.view.card_grace_remaining_s == 7
    machine.dispatch(ev.CardPresented())
    assert machine.view.card_grace_remaining_s is None


def test_a_face_that_arrives_after_the_flow_left_face_capture_is_zeroed(
    machine: FlowMachine,
) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.GoHome())
    late = bytearray(b"\xff\xd8late-face")
    machine.dispatch(ev.FaceCaptured(late))
    assert machine.state is not State.FACE_VERIFYING
    assert not any(late) and machine.session.face_image is None
