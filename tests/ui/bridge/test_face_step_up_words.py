"""What ``verified`` says when the platform wants the face for a card-level application: the
heading names the step-up and the body tells the citizen the filled form is kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from kiosk.flow.machine import FlowMachine
from tests.kiosk.flow.helpers import FakeClock, all_online
from tests.kiosk.flow.test_flow_face_step_up import card_verified, refused_for_the_face
from ui.bridge.kiosk_vm import KioskViewModel


@pytest.fixture
def machine() -> FlowMachine:
    return FlowMachine(clock=FakeClock(), today=lambda: date(2026, 11, 23),
                       wall=lambda: datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
                       devices=all_online())


@pytest.fixture
def vm(qapp: Any, machine: FlowMachine) -> Iterator[KioskViewModel]:
    model = KioskViewModel(machine.view, machine.dispatch, "大厅", "0571-12345")
    unsubscribe = machine.on_view(model.set_view)
    yield model
    unsubscribe()


def test_verified_says_the_face_is_needed_and_the_filled_form_is_kept(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    refused_for_the_face(machine)
    assert vm.title == "此事项需要人脸核验"
    assert "您填写的内容已保留，核验后可直接提交" in vm.body
    assert "办理完成后请记得取走身份证" in vm.body
    assert "continue" in [a["id"] for a in vm.actions]
    assert (vm.symbol, vm.tone) == ("!", "warning")  # not the tick of a finished step


def test_verified_with_nothing_more_needed_shows_the_tick(
    machine: FlowMachine, vm: KioskViewModel
) -> None:
    card_verified(machine)
    assert (vm.symbol, vm.tone) == ("✓", "success")
