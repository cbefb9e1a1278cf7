"""The 好差评 view-model: the faces in the contract's order, the configured reasons, the
comment's count and warning, taps turned into flow events."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from kiosk.evaluation.answers import COMMENT_LIMIT
from kiosk.evaluation.service import Served, ServedItem, ServiceKind
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.states import State
from tests.kiosk.flow.helpers import FakeCard, FakeClock, all_online
from ui.bridge.evaluation_vm import EvaluationViewModel

REASONS = ("等待时间过长", "其他")
LATEST = Served(ServiceKind.LATEST, (ServedItem("M1", "居住证签注", "ZJ1"),))


@pytest.fixture
def machine() -> FlowMachine:
    m = FlowMachine(clock=FakeClock(), today=lambda: date(2026, 11, 23),
                    wall=lambda: datetime(2026, 11, 23, tzinfo=UTC), devices=all_online())
    m.dispatch(ev.OpenEvaluation())
    find = m.dispatch(ev.CardRead(FakeCard()))[-1]
    assert isinstance(find, fx.FindLatestService)
    m.dispatch(ev.LatestServiceFound(find.request_id, LATEST))
    return m


@pytest.fixture
def vm(qapp: Any, machine: FlowMachine) -> Iterator[EvaluationViewModel]:
    model = EvaluationViewModel(machine.dispatch, REASONS, lambda: machine.session.evaluation)
    model.set_view(machine.view)
    unsubscribe = machine.on_view(model.set_view)
    yield model
    unsubscribe()


def test_five_faces_best_first_with_their_words(vm: EvaluationViewModel) -> None:
    assert [(f["rating"], f["label"]) for f in vm.faces] == [
        (5, "非常满意"), (4, "满意"), (3, "基本满意"), (2, "不满意"), (1, "非常不满意"),
    ]
    assert vm.subject == "评价事项：居住证签注\n办件编号：ZJ1"


def test_a_tapped_face_and_reason_reach_the_flow(
    vm: EvaluationViewModel, machine: FlowMachine
) -> None:
    vm.rate(9)  # not a level: ignored
    assert machine.state is State.EVALUATION_RATING
    vm.rate(1)
    assert machine.state is State.EVALUATION_REASONS
    assert vm.ratingWord == "非常不满意"
    machine.dispatch(ev.NextStep())
    assert vm.problem == "请至少选择一项原因。"
    vm.toggleReason(1)
    vm.toggleReason(7)  # no such reason: ignored
    assert [r["selected"] for r in vm.reasons] == [False, True]
    assert vm.problem == ""


def test_the_comment_is_counted_and_kept_going_back(
    vm: EvaluationViewModel, machine: FlowMachine
) -> None:
    vm.rate(4)
    vm.edit("好" * (COMMENT_LIMIT + 1))
    assert vm.commentCount == f"{COMMENT_LIMIT + 1}/{COMMENT_LIMIT} 字" and vm.commentTooLong
    machine.dispatch(ev.SendEvaluation())
    assert vm.problem == "留言最多 500 字，请删减后再提交。"
    machine.dispatch(ev.Back())
    vm.rate(5)
    assert vm.comment == "好" * (COMMENT_LIMIT + 1)
