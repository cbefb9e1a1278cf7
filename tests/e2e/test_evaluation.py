"""End to end: 好差评 after an application and after a certificate print, and home's 评价 tile,
through the UI automation routes, counted at the simulated platform."""

from __future__ import annotations

from typing import Any

from tests.e2e.test_apply_journeys import MATTER_PROMISED, _to_review, _verified
from tests.e2e.test_certificates import _to_preview


def _tap(kiosk: Any, name: str) -> None:
    status, answer = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/ui/tap", {"object_name": name})
    )
    assert status == 200, answer


def _state(kiosk: Any) -> dict[str, Any]:
    status, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    assert status == 200
    return dict(state)


def _primary(state: dict[str, Any]) -> list[str]:
    return [i["object_name"] for i in state["items"] if i.get("primary")]


def _texts(state: dict[str, Any]) -> list[str]:
    return [i["text"] for i in state["items"] if i["kind"] == "text"]


def _evaluations(kiosk: Any) -> list[tuple[str, int, str]]:
    with kiosk.app.backend.platform_sim.service.store.transaction() as db:
        rows = db.execute("SELECT application_no, rating, body FROM evaluations").fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def test_rating_an_application_with_reasons_then_the_tile_says_it_was_rated(kiosk: Any) -> None:
    _verified(kiosk, MATTER_PROMISED)
    _to_review(kiosk)
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 30000)
    (number,) = kiosk.app.machine.view.application.application_nos
    assert _primary(_state(kiosk)) == ["action_finish"]
    _tap(kiosk, "action_finish")
    kiosk.wait_screen("evaluation_rating")
    state = _state(kiosk)
    assert {"非常满意", "满意", "基本满意", "不满意", "非常不满意"} <= set(_texts(state))
    assert _primary(state) == [], "five equal choices: no face is pressed on the citizen"
    _tap(kiosk, "face_2")
    kiosk.wait_screen("evaluation_reasons")
    _tap(kiosk, "action_apply_next")
    assert "请至少选择一项原因。" in _texts(_state(kiosk))
    _tap(kiosk, "reason_0")
    _tap(kiosk, "action_apply_next")
    kiosk.wait_screen("evaluation_comment")
    status, _ = kiosk.call_off_gui(lambda: kiosk.control(
        "POST", "/ui/type", {"object_name": "evaluation_comment", "text": "排队𠀀太久"}
    ))
    assert status == 200
    assert _primary(_state(kiosk)) == ["action_evaluation_send"]
    _tap(kiosk, "action_evaluation_send")
    kiosk.wait_screen("evaluation_thanks", 20000)
    (rated,) = _evaluations(kiosk)
    assert rated[:2] == (number, 2)
    assert "排队𠀀太久" in rated[2] and "办事指南不清楚" in rated[2]

    kiosk.intent("home")
    kiosk.wait_screen("home")
    kiosk.intent("home.evaluation")  # the resident's card is still on the reader
    kiosk.wait_screen("evaluation_already", 20000)
    assert len(_evaluations(kiosk)) == 1


def test_rating_a_printed_certificate(kiosk: Any) -> None:
    _to_preview(kiosk)
    kiosk.intent("print_certificate")
    kiosk.wait_screen("certificate_printed", 20000)
    number = kiosk.app.machine.view.certificate.application_no
    _tap(kiosk, "action_finish")
    kiosk.wait_screen("evaluation_rating")
    _tap(kiosk, "face_5")
    kiosk.wait_screen("evaluation_comment")
    _tap(kiosk, "action_evaluation_send")
    kiosk.wait_screen("evaluation_thanks", 20000)
    assert [r[:2] for r in _evaluations(kiosk)] == [(number, 5)]
