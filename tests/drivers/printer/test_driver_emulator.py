"""The real driver against the emulator through a pty (and TCP): every status, jobs, reprint."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import pytest

from drivers.base import DeviceEvent, DeviceState, MediaStatus, StatusChanged
from drivers.printer.document import Document
from drivers.printer.emulator import ReceiptPrinterEmulator
from drivers.printer.printer import EscPosPrinter
from drivers.printer.transports.network import NetworkTransport
from drivers.printer.transports.serial_port import SerialTransport
from drivers.printer.types import PrinterTimings, ReceiptPrinter
from tests.drivers.printer.conftest import FAST
from tests.drivers.printer.documents import standard_receipt

STATUS_CASES: list[
    tuple[str, Callable[[ReceiptPrinterEmulator], None], DeviceState, MediaStatus]
] = [
    ("ok", lambda e: None, DeviceState.ONLINE, MediaStatus.OK),
    ("low", lambda e: e.set_paper("low"), DeviceState.ONLINE, MediaStatus.LOW),
    ("out", lambda e: e.set_paper("out"), DeviceState.ONLINE, MediaStatus.OUT),
    ("cover", lambda e: e.set_cover_open(True), DeviceState.ONLINE, MediaStatus.COVER_OPEN),
    ("offline", lambda e: e.set_online(False), DeviceState.OFFLINE, MediaStatus.OK),
    ("cutter", lambda e: e.set_cutter_error(True), DeviceState.HARDWARE_ERROR, MediaStatus.OK),
    ("silent", lambda e: e.set_silent(True), DeviceState.OFFLINE, MediaStatus.UNKNOWN),
]


def test_driver_satisfies_the_receipt_printer_interface(printer: EscPosPrinter) -> None:
    assert isinstance(printer, ReceiptPrinter)
    assert printer.capabilities.model == "KIOSK-SIM-80"


@pytest.mark.parametrize(
    ("setup", "state", "media"),
    [case[1:] for case in STATUS_CASES],
    ids=[case[0] for case in STATUS_CASES],
)
def test_emulator_condition_shows_in_driver_status(
    emulator: ReceiptPrinterEmulator,
    printer: EscPosPrinter,
    setup: Callable[[ReceiptPrinterEmulator], None],
    state: DeviceState,
    media: MediaStatus,
) -> None:
    setup(emulator)
    status = printer.refresh_status()
    assert (status.state, status.media) == (state, media)
    assert printer.status == status


def test_print_job_succeeds_and_emulator_records_the_receipt(
    emulator: ReceiptPrinterEmulator, printer: EscPosPrinter
) -> None:
    result = printer.print_document(standard_receipt())
    assert result.ok, result.reason
    assert emulator.wait_for_receipts(1, timeout_s=5)
    (record,) = emulator.receipts()
    assert record["cut"] is True
    assert record["text"][0] == "受理回执"
    assert record["qr"] == ["https://zwfw.example.gov.cn/r/330109-20240501-0001"]
    assert os.path.isfile(record["png"])
    assert os.path.isfile(record["png"].removesuffix(".png") + ".json")


@pytest.mark.parametrize("condition", ["out", "cover", "cutter", "silent"])
def test_job_is_refused_when_printer_is_not_ready(
    emulator: ReceiptPrinterEmulator, printer: EscPosPrinter, condition: str
) -> None:
    setup = next(case[1] for case in STATUS_CASES if case[0] == condition)
    setup(emulator)
    result = printer.print_document(standard_receipt())
    assert not result.ok
    assert "not ready" in result.reason
    assert emulator.receipts() == []


def test_paper_running_out_mid_job_fails_the_job_and_reprint_after_refill_succeeds(
    emulator: ReceiptPrinterEmulator, printer: EscPosPrinter
) -> None:
    emulator.run_out_after_lines(4)
    failed = printer.print_document(standard_receipt())
    assert not failed.ok
    assert "paper out" in failed.reason
    assert printer.status.media is MediaStatus.OUT
    assert emulator.receipts() == []

    emulator.set_paper("ok")
    again = printer.reprint_last()
    assert again.ok, again.reason
    assert emulator.wait_for_receipts(1, timeout_s=5)
    assert emulator.receipts()[0]["text"][0] == "受理回执"


def test_reprint_without_a_previous_job_is_a_failed_result(printer: EscPosPrinter) -> None:
    result = printer.reprint_last()
    assert not result.ok
    assert "nothing to reprint" in result.reason


def test_status_changes_are_published_while_idle(emulator: ReceiptPrinterEmulator) -> None:
    device = EscPosPrinter(
        SerialTransport(emulator.port),
        timings=PrinterTimings(status_reply_s=0.2, poll_interval_s=0.02),
    )
    seen = threading.Event()

    def on_event(event: DeviceEvent) -> None:
        if isinstance(event, StatusChanged) and event.status.media is MediaStatus.LOW:
            seen.set()

    device.events.subscribe(on_event)
    device.open()
    try:
        emulator.set_paper("low")
        assert seen.wait(timeout=5)
    finally:
        device.close()


def test_printer_that_never_answers_is_unknown_without_hanging() -> None:
    master, slave = os.openpty()
    try:
        device = EscPosPrinter(SerialTransport(os.ttyname(slave)), timings=FAST)
        started = time.monotonic()
        device.open()
        device.close()
        assert time.monotonic() - started < 2
        assert device.status.media is MediaStatus.UNKNOWN
        assert device.status.state is DeviceState.OFFLINE
    finally:
        os.close(master)
        os.close(slave)


def test_missing_port_is_a_device_error_and_no_device_status() -> None:
    device = EscPosPrinter(SerialTransport("/dev/does-not-exist"), timings=FAST)
    with pytest.raises(Exception, match="cannot open printer port"):
        device.open()
    assert device.status.state is DeviceState.NO_DEVICE


def test_network_transport_prints_through_emulator_tcp_port(
    emulator: ReceiptPrinterEmulator,
) -> None:
    assert emulator.tcp_port is not None
    device = EscPosPrinter(NetworkTransport("127.0.0.1", emulator.tcp_port), timings=FAST)
    device.open()
    try:
        emulator.set_paper("low")
        assert device.status.state is DeviceState.ONLINE
        assert device.refresh_status().media is MediaStatus.LOW
        assert device.print_document(Document().line("网络打印").cut()).ok
        assert emulator.wait_for_receipts(1, timeout_s=5)
        assert emulator.receipts()[0]["text"] == ["网络打印"]
    finally:
        device.close()
