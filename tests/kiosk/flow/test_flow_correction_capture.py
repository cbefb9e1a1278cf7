"""Capturing a paper material in a correction (补齐补正): a deferred material that can only be
scanned is captured with the document camera as when applying, and its pages are uploaded with
the correction; leaving the capture returns to the correction's material and zeroes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement
from kiosk.flow.states import Reason, State
from kiosk.materials.resolution import ScanUse
from kiosk.platform.models import Application, HistoryEntry
from kiosk.progress.summary import progress_of
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from tests.kiosk.matters import material, matter

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
EXPIRES = (NOW + timedelta(minutes=10)).isoformat()
NUMBER = "ZW2026112700000001AB12"


@pytest.fixture
def machine() -> FlowMachine:
    """At the correction's material screen: a deferred health certificate only a scan gives."""
    m = FlowMachine(clock=FakeClock(), today=lambda: TODAY, wall=lambda: NOW,
                    devices=all_online())
    m.dispatch(ev.OpenProgress())
    at = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    application = Application(NUMBER, "K7P2Q9", "M1", "驾驶证换证", "correction_required", at,
                              (HistoryEntry(at, "received"),), deferred_materials=("health",))
    progress = progress_of(application, IdentityRequirement.ID_CARD, {"health": "身体条件证明"})
    [query] = [e for e in m.dispatch(ev.QrScanned("code")) if isinstance(e, fx.QueryProgress)]
    m.dispatch(ev.ProgressLoaded(query.request_id, progress))
    m.dispatch(ev.StartCorrection())
    [verify] = [e for e in m.dispatch(ev.CardRead(FakeCard())) if isinstance(e, fx.VerifyCard)]
    [load] = [e for e in m.dispatch(
        ev.VerifyResult(verify.request_id, "ver-1", EXPIRES, "张伟", FakeCard().id_number))
        if isinstance(e, fx.LoadApplication)]
    spec = matter("M1", [], [material("health", ["scan"], deferrable=True)])
    m.dispatch(ev.ApplicationLoaded(load.request_id, (spec,), (), "key-5"))
    assert m.state is State.CORRECTION_MATERIAL
    return m


def _shoot(m: FlowMachine, data: bytes) -> bytearray:
    take = m.dispatch(ev.ShootPage())[-1]
    assert isinstance(take, fx.TakePage)
    buffer = bytearray(data)
    m.dispatch(ev.PageCaptured(take.request_id, buffer, ()))
    return buffer


def test_a_material_only_a_scan_gives_is_captured_and_uploaded_with_the_correction(
    machine: FlowMachine,
) -> None:
    machine.dispatch(ev.NextStep())
    assert machine.view.reason is Reason.CORRECTION_MISSING, "nothing supplied yet"
    effects = machine.dispatch(ev.StartCapture())
    assert machine.state is State.CORRECTION_CAPTURE
    assert any(isinstance(e, fx.StartDocumentCapture) for e in effects)
    taken = _shoot(machine, b"\xff\xd8health-page")
    effects = machine.dispatch(ev.NextStep())
    assert machine.state is State.CORRECTION_MATERIAL
    assert any(isinstance(e, fx.StopDocumentCapture) for e in effects)
    assert taken == bytearray(len(taken)), "the capture's own buffer is zeroed once taken"
    draft = machine.session.application
    assert draft is not None and isinstance(draft.plan.resolution("health"), ScanUse)
    [send] = [e for e in machine.dispatch(ev.NextStep()) if isinstance(e, fx.SubmitCorrection)]
    assert machine.state is State.CORRECTION_SUBMITTING
    [upload] = send.uploads
    assert upload.data == b"\xff\xd8health-page"
    [supplied] = send.correction.materials
    assert (supplied.material_id, supplied.kind, supplied.sha256) == (
        "health", "scan", upload.sha256)


def test_back_from_the_capture_returns_to_the_correction_and_zeroes_the_pages(
    machine: FlowMachine,
) -> None:
    machine.dispatch(ev.StartCapture())
    page = _shoot(machine, b"\xff\xd8not-kept")
    effects = machine.dispatch(ev.Back())
    assert machine.state is State.CORRECTION_MATERIAL
    assert any(isinstance(e, fx.StopDocumentCapture) for e in effects)
    assert page == bytearray(len(page))
    draft = machine.session.application
    assert draft is not None and draft.plan.resolution("health") is None
    machine.dispatch(ev.NextStep())
    assert (machine.state, machine.view.reason) == (
        State.CORRECTION_MATERIAL, Reason.CORRECTION_MISSING)


def test_a_failed_camera_returns_to_the_correction_saying_so(machine: FlowMachine) -> None:
    machine.dispatch(ev.StartCapture())
    page = _shoot(machine, b"\xff\xd8lost")
    machine.dispatch(ev.DocumentCameraFailed())
    assert (machine.state, machine.view.reason) == (
        State.CORRECTION_MATERIAL, Reason.CAMERA_FAILED)
    assert page == bytearray(len(page))


def test_the_session_ending_in_the_capture_zeroes_the_pages_and_the_correction(
    machine: FlowMachine,
) -> None:
    machine.dispatch(ev.StartCapture())
    page = _shoot(machine, b"\xff\xd8session")
    machine.dispatch(ev.GoHome())
    assert page == bytearray(len(page))
    assert machine.state is State.HOME and machine.session.is_empty()
