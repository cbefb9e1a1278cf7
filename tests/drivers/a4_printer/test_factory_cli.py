"""The A4 factory (simulated = the real IPP driver on the simulator) and the technician CLI."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from drivers.a4_printer.__main__ import main
from drivers.a4_printer.emulator import A4PrinterEmulator
from drivers.a4_printer.factory import build
from drivers.a4_printer.printer import IppA4Printer
from drivers.a4_printer.types import A4Printer
from drivers.base import DeviceClass, DeviceState
from drivers.config import ConfigError, DeviceConfig
from drivers.manager import load_factory


def test_simulated_printer_is_the_ipp_driver_talking_to_the_simulator() -> None:
    built = build(DeviceConfig(DeviceClass.A4_PRINTER, "simulated", {"job_seconds": 0.05}))
    assert isinstance(built.device, IppA4Printer) and isinstance(built.device, A4Printer)
    assert isinstance(built.simulator, A4PrinterEmulator)
    try:
        built.device.open()
        assert built.device.status.state is DeviceState.ONLINE
    finally:
        built.device.close()
        built.simulator.stop()
    assert not built.simulator.spool_dir.exists()


def test_the_manager_finds_the_a4_factory() -> None:
    assert load_factory(DeviceClass.A4_PRINTER) is build


def test_real_driver_needs_an_ipp_uri() -> None:
    built = build(
        DeviceConfig(DeviceClass.A4_PRINTER, "ipp", {"uri": "ipp://printer.local/ipp/print"})
    )
    assert isinstance(built.device, IppA4Printer) and built.simulator is None
    with pytest.raises(ConfigError, match="uri"):
        build(DeviceConfig(DeviceClass.A4_PRINTER, "ipp", {"uri": "/dev/usb/lp0"}))
    with pytest.raises(ConfigError, match="driver"):
        build(DeviceConfig(DeviceClass.A4_PRINTER, "cups-raw"))


def test_cli_status_json_on_the_simulator(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--simulate", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"state": "online", "media": "ok", "detail": ""}


def test_cli_test_page_prints_on_the_simulator(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    """(pytest-qt's application first, so the CLI does not make a QGuiApplication that the
    widget tests later in this process could not replace.)"""
    assert main(["--simulate", "--timeout", "10", "test-page"]) == 0
    assert "test page printed (job 1" in capsys.readouterr().out


def test_cli_reports_an_unreachable_printer_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--uri", "ipp://127.0.0.1:9/ipp/print", "status"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("printer error:") and err.count("\n") == 1
