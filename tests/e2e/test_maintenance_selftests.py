"""End to end: the Devices pane's A4 and document camera self-tests and the camera preview,
Logs → 导出, and the platform's ``upload_logs`` command, against the simulators."""

from __future__ import annotations

import hashlib
import logging
import tarfile
from typing import Any

from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.base import DeviceClass
from drivers.camera.emulator import CameraEmulator
from kiosk.operations.heartbeat import BeatSent
from kiosk.operations.log_bundle import bundles
from tests.e2e.conftest import Harness
from tests.e2e.test_maintenance import DEV_PIN, audit_events, gesture, tap, type_pin

ID_NUMBER = "11010519491231002X"


def enter_devices(kiosk: Harness) -> None:
    gesture(kiosk)
    kiosk.wait_screen("maintenance_pin")
    type_pin(kiosk, DEV_PIN)
    kiosk.wait_screen("maintenance")
    vm = kiosk.app.operations.view_model
    kiosk.qtbot.waitUntil(lambda: bool(vm.devices), timeout=5000)


def actions(kiosk: Harness) -> list[dict[str, Any]]:
    return [e["data"] for e in audit_events(kiosk) if e["event"] == "maintenance.action"]


def test_the_a4_test_page_prints_then_fails_when_the_paper_is_out(kiosk: Harness) -> None:
    enter_devices(kiosk)
    vm = kiosk.app.operations.view_model
    simulator = kiosk.app.devices.simulator_as(DeviceClass.A4_PRINTER, A4PrinterEmulator)
    assert simulator is not None
    tap(kiosk, "test_print_a4_a4_printer")
    kiosk.qtbot.waitUntil(lambda: "A4 测试页已打印" in vm.result, timeout=20000)
    assert len(simulator.jobs()) == 1
    simulator.set_fault("media-empty")
    tap(kiosk, "test_print_a4_a4_printer")
    kiosk.qtbot.waitUntil(lambda: "未能打印" in vm.result, timeout=20000)
    assert "paper out" in vm.result
    outcomes = [a["outcome"] for a in actions(kiosk) if a["action"] == "test_print_a4"]
    assert outcomes == ["a4_printed", "a4_print_failed"]


def test_the_document_camera_test_passes_then_fails_when_the_lens_is_covered(
    kiosk: Harness,
) -> None:
    enter_devices(kiosk)
    vm = kiosk.app.operations.view_model
    simulator = kiosk.app.devices.simulator_as(DeviceClass.DOCUMENT_CAMERA, CameraEmulator)
    assert simulator is not None
    tap(kiosk, "test_document_camera_document_camera")
    kiosk.qtbot.waitUntil(lambda: "高拍仪正常" in vm.result, timeout=20000)
    simulator.inject_fault("black")
    tap(kiosk, "test_document_camera_document_camera")
    kiosk.qtbot.waitUntil(lambda: "画面全黑" in vm.result, timeout=20000)


def test_the_preview_shows_the_face_box_and_stops_with_the_pane(kiosk: Harness) -> None:
    enter_devices(kiosk)
    vm = kiosk.app.operations.view_model
    camera = kiosk.app.devices.simulator_as(DeviceClass.CAMERA, CameraEmulator)
    assert camera is not None
    camera.show("face")
    tap(kiosk, "preview_camera")
    kiosk.qtbot.waitUntil(
        lambda: any(s["kind"] == "face" for s in vm.previewShapes), timeout=20000
    )
    assert vm.previewSource.startswith("image://camera/")
    tap(kiosk, "maintenance_tab_logs")
    kiosk.qtbot.waitUntil(lambda: vm.previewDevice == "", timeout=5000)
    kiosk.qtbot.waitUntil(lambda: not kiosk.app.ui.frames.has_frame(), timeout=5000)


def test_logs_export_and_upload_logs_keep_masked_bundles(kiosk: Harness) -> None:
    logging.getLogger("tests.e2e").warning("card read: name=王小明 id=%s", ID_NUMBER)
    status, queued = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/platform/commands", {"command": "upload_logs"})
    )
    assert status == 200
    for _ in range(3):
        assert isinstance(kiosk.call_off_gui(kiosk.app.operations.beat_now), BeatSent)
    exports = kiosk.app.config.terminal.data_dir / "exports"
    [bundle] = bundles(exports)
    handled = [e["data"] for e in audit_events(kiosk) if e["event"] == "command.handled"]
    assert [(h["id"], h["outcome"]) for h in handled] == [(queued["id"], "done")]
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() in handled[0]["reason"]
    assert kiosk.app.operations.dispatcher.ledger.unacked() == ()

    enter_devices(kiosk)
    vm = kiosk.app.operations.view_model
    tap(kiosk, "maintenance_tab_logs")
    tap(kiosk, "log_export")
    kiosk.qtbot.waitUntil(lambda: "日志已导出" in vm.result, timeout=20000)
    assert len(bundles(exports)) == 2
    kiosk.qtbot.waitUntil(lambda: len(vm.logBundles) == 2, timeout=5000)
    assert bundles(exports)[-1].name in vm.logBundles[0]  # newest first
    for path in bundles(exports):
        with tarfile.open(path, "r:gz") as tar:
            content = b"".join(
                f.read() for m in tar.getmembers() if (f := tar.extractfile(m)) is not None
            ).decode("utf-8")
        assert ID_NUMBER not in content and "王小明" not in content
        assert "card read: name=王*" in content  # the line is there, masked
    exported = [a for a in actions(kiosk) if a["action"] == "export_logs"]
    assert len(exported) == 1 and exported[0]["outcome"] == "logs_exported"
