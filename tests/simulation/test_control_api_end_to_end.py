"""The control API drives the real drivers through their simulators' wire protocols:
a card placed over HTTP reaches the reader over its pty, a scan reaches the scanner, a
printer set out of paper shows in the device statuses."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest

from drivers.base import DeviceClass, DeviceEvent, DeviceState
from drivers.config import DeviceConfig
from drivers.id_card.types import CardInserted, CardRemoved
from drivers.manager import DeviceManager, ReconnectPolicy
from drivers.scanner.types import Scanned
from kiosk import config
from simulation.client import request_json as call
from simulation.devices import start_control_api
from simulation.server import ControlServer


@pytest.fixture
def devices(
    tmp_path: Path,
) -> Iterator[tuple[DeviceManager, ControlServer, queue.Queue[DeviceEvent]]]:
    cfg = config.load(simulate=True)
    configs = dict(cfg.devices)
    printer = configs[DeviceClass.RECEIPT_PRINTER]
    configs[DeviceClass.RECEIPT_PRINTER] = replace(
        printer,
        options={
            **printer.options,
            "receipts_dir": str(tmp_path / "receipts"),
            "status_poll_interval_s": 0.05,
        },
    )
    reader = configs[DeviceClass.ID_CARD_READER]
    configs[DeviceClass.ID_CARD_READER] = replace(
        reader, options={**reader.options, "poll_interval_s": 0.05, "pace": False}
    )
    manager = DeviceManager(configs, policy=ReconnectPolicy(first_delay_s=0.05, max_delay_s=0.2))
    events: queue.Queue[DeviceEvent] = queue.Queue()
    manager.events.subscribe(events.put)
    manager.start()
    server = start_control_api(manager, 0)
    yield manager, server, events
    server.stop()
    manager.stop()


T = TypeVar("T")


def next_event(events: queue.Queue[DeviceEvent], kind: type[T], timeout: float = 10) -> T:
    while True:
        event = events.get(timeout=timeout)
        if isinstance(event, kind):
            return event


def test_card_placed_over_http_is_read_through_the_pty(devices: Any) -> None:
    _, server, events = devices
    assert call(server.base_url, "POST", "/sim/id-card", {"fixture": "long_term"})[0] == 200
    card = next_event(events, CardInserted).card
    assert card.name == "李秀英"
    assert call(server.base_url, "DELETE", "/sim/id-card")[0] == 200
    next_event(events, CardRemoved)


def test_fixture_list_names_every_card_the_reader_can_be_given(devices: Any) -> None:
    _, server, _ = devices
    status, names = call(server.base_url, "GET", "/sim/id-card/fixtures")
    assert status == 200
    for name in names:
        assert call(server.base_url, "POST", "/sim/id-card", {"fixture": name})[0] == 200


def test_unknown_fixture_and_fault_are_refused_by_name(devices: Any) -> None:
    _, server, _ = devices
    status, body = call(server.base_url, "POST", "/sim/id-card", {"fixture": "nobody"})
    assert status == 400
    assert "nobody" in body["error"]
    assert call(server.base_url, "POST", "/sim/id-card/fault", {"fault": "meltdown"})[0] == 400


def test_scan_over_http_reaches_the_scanner_driver(devices: Any) -> None:
    _, server, events = devices
    assert call(server.base_url, "POST", "/sim/scanner", {"text": "办件查询 QR 码"})[0] == 200
    assert next_event(events, Scanned).text == "办件查询 QR 码"


def test_an_unplugged_scanner_is_plugged_back_in_by_clearing_its_fault(devices: Any) -> None:
    manager, server, events = devices
    fault = {"fault": "disconnect"}
    assert call(server.base_url, "POST", "/sim/scanner/fault", fault)[0] == 200
    wait_for_state(manager, DeviceClass.QR_SCANNER, DeviceState.OFFLINE)
    assert call(server.base_url, "DELETE", "/sim/scanner/fault") == (200, {"ok": True})
    wait_for_state(manager, DeviceClass.QR_SCANNER, DeviceState.ONLINE)
    assert call(server.base_url, "POST", "/sim/scanner", {"text": "plugged in again"})[0] == 200
    assert next_event(events, Scanned).text == "plugged in again"


def wait_for_state(manager: DeviceManager, device: DeviceClass, state: DeviceState) -> None:
    deadline = time.monotonic() + 10
    while manager.statuses()[device].state != state:
        assert time.monotonic() < deadline, f"{device} never became {state}"
        time.sleep(0.02)


def test_printer_out_of_paper_shows_in_device_statuses(devices: Any) -> None:
    manager, server, _ = devices
    assert call(server.base_url, "POST", "/sim/printer", {"paper": "out"})[0] == 200
    deadline = time.monotonic() + 10
    while manager.statuses()[DeviceClass.RECEIPT_PRINTER].media != "out":
        assert time.monotonic() < deadline, "printer never reported paper out"
        time.sleep(0.02)
    status, body = call(server.base_url, "GET", "/sim/devices")
    assert status == 200
    assert body["receipt_printer"]["media"] == "out"
    assert body["id_card_reader"]["state"] == DeviceState.ONLINE


def test_camera_switches_source_and_refuses_unknown_ones(devices: Any) -> None:
    _, server, _ = devices
    assert call(server.base_url, "POST", "/sim/camera", {"source": "face"})[0] == 200
    assert call(server.base_url, "POST", "/sim/camera", {"source": "no_such_picture"})[0] == 400


def test_device_config_for_every_class_is_simulated() -> None:
    cfg = config.load(simulate=True)
    assert all(
        isinstance(c, DeviceConfig) and c.driver == "simulated" for c in cfg.devices.values()
    )


def test_device_list_names_each_emulators_pty(devices: Any) -> None:
    manager, server, _ = devices
    status, body = call(server.base_url, "GET", "/sim/devices")
    assert status == 200
    for device_class in (
        DeviceClass.ID_CARD_READER,
        DeviceClass.QR_SCANNER,
        DeviceClass.RECEIPT_PRINTER,
    ):
        port = body[str(device_class)]["port"]
        assert port == getattr(manager.simulator(device_class), "port", None)
        assert Path(port).exists()
    assert "port" not in body["camera"]
