"""The serial scanner driver against the pty emulator: scans, encodings, faults, triggers."""

from __future__ import annotations

import time

import pytest

from drivers.base import DeviceError, DeviceState
from drivers.scanner.serial_scanner import SerialScanner
from drivers.scanner.types import (
    MAX_PAYLOAD_BYTES,
    TRIGGER_OFF,
    TRIGGER_ON,
    ScanError,
    Scanned,
    ScannerSettings,
    Suffix,
)

from .helpers import FAST, FakeClock, scanner_rig


@pytest.mark.parametrize("suffix", list(Suffix))
def test_payload_is_read_up_to_each_configured_suffix(suffix: Suffix) -> None:
    with scanner_rig(suffix) as rig:
        rig.emulator.scan("ZWFW-2024-000123")
        rig.emulator.scan("https://zwfw.example.gov.cn/q/7Hk2pQ")
        assert rig.next_event(Scanned) == Scanned("ZWFW-2024-000123")
        assert rig.next_event(Scanned) == Scanned("https://zwfw.example.gov.cn/q/7Hk2pQ")


def test_scanner_is_online_after_open() -> None:
    with scanner_rig() as rig:
        assert rig.scanner.status.state is DeviceState.ONLINE


def test_chinese_utf8_payload_is_decoded() -> None:
    with scanner_rig(Suffix.CRLF) as rig:
        rig.emulator.scan("预约号：A0427 市民中心政务服务大厅")
        assert rig.next_event(Scanned) == Scanned("预约号：A0427 市民中心政务服务大厅")


def test_gb18030_payload_is_decoded_when_not_utf8() -> None:
    with scanner_rig() as rig:
        rig.emulator.scan_bytes("居住证申领 𠀾".encode("gb18030"))
        assert rig.next_event(Scanned) == Scanned("居住证申领 𠀾")


def test_identical_repeat_within_window_is_dropped() -> None:
    clock = FakeClock()
    with scanner_rig(repeat_window_s=1.0, clock=clock) as rig:
        rig.emulator.scan("PAY-285012345678901234")
        assert rig.next_event(Scanned).text == "PAY-285012345678901234"
        clock.now += 0.5
        rig.emulator.scan("PAY-285012345678901234")
        rig.emulator.scan("OTHER")
        assert rig.next_event(Scanned) == Scanned("OTHER")


def test_same_code_after_the_window_is_published_again() -> None:
    clock = FakeClock()
    with scanner_rig(repeat_window_s=1.0, clock=clock) as rig:
        rig.emulator.scan("A")
        rig.next_event(Scanned)
        clock.now += 1.5
        rig.emulator.scan("A")
        assert rig.next_event(Scanned) == Scanned("A")


def test_reset_lets_the_same_code_through_at_once() -> None:
    clock = FakeClock()
    with scanner_rig(clock=clock) as rig:
        rig.emulator.scan("A")
        rig.next_event(Scanned)
        rig.scanner.reset()
        rig.emulator.scan("A")
        assert rig.next_event(Scanned) == Scanned("A")


def test_garbage_is_a_scan_error_and_the_next_scan_reads_cleanly() -> None:
    with scanner_rig() as rig:
        rig.emulator.inject_fault("garbage")
        rig.emulator.scan("NEXT")
        assert isinstance(rig.next_event(ScanError), ScanError)
        assert rig.next_event(Scanned) == Scanned("NEXT")


def test_invalid_utf8_and_gb18030_is_a_scan_error_without_the_content() -> None:
    with scanner_rig() as rig:
        rig.emulator.inject_fault("invalid_utf8")
        error = rig.next_event(ScanError)
        assert "neither UTF-8 nor GB18030" in error.reason
        assert "invalid" not in error.reason


def test_missing_suffix_is_dropped_as_incomplete_and_the_stream_recovers() -> None:
    with scanner_rig() as rig:
        rig.emulator.inject_fault("missing_suffix")
        error = rig.next_event(ScanError)
        assert "incomplete" in error.reason
        rig.emulator.scan("AFTER")
        assert rig.next_event(Scanned) == Scanned("AFTER")


def test_over_long_payload_is_an_error_and_the_stream_resyncs_at_the_next_suffix() -> None:
    with scanner_rig(Suffix.LF) as rig:
        rig.emulator.inject_fault("over_long")
        rig.emulator.scan("AFTER")
        error = rig.next_event(ScanError)
        assert str(MAX_PAYLOAD_BYTES) in error.reason
        assert rig.next_event(Scanned) == Scanned("AFTER")
        assert rig.no_event(ScanError, within=0.15)


def test_payload_of_exactly_the_cap_is_accepted() -> None:
    with scanner_rig() as rig:
        rig.emulator.scan("Q" * MAX_PAYLOAD_BYTES)
        assert rig.next_event(Scanned) == Scanned("Q" * MAX_PAYLOAD_BYTES)


def test_disconnect_makes_the_scanner_offline() -> None:
    with scanner_rig() as rig:
        rig.emulator.inject_fault("disconnect")
        changed = rig.wait_state(DeviceState.OFFLINE)
        assert "lost" in changed.status.detail
        assert rig.scanner.status.state is DeviceState.OFFLINE


def test_reopening_a_vanished_port_is_no_device() -> None:
    with scanner_rig() as rig:
        rig.emulator.inject_fault("disconnect")
        rig.wait_state(DeviceState.OFFLINE)
        with pytest.raises(DeviceError):
            rig.scanner.open()
        assert rig.scanner.status.state is DeviceState.NO_DEVICE


def test_opening_a_missing_port_is_no_device_with_a_message() -> None:
    scanner = SerialScanner(ScannerSettings("/dev/ttyNO-SUCH-SCANNER"), FAST)
    with pytest.raises(DeviceError, match="ttyNO-SUCH-SCANNER"):
        scanner.open()
    assert scanner.status.state is DeviceState.NO_DEVICE


def test_manual_trigger_sends_honeywell_commands_and_gates_scans() -> None:
    with scanner_rig(manual_trigger=True) as rig:
        assert not rig.emulator.scan("BEFORE")
        rig.scanner.start_scan()
        deadline = time.monotonic() + 2
        while not rig.emulator.triggered and time.monotonic() < deadline:
            time.sleep(0.01)
        assert rig.emulator.scan("DURING")
        assert rig.next_event(Scanned) == Scanned("DURING")
        rig.scanner.stop_scan()
        while rig.emulator.triggered and time.monotonic() < deadline:
            time.sleep(0.01)
        assert rig.emulator.commands == [TRIGGER_ON, TRIGGER_OFF]
        assert not rig.emulator.scan("AFTER")


def test_trigger_commands_are_not_sent_to_auto_sense_scanners() -> None:
    with scanner_rig(manual_trigger=False) as rig:
        rig.scanner.start_scan()
        rig.emulator.scan("X")
        rig.next_event(Scanned)
        assert rig.emulator.commands == []


def test_unknown_fault_name_is_rejected() -> None:
    with scanner_rig() as rig, pytest.raises(ValueError):
        rig.emulator.inject_fault("melted")


def test_replugged_scanner_can_be_reopened_under_the_same_port() -> None:
    with scanner_rig() as rig:
        rig.emulator.inject_fault("disconnect")
        rig.wait_state(DeviceState.OFFLINE)
        assert not rig.emulator.scan("WHILE-UNPLUGGED")
        rig.emulator.reconnect()
        rig.scanner.open()
        rig.emulator.scan("BACK")
        assert rig.next_event(Scanned) == Scanned("BACK")
