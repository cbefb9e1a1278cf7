"""Gating inside the flow: out of service when nothing can run, automatic recovery."""

from __future__ import annotations

from drivers.base import DeviceClass, DeviceState, DeviceStatus, MediaStatus
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import IdentityRequirement, SelfService
from kiosk.flow.states import State
from kiosk.gating import GateReason
from tests.kiosk.flow.helpers import OFFLINE, ONLINE, PRINTER_OK, FakeClock, all_online, matter

READERS_DOWN = {DeviceClass.ID_CARD_READER: OFFLINE, DeviceClass.QR_SCANNER: OFFLINE}


def test_starts_out_of_service_without_any_identity_device() -> None:
    assert FlowMachine(clock=FakeClock()).state is State.OUT_OF_SERVICE


def test_devices_failing_mid_session_wipe_and_show_the_notice() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter("330100000000000001"))
    effects = m.dispatch(ev.DevicesChanged(READERS_DOWN))
    assert m.state is State.OUT_OF_SERVICE
    assert effects == [fx.WipeSession()]
    assert m.session.is_empty()


def test_recovers_automatically_when_a_device_comes_back() -> None:
    m = FlowMachine(clock=FakeClock(), devices=READERS_DOWN)
    assert m.state is State.OUT_OF_SERVICE
    m.dispatch(ev.GoHome())
    m.dispatch(ev.OpenCatalogue())
    assert m.state is State.OUT_OF_SERVICE, "citizen intents do nothing while out of service"
    m.dispatch(ev.DevicesChanged({DeviceClass.QR_SCANNER: ONLINE}))
    assert m.state is State.HOME


def test_remote_suspension_and_resumption() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    m.dispatch(ev.ServiceSuspended())
    assert m.state is State.OUT_OF_SERVICE
    m.dispatch(ev.DevicesChanged(all_online()))
    assert m.state is State.OUT_OF_SERVICE, "devices alone do not lift a suspension"
    m.dispatch(ev.ServiceResumed())
    assert m.state is State.HOME


def test_guide_shows_why_a_print_only_matter_cannot_start_and_recovers() -> None:
    m = FlowMachine(clock=FakeClock(), devices=all_online())
    m.dispatch(ev.OpenCatalogue())
    m.dispatch(ev.SelectMatter("330100000000000001"))
    print_only = matter(
        identity=IdentityRequirement.ID_CARD,
        self_service=SelfService.FULL,
        delivery=frozenset({"print_at_terminal"}),
    )
    m.dispatch(ev.GuideLoaded(m.pending_request or 0, print_only))
    no_paper = DeviceStatus(DeviceState.ONLINE, MediaStatus.OUT)
    m.dispatch(ev.DevicesChanged({DeviceClass.RECEIPT_PRINTER: no_paper}))
    availability = m.view.availability
    assert availability is not None and not availability.available
    assert availability.reasons == (GateReason.PRINTER_NO_PAPER,)
    m.dispatch(ev.StartMatter())
    assert m.state is State.GUIDE
    m.dispatch(ev.DevicesChanged({DeviceClass.RECEIPT_PRINTER: PRINTER_OK}))
    m.dispatch(ev.StartMatter())
    assert m.state is State.IDENTITY_CARD


def test_qr_login_entry_is_unavailable_without_the_scanner() -> None:
    devices = all_online()
    devices[DeviceClass.QR_SCANNER] = OFFLINE
    m = FlowMachine(clock=FakeClock(), devices=devices)
    assert not m.view.qr_login_available
    m.dispatch(ev.StartQrLogin())
    assert m.state is State.HOME
