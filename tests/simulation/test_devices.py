"""The /sim routes drive the simulators behind a fully simulated device manager."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.base import DeviceBase, DeviceClass, DeviceState, MediaStatus
from drivers.config import DeviceConfig
from drivers.manager import BuiltDevice, DeviceManager, Factory
from simulation.client import request_json as call
from simulation.devices import NotSimulated, start_control_api
from simulation.server import ControlServer


class Recorder:
    """A stand-in simulator of every kind that records what it was asked to do."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def place(self, card: str) -> None:
        if card == "no_such_card":
            raise KeyError("unknown fixture 'no_such_card'")
        self.calls.append(("place", card))

    def remove(self) -> None:
        self.calls.append(("remove", None))

    def inject_fault(self, name: str) -> None:
        self.calls.append(("fault", name))

    def clear_faults(self) -> None:
        self.calls.append(("clear", None))

    def reconnect(self) -> None:
        self.calls.append(("reconnect", None))

    def scan(self, text: str) -> bool:
        self.calls.append(("scan", text))
        return text != "unplugged"

    def show(self, source: str) -> None:
        self.calls.append(("show", source))

    def set_paper(self, paper: str) -> None:
        self.calls.append(("paper", paper))

    def set_cover_open(self, cover_open: bool) -> None:
        self.calls.append(("cover_open", cover_open))

    def set_online(self, online: bool) -> None:
        self.calls.append(("online", online))

    def receipts(self) -> list[dict[str, Any]]:
        return [{"text": ["受理回执"], "qr": [], "cut": True}]

    def set_offline(self, offline: bool) -> None:
        self.calls.append(("platform_offline", offline))

    def set_fault(self, reason: str, active: bool = True) -> None:
        self.calls.append(("a4_reason", (reason, active)))

    def fail_next_job(self, reason: str) -> None:
        if reason == "media-low":
            raise ValueError("'media-low' does not stop a job")
        self.calls.append(("a4_fail_next", reason))

    def jobs(self) -> list[Path]:
        return []

    def stop(self) -> None:
        self.calls.append(("stop", None))


class QuietDevice(DeviceBase):
    """A device that opens and stays online."""

    def open(self) -> None:
        media = (
            MediaStatus.OK
            if self.device_class is DeviceClass.RECEIPT_PRINTER
            else MediaStatus.NOT_APPLICABLE
        )
        self._set_status(DeviceState.ONLINE, media)

    def close(self) -> None:
        """Nothing to release."""

    def reset(self) -> None:
        """Nothing to reset."""


def make_manager(recorder: Recorder, driver: str = "simulated") -> DeviceManager:
    def factory_for(device_class: DeviceClass) -> Factory:
        return lambda config: BuiltDevice(QuietDevice(device_class), recorder)

    configs = {cls: DeviceConfig(cls, driver) for cls in DeviceClass}
    return DeviceManager(configs, factory_for=factory_for)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def api(recorder: Recorder) -> Iterator[ControlServer]:
    manager = make_manager(recorder)
    manager.start()
    server = start_control_api(manager, 0, platform=recorder)
    yield server
    server.stop()
    manager.stop()


def test_card_place_remove_and_faults_reach_the_reader_simulator(
    api: ControlServer, recorder: Recorder
) -> None:
    assert call(api.base_url, "POST", "/sim/id-card", {"fixture": "resident"})[0] == 200
    assert call(api.base_url, "POST", "/sim/id-card/fault", {"fault": "silence"})[0] == 200
    assert call(api.base_url, "DELETE", "/sim/id-card/fault")[0] == 200
    assert call(api.base_url, "DELETE", "/sim/id-card")[0] == 200
    assert recorder.calls == [
        ("place", "resident"),
        ("fault", "silence"),
        ("clear", None),
        ("remove", None),
    ]


def test_unknown_fixture_is_a_400_with_the_simulators_message(api: ControlServer) -> None:
    status, body = call(api.base_url, "POST", "/sim/id-card", {"fixture": "no_such_card"})
    assert status == 400
    assert "no_such_card" in body["error"]


def test_scanner_and_camera_routes(api: ControlServer, recorder: Recorder) -> None:
    assert call(api.base_url, "POST", "/sim/scanner", {"text": "扫码内容"})[0] == 200
    assert call(api.base_url, "POST", "/sim/camera", {"source": "face"})[0] == 200
    assert call(api.base_url, "POST", "/sim/camera/fault", {"fault": "black"})[0] == 200
    assert ("scan", "扫码内容") in recorder.calls
    assert ("show", "face") in recorder.calls
    assert ("fault", "black") in recorder.calls


