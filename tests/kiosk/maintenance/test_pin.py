"""The technician PIN: hashed only, 5 wrong → 5 minutes locked, surviving a restart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st

from kiosk.maintenance.__main__ import main
from kiosk.maintenance.pin import (
    Granted,
    LockedOut,
    NoPinSet,
    PinFormatError,
    PinGuard,
    WrongPin,
    hash_pin,
    pin_matches,
    valid_pin_hash,
)

CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # tests only
PIN = "246810"
PIN_HASH = hash_pin(PIN, CHEAP)


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def guard(tmp_path: Path, clock: FakeClock, pin_hash: str = PIN_HASH) -> PinGuard:
    return PinGuard(pin_hash, tmp_path / "pin.json", max_failures=5, lockout_s=300, clock=clock)


def test_the_hash_is_argon2id_and_does_not_contain_the_pin() -> None:
    assert PIN_HASH.startswith("$argon2id$")
    assert PIN not in PIN_HASH
    assert valid_pin_hash(PIN_HASH)
    assert pin_matches(PIN_HASH, PIN)
    assert not pin_matches(PIN_HASH, "246811")


def test_a_malformed_hash_matches_nothing() -> None:
    assert not valid_pin_hash("246810")
    assert not pin_matches("$argon2id$garbage", PIN)


@given(
    st.text(max_size=20).filter(lambda s: not (s.isascii() and s.isdigit() and 6 <= len(s) <= 12))
)
def test_only_6_to_12_digits_are_pins(text: str) -> None:
    with pytest.raises(PinFormatError):
        hash_pin(text, CHEAP)


def test_the_right_pin_is_granted(tmp_path: Path) -> None:
    assert guard(tmp_path, FakeClock()).check(PIN) == Granted()


def test_without_a_configured_hash_nothing_is_granted(tmp_path: Path) -> None:
    assert guard(tmp_path, FakeClock(), pin_hash="").check(PIN) == NoPinSet()


def test_five_wrong_pins_lock_out_even_the_right_one_for_five_minutes(tmp_path: Path) -> None:
    clock = FakeClock()
    pins = guard(tmp_path, clock)
    results = [pins.check("000000") for _ in range(5)]
    assert results == [WrongPin(4), WrongPin(3), WrongPin(2), WrongPin(1), LockedOut(300)]
    clock.now += 299
    assert pins.check(PIN) == LockedOut(1)
    assert pins.locked_out_for() == 1
    clock.now += 1
    assert pins.locked_out_for() == 0
    assert pins.check(PIN) == Granted()


def test_after_a_lockout_the_count_starts_again(tmp_path: Path) -> None:
    clock = FakeClock()
    pins = guard(tmp_path, clock)
    for _ in range(5):
        pins.check("000000")
    clock.now += 300
    assert pins.check("000000") == WrongPin(4)


def test_a_right_pin_clears_the_count(tmp_path: Path) -> None:
    pins = guard(tmp_path, FakeClock())
    for _ in range(4):
        pins.check("000000")
    assert pins.check(PIN) == Granted()
    assert pins.check("000000") == WrongPin(4)


def test_the_count_and_the_lockout_survive_a_restart(tmp_path: Path) -> None:
    clock = FakeClock()
    for _ in range(3):
        guard(tmp_path, clock).check("000000")
    assert guard(tmp_path, clock).check("000000") == WrongPin(1)
    assert guard(tmp_path, clock).check("000000") == LockedOut(300)
    clock.now += 120
    assert guard(tmp_path, clock).check(PIN) == LockedOut(180)


def test_a_clock_set_back_does_not_lengthen_the_lockout(tmp_path: Path) -> None:
    clock = FakeClock()
    pins = guard(tmp_path, clock)
    for _ in range(5):
        pins.check("000000")
    clock.now -= 86_400
    assert pins.check(PIN) == LockedOut(300)


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"failures": "many"}'])
def test_a_damaged_state_file_locks_out_then_recovers(tmp_path: Path, content: bytes) -> None:
    clock = FakeClock()
    (tmp_path / "pin.json").write_bytes(content)
    pins = guard(tmp_path, clock)
    assert pins.check(PIN) == LockedOut(300)
    clock.now += 300
    assert pins.check(PIN) == Granted()


def test_the_cli_prints_a_hash_of_the_pin_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("13579246\n"))
    assert main(["hash-pin"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith('pin_hash = "$argon2id$')
    assert pin_matches(line.split('"')[1], "13579246")


def test_the_cli_refuses_a_pin_that_is_not_digits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("abc\n"))
    assert main(["hash-pin"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "6 to 12 digits" in captured.err
