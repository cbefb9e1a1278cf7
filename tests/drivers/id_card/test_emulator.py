"""The emulator on the wire: byte-exact answers over a real pty, faults, fixtures API."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from drivers.id_card.emulator import IdCardEmulator, IdCardFault, fixtures
from drivers.id_card.protocol import BufferSource, SamCommand, encode_command, read_frame


@pytest.fixture
def wire(emulator: IdCardEmulator) -> Iterator[serial.SerialBase]:
    port = serial.serial_for_url(emulator.port, baudrate=115200, timeout=0.5)
    yield port
    port.close()


def exchange(port: serial.SerialBase, request: bytes, expected_size: int) -> bytes:
    port.reset_input_buffer()
    port.write(request)
    answer: bytes = port.read(expected_size)
    return answer


def test_find_select_read_answer_with_reference_bytes(
    emulator: IdCardEmulator, wire: serial.SerialBase
) -> None:
    find = encode_command(SamCommand.FIND)
    assert exchange(wire, find, 11) == bytes.fromhex("AAAAAA9669 0004 0000 80 84")
    emulator.place("resident")
    assert exchange(wire, find, 15) == bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")
    select = encode_command(SamCommand.SELECT)
    assert exchange(wire, select, 19) == bytes.fromhex("AAAAAA9669 000C 000090 " + "00" * 8 + "9C")
    answer = exchange(wire, encode_command(SamCommand.READ), 1295)
    assert len(answer) == 1295
    assert answer[:14] == bytes.fromhex("AAAAAA9669 0508 000090 0100 0400")


def test_read_without_select_fails_with_41(
    emulator: IdCardEmulator, wire: serial.SerialBase
) -> None:
    emulator.place("resident")
    answer = exchange(wire, encode_command(SamCommand.READ), 11)
    assert answer == bytes.fromhex("AAAAAA9669 0004 0000 41 45")


def test_select_without_a_card_fails_with_81(wire: serial.SerialBase) -> None:
    answer = exchange(wire, encode_command(SamCommand.SELECT), 11)
    assert answer == bytes.fromhex("AAAAAA9669 0004 0000 81 85")


def test_command_with_bad_checksum_is_answered_10(wire: serial.SerialBase) -> None:
    bad = bytes.fromhex("AAAAAA9669 0003 10FF 00")
    assert exchange(wire, bad, 11) == bytes.fromhex("AAAAAA9669 0004 0000 10 14")


def test_unknown_command_is_answered_21(wire: serial.SerialBase) -> None:
    bad = bytes.fromhex("AAAAAA9669 0003 7777 03")
    assert exchange(wire, bad, 11)[9] == 0x21


def test_faults_change_the_answers(emulator: IdCardEmulator, wire: serial.SerialBase) -> None:
    reset = encode_command(SamCommand.RESET)
    emulator.inject_fault("sam_self_test_failure")
    assert exchange(wire, reset, 11)[9] == 0x60
    emulator.clear_faults()
    emulator.inject_fault(IdCardFault.CHECKSUM_ERROR)
    assert exchange(wire, reset, 11) == bytes.fromhex("AAAAAA9669 0004 0000 90") + bytes(
        [0x94 ^ 0xFF]
    )
    emulator.clear_faults()
    emulator.inject_fault("cut_frame")
    assert exchange(wire, reset, 11) == bytes.fromhex("AAAAAA9669")
    emulator.clear_faults()
    emulator.inject_fault("silence")
    assert exchange(wire, reset, 11) == b""
    emulator.clear_faults()
    emulator.inject_fault("garbage")
    wire.reset_input_buffer()
    wire.write(reset)
    frame = read_frame(BufferSource(wire.read(11 + 32)), 0, 0)
    assert frame.body == b"\x00\x00\x90"


def test_unknown_fault_names_the_known_ones(emulator: IdCardEmulator) -> None:
    with pytest.raises(ValueError, match="cut_frame"):
        emulator.inject_fault("meltdown")


def test_fixtures_are_listed_and_placeable_by_name(emulator: IdCardEmulator) -> None:
    names = fixtures()
    assert {"resident", "long_term", "expired", "rare_name", "face_mismatch"} <= set(names)
    assert {"foreign_permanent", "hk_macao_taiwan"} <= set(names)
    for name in names:
        emulator.place(name)
        assert emulator.card is not None
    emulator.remove()
    assert emulator.card is None
    with pytest.raises(ValueError, match="known: "):
        emulator.place("nobody")


def test_link_path_survives_a_restart(tmp_path: Path) -> None:
    link = tmp_path / "reader"
    emu = IdCardEmulator(link_path=link)
    emu.start()
    assert os.path.realpath(link).startswith("/dev/pts/")
    emu.stop()
    assert not link.exists()
    emu.start()
    try:
        assert emu.port == str(link)
        assert link.is_symlink()
    finally:
        emu.stop()