def test_printer_state_is_set_field_by_field(api: ControlServer, recorder: Recorder) -> None:
    body = {"paper": "out", "cover": "open", "online": False}
    assert call(api.base_url, "POST", "/sim/printer", body)[0] == 200
    assert recorder.calls == [("paper", "out"), ("cover_open", True), ("online", False)]


@pytest.mark.parametrize(
    "body",
    [{}, {"paper": "empty"}, {"cover": "ajar"}, {"online": "yes"}, {"colour": "red"}],
)
def test_bad_printer_settings_are_refused(api: ControlServer, body: dict[str, Any]) -> None:
    assert call(api.base_url, "POST", "/sim/printer", body)[0] == 400


def test_receipts_and_device_statuses(api: ControlServer) -> None:
    assert call(api.base_url, "GET", "/sim/printer/receipts") == (
        200,
        [{"text": ["受理回执"], "qr": [], "cut": True}],
    )
    status, devices = call(api.base_url, "GET", "/sim/devices")
    assert status == 200
    assert devices["receipt_printer"] == {"state": "online", "media": "ok", "detail": ""}
    assert set(devices) == {str(c) for c in DeviceClass}


def test_platform_can_be_taken_offline_and_back(api: ControlServer, recorder: Recorder) -> None:
    assert call(api.base_url, "POST", "/sim/platform", {"online": False})[0] == 200
    assert call(api.base_url, "POST", "/sim/platform", {"online": True})[0] == 200
    assert [c for c in recorder.calls if c[0] == "platform_offline"] == [
        ("platform_offline", True),
        ("platform_offline", False),
    ]


def test_refuses_to_start_when_any_device_is_real(recorder: Recorder) -> None:
    with pytest.raises(NotSimulated):
        start_control_api(make_manager(recorder, driver="sam"), 0)


def test_scan_that_cannot_be_sent_is_a_conflict_not_ok(api: ControlServer) -> None:
    status, body = call(api.base_url, "POST", "/sim/scanner", {"text": "unplugged"})
    assert status == 409
    assert "nothing was read" in body["error"]


def test_fixture_names_come_from_the_card_fixtures(api: ControlServer) -> None:
    status, names = call(api.base_url, "GET", "/sim/id-card/fixtures")
    assert status == 200
    assert {"resident", "expired", "rare_name", "foreign_permanent"} <= set(names)


FAULT_CLEARING = {
    "/sim/id-card/fault": ("clear", None),
    "/sim/scanner/fault": ("reconnect", None),
    "/sim/camera/fault": ("clear", None),
    "/sim/document-camera/fault": ("clear", None),
}


def test_every_fault_that_can_be_set_can_be_cleared(api: ControlServer, recorder: Recorder) -> None:
    settable = {path for method, path in api.routes() if method == "POST" and "fault" in path}
    assert settable == set(FAULT_CLEARING), "a new fault route needs its DELETE and this table"
    for path in sorted(settable):
        assert ("DELETE", path) in api.routes()
        recorder.calls.clear()
        assert call(api.base_url, "POST", path, {"fault": "disconnect"})[0] == 200
        assert call(api.base_url, "DELETE", path) == (200, {"ok": True})
        assert recorder.calls == [("fault", "disconnect"), FAULT_CLEARING[path]]


def test_a4_printer_settings_become_printer_state_reasons(
    api: ControlServer, recorder: Recorder
) -> None:
    body = {"paper": "out", "door": "open", "toner": "empty", "online": True,
            "fail_next": "media-jam"}
    assert call(api.base_url, "POST", "/sim/a4-printer", body)[0] == 200
    assert ("a4_reason", ("media-empty", True)) in recorder.calls
    assert ("a4_reason", ("door-open", True)) in recorder.calls
    assert ("a4_reason", ("toner-empty", True)) in recorder.calls
    assert ("online", True) in recorder.calls
    assert ("a4_fail_next", "media-jam") in recorder.calls
    assert call(api.base_url, "GET", "/sim/a4-printer/jobs") == (200, [])


@pytest.mark.parametrize(
    "body",
    [{}, {"paper": "wet"}, {"toner": True}, {"online": "yes"}, {"colour": "red"},
     {"fail_next": "media-low"}, {"fail_next": 3}],
)
def test_bad_a4_printer_settings_are_400(api: ControlServer, body: dict[str, Any]) -> None:
    assert call(api.base_url, "POST", "/sim/a4-printer", body)[0] == 400


def test_document_camera_route_shows_a_page(api: ControlServer, recorder: Recorder) -> None:
    assert call(api.base_url, "POST", "/sim/document-camera", {"source": "document"})[0] == 200
    assert ("show", "document") in recorder.calls
