"""适老模式 in the kiosk view-model: the flag QML binds Theme to, the tile's words, and the
header's line saying where a person helps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from tests.kiosk.flow.helpers import FakeClock, all_online
from ui.bridge.kiosk_vm import KioskViewModel

WINDOW = "综合受理区 1–8 号窗口"
PHONE = "0571-12345"


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), devices=all_online())


def model(machine: FlowMachine, window: str) -> KioskViewModel:
    return KioskViewModel(machine.view, machine.dispatch, "大厅", PHONE, help_window=window)


@pytest.fixture
def vm(qapp: Any, machine: FlowMachine) -> Iterator[KioskViewModel]:
    kiosk = model(machine, WINDOW)
    unsubscribe = machine.on_view(kiosk.set_view)
    yield kiosk
    unsubscribe()


def tile(vm: KioskViewModel) -> dict[str, str]:
    return next(e for e in vm.homeEntries if e["id"] == "elderly_mode")


def test_the_tile_switches_the_mode_and_says_so_in_words(vm: KioskViewModel) -> None:
    assert not vm.elderly
    assert tile(vm)["label"] == "适老模式"
    vm.intent("home.elderly_mode")
    assert vm.elderly
    assert tile(vm)["label"] == "退出适老模式"
    assert "已开启" in tile(vm)["hint"]
    vm.intent("home.elderly_mode")
    assert not vm.elderly
    assert tile(vm)["label"] == "适老模式"


def test_the_header_names_the_window_and_phone_only_in_elderly_mode(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    assert vm.helpLine == ""
    vm.intent("home.elderly_mode")
    assert WINDOW in vm.helpLine and PHONE in vm.helpLine
    machine.dispatch(ev.OpenCatalogue())
    assert WINDOW in vm.helpLine
    vm.quit()
    assert vm.helpLine == ""
    assert not vm.elderly


def test_without_a_named_window_the_hall_staff_and_phone_help(
    qapp: Any, machine: FlowMachine
) -> None:
    kiosk = model(machine, "")
    machine.on_view(kiosk.set_view)
    kiosk.intent("home.elderly_mode")
    assert "工作人员" in kiosk.helpLine and PHONE in kiosk.helpLine
