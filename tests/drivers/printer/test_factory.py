"""Building the printer from ``[devices.receipt_printer]``."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.base import DeviceClass, DeviceState
from drivers.config import ConfigError, DeviceConfig
from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.factory import build


def config(driver: str, **options: object) -> DeviceConfig:
    return DeviceConfig(DeviceClass.RECEIPT_PRINTER, driver, options)


def test_simulated_driver_runs_the_real_driver_against_the_emulator(tmp_path: Path) -> None:
    built = build(config("simulated", receipts_dir=str(tmp_path), status_poll_interval_s=60.0))
    assert isinstance(built.simulator, ReceiptPrinterEmulator)
    try:
        built.device.open()
        assert built.device.status.state is DeviceState.ONLINE
    finally:
        built.device.close()
        built.simulator.stop()


def test_escpos_driver_builds_without_touching_the_port() -> None:
    built = build(config("escpos", port="/dev/does-not-exist"))
    assert built.simulator is None
    assert built.device.status.state is DeviceState.STARTING


@pytest.mark.parametrize(
    ("driver", "options", "key"),
    [
        ("laser", {}, "driver"),
        ("escpos", {"encoding": "big5"}, "encoding"),
        ("escpos", {"connection": "network"}, "host"),
        ("escpos", {"connection": "usb"}, "usb_vendor_id"),
        ("escpos", {"paper_width_mm": 110}, "paper_width_mm"),
        ("escpos", {"model": "NO-SUCH-PRINTER"}, "model"),
    ],
)
def test_bad_option_is_a_config_error_naming_the_key(
    driver: str, options: dict[str, object], key: str
) -> None:
    with pytest.raises(ConfigError, match=key):
        build(config(driver, **options))
