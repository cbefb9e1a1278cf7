"""Fixtures: an emulator in a temp directory and a driver connected to it with short delays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.printer import EscPosPrinter
from drivers.printer.transports.serial_port import SerialTransport
from drivers.printer.types import PrinterTimings

FAST = PrinterTimings(status_reply_s=0.2, after_job_s=0.02, poll_interval_s=60.0)


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[ReceiptPrinterEmulator]:
    emu = ReceiptPrinterEmulator(tmp_path / "receipts", tcp_port=0)
    yield emu
    emu.stop()


@pytest.fixture
def printer(emulator: ReceiptPrinterEmulator) -> Iterator[EscPosPrinter]:
    device = EscPosPrinter(SerialTransport(emulator.port), timings=FAST)
    device.open()
    yield device
    device.close()
