"""End to end: a technician's maintenance mode, the heartbeat with the platform's commands,
and the metrics exporter, against the simulators and the simulated platform."""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families

from drivers.base import DeviceClass
from kiosk.audit.log import log_files
from kiosk.flow.states import Reason
from kiosk.operations.heartbeat import BeatSent
from kiosk.outbox.store import NewRecord
from tests.e2e.conftest import FakeClock, Harness

DEV_PIN = "123456"


def gesture(kiosk: Harness) -> None:
    """Five taps on the header's corner, as the dev dock's 维护模式 does."""
    for _ in range(5):
        status, _ = kiosk.call_off_gui(
            lambda: kiosk.control("POST", "/ui/tap", {"object_name": "header_corner"})
        )
        assert status == 200


def type_pin(kiosk: Harness, pin: str) -> None:
    pad = kiosk.app.operations.view_model
    for digit in pin:
        pad.digit(digit)
    pad.submitPin()
    kiosk.qtbot.waitUntil(lambda: not pad.pinBusy, timeout=20000)


def audit_events(kiosk: Harness) -> list[dict[str, Any]]:
    lines = []
    for path in log_files(kiosk.app.operations.settings.audit_dir):
        lines += [json.loads(line) for line in path.read_text().splitlines()]
    return lines


def tap(kiosk: Harness, name: str) -> None:
    status, reply = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/tap", {"object_name": name})
    )
    assert status == 200, reply


def test_gesture_pin_devices_test_print_and_leave(kiosk: Harness) -> None:
    gesture(kiosk)
    kiosk.wait_screen("maintenance_pin")
    type_pin(kiosk, "000000")
    assert "4" in kiosk.app.operations.view_model.pinMessage
    assert kiosk.screen == "maintenance_pin"
    type_pin(kiosk, DEV_PIN)
    kiosk.wait_screen("maintenance")
    vm = kiosk.app.operations.view_model
    kiosk.qtbot.waitUntil(lambda: bool(vm.devices), timeout=5000)
    assert {d["id"] for d in vm.devices} >= {"receipt_printer", "id_card_reader"}

    _, before = kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/printer/receipts"))
    tap(kiosk, "test_print_receipt_printer")
    kiosk.qtbot.waitUntil(lambda: "测试页已打印" in vm.result, timeout=15000)

    def receipts() -> list[Any]:
        return kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/printer/receipts"))[1]

    kiosk.qtbot.waitUntil(lambda: len(receipts()) > len(before), timeout=15000)

    tap(kiosk, "maintenance_leave")
    kiosk.wait_screen("home")
    events = [(e["event"], e["data"]) for e in audit_events(kiosk)]
    assert ("maintenance.pin_refused", {"tries_left": 4}) in events
    assert ("maintenance.entered", {}) in events
    assert ("maintenance.action",
            {"action": "test_print", "target": "receipt_printer", "outcome": "printed"}) in events
    assert ("maintenance.left", {"reason": "technician"}) in events


def test_entry_is_refused_mid_session_and_granted_after(kiosk: Harness) -> None:
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    gesture(kiosk)
    assert kiosk.screen == "catalogue", "a citizen's session is never interrupted"
    kiosk.intent("home")
    kiosk.wait_screen("home")
    gesture(kiosk)
    kiosk.wait_screen("maintenance_pin")
    type_pin(kiosk, DEV_PIN)
    kiosk.wait_screen("maintenance")
    events = [e["event"] for e in audit_events(kiosk)]
    assert events.index("service.started") < events.index("service.ended")


def test_entry_waits_for_a_citizens_online_submit_on_the_one_outbox(kiosk: Harness) -> None:
    backend = kiosk.call_off_gui(lambda: kiosk.app.backend)
    store = backend.outbox.store
    assert store is kiosk.app.operations.outbox, "one outbox: the gate sees the submit's claim"
    in_flight = NewRecord("submitApplication", b"{}", "key-in-flight")
    local_ref = store.enqueue([in_flight], claimed=True)  # as Submitter.submit does online
    gesture(kiosk)
    kiosk.wait_screen("maintenance_pin")
    type_pin(kiosk, DEV_PIN)
    gate = kiosk.app.operations.gate
    assert gate.poll().waiting_for == ("outbox",)
    assert kiosk.screen != "maintenance", "entry waits while a citizen's submission is in flight"
    store.withdraw(local_ref)
    store.release(local_ref)
    kiosk.wait_screen("maintenance")


def test_heartbeat_reports_paper_out_from_the_printer_emulator(kiosk: Harness) -> None:
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/printer", {"paper": "out"}))
    printer = DeviceClass.RECEIPT_PRINTER
    kiosk.qtbot.waitUntil(
        lambda: str(kiosk.app.devices.statuses()[printer].media) == "out", timeout=10000
    )
    assert isinstance(kiosk.call_off_gui(kiosk.app.operations.beat_now), BeatSent)
    with kiosk.app.backend.platform_sim.service.store.transaction() as db:  # type: ignore[union-attr]
        (body,) = db.execute("SELECT body FROM heartbeats ORDER BY rowid DESC LIMIT 1").fetchone()
    reported = next(d for d in json.loads(body)["devices"] if d["device_class"] == printer)
    assert reported["media"] == "out"


