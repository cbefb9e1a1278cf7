"""Capturing a paper material in the apply flow: 拍摄材料 from a material that accepts a scan,
pages taken, retaken and kept, 完成 makes them the material's scan; leaving zeroes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from drivers.base import DeviceClass, DeviceState, DeviceStatus
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import Reason, State
from kiosk.materials.resolution import ScanUse
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.flow.helpers import matter as brief
from tests.kiosk.matters import field, material, matter

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=30)).isoformat()
CODE = "330100000000000003"


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                       devices=all_online())


def _to_material(m: FlowMachine) -> None:
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
    paper = matter(CODE, [field("phone", "phone")], [material("lease", ["scan"])])
    m.dispatch(ev.ApplicationLoaded(load.request_id, (paper,), (), "key-1"))
    m.dispatch(ev.FieldEdited("phone", "13800138000"))
    m.dispatch(ev.NextStep())
    assert m.state is State.APPLY_MATERIAL


def _shoot(m: FlowMachine, data: bytes, issues: tuple[str, ...] = ()) -> bytearray:
    take = m.dispatch(ev.ShootPage())[-1]
    assert isinstance(take, fx.TakePage)
    buffer = bytearray(data)
    m.dispatch(ev.PageCaptured(take.request_id, buffer, issues))
    return buffer


def test_capture_runs_the_document_camera_only_on_the_capture_screen(
    machine: FlowMachine,
) -> None:
    _to_material(machine)
    effects = machine.dispatch(ev.StartCapture())
    assert machine.state is State.APPLY_CAPTURE
    assert any(isinstance(e, fx.StartDocumentCapture) for e in effects)
    effects = machine.dispatch(ev.Back())
    assert machine.state is State.APPLY_MATERIAL
    assert any(isinstance(e, fx.StopDocumentCapture) for e in effects)


def test_pages_taken_and_retaken_become_the_material_scan(machine: FlowMachine) -> None:
    _to_material(machine)
    machine.dispatch(ev.StartCapture())
    _shoot(machine, b"\xff\xd8one")
    retaken = _shoot(machine, b"\xff\xd8blurred", ("blurred",))
    machine.dispatch(ev.RetakePage())
    assert retaken == bytearray(len(retaken)), "a retaken page is zeroed"
    last = _shoot(machine, b"\xff\xd8two")
    machine.dispatch(ev.NextStep())
    assert machine.state is State.APPLY_MATERIAL
    draft = machine.session.application
    assert draft is not None
    use = draft.plan.resolution("lease")
    assert isinstance(use, ScanUse)
    assert [p.jpeg for p in use.pages] == [b"\xff\xd8one", b"\xff\xd8two"]
    assert [f.sha256 for f in draft.uploads()] == [p.sha256 for p in use.pages]
    assert machine.session.capture.pages == ()
    assert last == bytearray(len(last)), "the capture's own buffers are zeroed once taken"


def test_done_without_a_page_stays_and_a_miss_is_shown(machine: FlowMachine) -> None:
    _to_material(machine)
    machine.dispatch(ev.StartCapture())
    machine.dispatch(ev.NextStep())
    assert machine.state is State.APPLY_CAPTURE
    take = machine.dispatch(ev.ShootPage())[-1]
    assert isinstance(take, fx.TakePage)
    machine.dispatch(ev.PageNotFound(take.request_id))
    assert machine.session.capture.missed


def test_leaving_the_capture_zeroes_the_pages_not_taken(machine: FlowMachine) -> None:
    _to_material(machine)
    machine.dispatch(ev.StartCapture())
    page = _shoot(machine, b"\xff\xd8kept-until-back")
    machine.dispatch(ev.Back())
    assert page == bytearray(len(page))
    draft = machine.session.application
    assert draft is not None and draft.plan.resolution("lease") is None


def test_the_session_ending_zeroes_the_pages(machine: FlowMachine) -> None:
    _to_material(machine)
    machine.dispatch(ev.StartCapture())
    page = _shoot(machine, b"\xff\xd8session")
    machine.dispatch(ev.GoHome())
    assert page == bytearray(len(page))
    assert machine.session.is_empty()


def test_a_failing_camera_returns_to_the_material_and_says_so(machine: FlowMachine) -> None:
    _to_material(machine)
    machine.dispatch(ev.StartCapture())
    machine.dispatch(ev.DocumentCameraFailed())
    assert machine.state is State.APPLY_MATERIAL
    assert machine.view.reason is Reason.CAMERA_FAILED


def test_no_capture_without_a_usable_camera(machine: FlowMachine) -> None:
    _to_material(machine)
    down = DeviceStatus(DeviceState.OFFLINE, detail="unplugged")
    machine.dispatch(ev.DevicesChanged({DeviceClass.CAMERA: down,
                                        DeviceClass.DOCUMENT_CAMERA: down}))
    machine.dispatch(ev.StartCapture())
    assert machine.state is State.APPLY_MATERIAL
