"""Issue 10: what the identity screens say and offer, read from the flow's view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from drivers.base import DeviceClass
from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.search import CatalogueIndex
from kiosk.catalogue.service import CatalogueService, CatalogueSnapshot
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from tests.kiosk.flow.helpers import OFFLINE, FakeCard, FakeClock, all_online
from tests.kiosk.flow.test_flow_paths import open_guide, to_face_capture
from ui.bridge.catalogue_vm import CatalogueViewModel
from ui.bridge.kiosk_vm import KioskViewModel

CARD = FakeCard()
WINDOW = "综合受理区 1–8 号窗口"


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: date(2026, 11, 23), devices=all_online())


@pytest.fixture
def vm(qapp: Any, machine: FlowMachine) -> Iterator[KioskViewModel]:
    model = KioskViewModel(machine.view, machine.dispatch, "大厅", "0571-12345",
                           help_window=WINDOW)
    unsubscribe = machine.on_view(model.set_view)
    yield model
    unsubscribe()


def action_ids(vm: KioskViewModel) -> list[str]:
    return [a["id"] for a in vm.actions]


def fail(machine: FlowMachine, reason: str) -> None:
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.VerifyFailed(machine.pending_request or 0, reason))


def test_face_failures_have_their_own_titles_and_say_how_many_attempts_are_left(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    to_face_capture(machine)
    fail(machine, "face_mismatch")
    assert vm.title == "人脸比对未通过"
    assert "还可以再试 2 次" in vm.body
    machine.dispatch(ev.RetryFace())
    fail(machine, "no_face")
    assert vm.title == "未检测到清晰的人脸"
    assert "还可以再试 1 次" in vm.body
    machine.dispatch(ev.RetryFace())
    fail(machine, "face_mismatch")
    assert vm.title == "多次核验未通过"
    assert WINDOW in vm.body, "the third failure names the hall's window"


def test_an_answer_for_another_person_has_its_own_words_and_shows_no_name(
    machine: FlowMachine, vm: KioskViewModel, qapp: Any
) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", "李娜",
                                     "110101199003070028"))
    assert vm.title == "核验结果与证件不符"
    assert "不是同一人" in vm.body and WINDOW in vm.body
    assert "李" not in vm.body


def test_platform_unreachable_offers_the_window_and_leaving_only(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.PlatformUnavailable(machine.pending_request or 0))
    assert vm.title == "暂时无法联网核验身份"
    assert action_ids(vm) == ["window", "home"]
    assert "人脸核验未通过" not in vm.title


def test_a_refused_qr_code_is_not_called_a_network_problem(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("https://example.org"))
    machine.dispatch(ev.PlatformRefused(machine.pending_request or 0, "validation_failed"))
    assert "不是政务服务App的登录码" in vm.body
    assert "网络" not in vm.body


def test_with_the_scanner_down_qr_login_is_neither_offered_nor_promised(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    machine.dispatch(ev.CardRead(CARD))
    assert any("扫码登录" in line for line in vm.consentLines)
    machine.dispatch(ev.DevicesChanged({DeviceClass.QR_SCANNER: OFFLINE}))
    assert not any("扫码登录" in line for line in vm.consentLines)
    machine.dispatch(ev.ConsentDeclined())
    assert action_ids(vm) == ["window"]
    assert "扫码登录，或" not in vm.body and "扫码登录暂时无法使用" in vm.body
    assert vm.title == "请到人工窗口办理"


def test_the_card_screen_says_when_the_reader_is_not_working_and_offers_the_rest(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    open_guide(machine)
    machine.dispatch(ev.StartMatter())
    assert vm.title == "请将身份证放在感应区"
    machine.dispatch(ev.DevicesChanged({DeviceClass.ID_CARD_READER: OFFLINE}))
    assert vm.title == "身份证阅读器暂时无法使用"
    assert vm.tone == "error"
    assert action_ids(vm) == ["qr_login", "window"]


def test_the_card_reminder_shows_only_after_a_card_was_used(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("zjzwfw://login?token=resident"))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", CARD.name,
                                     CARD.id_number))
    assert "身份证" not in vm.body
    machine.dispatch(ev.GoHome())
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", CARD.name,
                                     CARD.id_number))
    assert "取走身份证" in vm.body


def test_taking_the_card_away_on_verified_warns_with_the_seconds_left(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    to_face_capture(machine)
    machine.dispatch(ev.FaceCaptured(bytearray(b"jpeg")))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", CARD.name,
                                     CARD.id_number))
    assert vm.warning == ""
    machine.dispatch(ev.CardTakenAway())
    assert "请将身份证放回" in vm.warning and "10 秒" in vm.warning
    machine.dispatch(ev.CardPresented())
    assert vm.warning == ""


def _snapshot(online: bool) -> CatalogueSnapshot:
    catalogue = Catalogue("v1", (), ())
    as_of = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    return CatalogueSnapshot(catalogue, CatalogueIndex(catalogue), as_of, online)


def test_the_catalogue_says_how_old_it_is_only_while_off_line(qapp: Any) -> None:
    service = CatalogueService()
    vm = CatalogueViewModel(lambda _: None, service)
    assert vm.asOf == ""
    service.publish(_snapshot(online=False))
    local = datetime(2026, 11, 20, 8, 30, tzinfo=UTC).astimezone()
    assert vm.asOf == f"目录更新于 {local:%Y-%m-%d %H:%M}（离线）"
    service.publish(_snapshot(online=True))
    assert vm.asOf == ""


def test_the_face_screen_words_the_guidance_only_in_its_guidance_box() -> None:
    from kiosk.flow.states import State
    from ui import text

    guidance = {text.face_guidance(code) for code in ("no_face", "hold_still", "ok")}
    screen = (text.screen_title(State.FACE_CAPTURE), text.screen_body(State.FACE_CAPTURE))
    assert not any(g in line or line in g for g in guidance for line in screen)


def test_the_qr_login_illustration_is_a_real_code_that_logs_nobody_in(qapp: Any) -> None:
    from urllib.parse import unquote

    from ui.bridge.identity_vm import IdentityViewModel
    from ui.bridge.images import QR_PROVIDER, CameraFrameProvider

    source = IdentityViewModel(CameraFrameProvider()).sampleCode
    prefix = f"image://{QR_PROVIDER}/"
    assert source.startswith(prefix)
    assert "login" not in unquote(source[len(prefix):])