def test_a_queued_command_runs_once_and_is_acknowledged(kiosk: Harness) -> None:
    status, queued = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/platform/commands", {"command": "out_of_service"})
    )
    assert status == 200
    # The heartbeat's own thread may take it first (it beats at start-up): either way, once.
    for _ in range(3):
        assert isinstance(kiosk.call_off_gui(kiosk.app.operations.beat_now), BeatSent)
    kiosk.wait_screen("out_of_service")
    assert kiosk.app.machine.view.reason is Reason.SUSPENDED
    assert kiosk.call_off_gui(kiosk.app.operations.beat_now) == BeatSent(acked=(), ran=())
    assert kiosk.app.operations.dispatcher.ledger.unacked() == ()
    handled = [e for e in audit_events(kiosk) if e["event"] == "command.handled"]
    assert [(e["data"]["id"], e["data"]["outcome"]) for e in handled] == [(queued["id"], "done")]
    assert kiosk.screen == "out_of_service"


@pytest.fixture
def kiosk_with_metrics(qtbot: Any, tmp_path: Path) -> Iterator[Harness]:
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load(simulate=True)
    raw = kiosk_config.merge(config.raw, {"telemetry": {"metrics_listen": "127.0.0.1:0"}})
    config = dataclasses.replace(
        config, raw=raw, terminal=dataclasses.replace(config.terminal, data_dir=tmp_path)
    )
    clock = FakeClock()
    app = KioskApp(config, RunOptions(control_port=0), clock=clock).start()
    try:
        qtbot.waitUntil(lambda: app.started, timeout=20000)
        yield Harness(app, clock, qtbot)
    finally:
        app.stop()


def test_metrics_are_scraped_when_enabled(kiosk_with_metrics: Harness) -> None:
    kiosk = kiosk_with_metrics
    kiosk.intent("home.services")
    kiosk.wait_screen("catalogue")
    kiosk.intent("home")
    kiosk.wait_screen("home")
    port = kiosk.app.operations.metrics_port
    assert port

    def scrape() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
            return str(answer.read().decode())

    families = {f.name: f for f in text_string_to_metric_families(kiosk.call_off_gui(scrape))}
    states = {
        (s.labels["device_class"], s.labels["state"]): s.value
        for s in families["kiosk_device_state"].samples
    }
    assert states[("receipt_printer", "online")] == 1.0
    started = families["kiosk_sessions_started"].samples
    assert any(s.name == "kiosk_sessions_started_total" and s.value == 1.0 for s in started)
    ended = families["kiosk_sessions_ended"].samples
    assert any(s.labels.get("outcome") == "abandoned" and s.value == 1.0 for s in ended)
    assert families["kiosk_mode"].samples


def type_into(kiosk: Harness, name: str, text: str) -> None:
    status, reply = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/type", {"object_name": name, "text": text})
    )
    assert status == 200, reply


def test_config_panel_refuses_http_then_saves_the_site_file(kiosk: Harness) -> None:
    gesture(kiosk)
    kiosk.wait_screen("maintenance_pin")
    type_pin(kiosk, DEV_PIN)
    kiosk.wait_screen("maintenance")
    vm = kiosk.app.operations.view_model
    tap(kiosk, "maintenance_tab_config")
    kiosk.qtbot.waitUntil(lambda: bool(vm.siteConfig.get("terminalId")), timeout=5000)
    site = kiosk.app.config.terminal.data_dir / "site.toml"

    type_into(kiosk, "site_baseUrl", "http://gov.example.cn")
    tap(kiosk, "site_save")
    kiosk.qtbot.waitUntil(lambda: "baseUrl" in vm.siteProblems, timeout=5000)
    assert "https://" in vm.siteProblems["baseUrl"]
    assert not site.exists()

    type_into(kiosk, "site_baseUrl", "https://gov.example.cn")
    type_into(kiosk, "site_hallPhone", "010-87654321")
    tap(kiosk, "site_save")
    kiosk.qtbot.waitUntil(lambda: "重启" in vm.result, timeout=5000)
    assert vm.siteProblems == {}
    assert 'hall_phone = "010-87654321"' in site.read_text("utf-8")
    events = [(e["event"], e["data"]) for e in audit_events(kiosk)]
    changed = [data for event, data in events if event == "config.changed"]
    assert changed == [{"keys": "terminal.hall_phone,platform.base_url", "file": "site.toml"}]
    assert "87654321" not in json.dumps(events, ensure_ascii=False)


def test_outbox_export_writes_a_sealed_file(kiosk: Harness) -> None:
    gesture(kiosk)
    kiosk.wait_screen("maintenance_pin")
    type_pin(kiosk, DEV_PIN)
    kiosk.wait_screen("maintenance")
    vm = kiosk.app.operations.view_model
    tap(kiosk, "maintenance_tab_outbox")
    tap(kiosk, "outbox_export")
    kiosk.qtbot.waitUntil(lambda: "已导出" in vm.result, timeout=5000)
    exports = list((kiosk.app.config.terminal.data_dir / "exports").glob("outbox-*.json"))
    assert len(exports) == 1
    assert set(json.loads(exports[0].read_text("utf-8"))) >= {"pending", "dead_letters"}
    events = [(e["event"], e["data"]) for e in audit_events(kiosk)]
    assert ("maintenance.action",
            {"action": "export_outbox", "target": "", "outcome": "outbox_exported"}) in events
