"""The answers of a rating: levels, reasons at 不满意 or below, the comment's limit and text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from kiosk.evaluation.answers import (
    COMMENT_LIMIT,
    EvaluationDraft,
    Problem,
    Rating,
    clean_comment,
    needs_reasons,
)
from kiosk.evaluation.service import Served, ServedItem, ServiceKind

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SERVED = Served(
    ServiceKind.APPLY, (ServedItem("M1", "事项一", "ZJ1"), ServedItem("M2", "事项二", "ZJ2"))
)


def test_only_dissatisfied_and_below_need_reasons() -> None:
    low = [r for r in Rating if needs_reasons(r)]
    assert low == [Rating.DISSATISFIED, Rating.VERY_DISSATISFIED]
    assert Rating.VERY_SATISFIED == 5, "the contract's 5 is the best"


def test_two_stars_need_a_reason_four_do_not() -> None:
    draft = EvaluationDraft(SERVED)
    assert draft.problem() is Problem.NO_RATING
    draft.rate(Rating.DISSATISFIED)
    assert draft.problem() is Problem.REASONS_REQUIRED
    draft.toggle_reason("等待时间过长")
    assert draft.problem() is None
    draft.rate(Rating.SATISFIED)
    assert draft.reasons == () and draft.problem() is None


def test_one_evaluation_per_application_with_the_answers() -> None:
    draft = EvaluationDraft(SERVED)
    draft.rate(Rating.VERY_DISSATISFIED)
    draft.toggle_reason("其他")
    draft.write("  太慢了\n")
    bodies = draft.evaluations(NOW, "T-1")
    assert [b.application_no for b in bodies] == ["ZJ1", "ZJ2"]
    assert {(b.rating, b.reasons, b.comment, b.terminal_id) for b in bodies} == {
        (1, ("其他",), "太慢了", "T-1")
    }
    assert bodies[0].to_json()["channel"] == "kiosk"


def test_a_visit_without_applications_is_keyed_by_its_id() -> None:
    served = Served(ServiceKind.APPLY, (ServedItem("M1", "事项一"),), visit_id="L-1")
    assert served.keys == ("visit:L-1",)
    assert SERVED.keys == ("ZJ1", "ZJ2")


def test_a_comment_is_counted_in_characters_even_rare_ones() -> None:
    draft = EvaluationDraft(SERVED)
    draft.rate(Rating.SATISFIED)
    draft.write("𠀀" * COMMENT_LIMIT)  # CJK extension B: one character each, four UTF-8 bytes
    assert draft.problem() is None
    draft.write("𠀀" * (COMMENT_LIMIT + 1))
    assert draft.problem() is Problem.COMMENT_TOO_LONG


def test_control_characters_and_lone_surrogates_are_dropped() -> None:
    assert clean_comment("好\x00\x1b[31m评\ud800\n很好\u200b ") == "好[31m评\n很好\u200b "


@given(st.text(), st.sampled_from(list(Rating)))
def test_any_comment_is_sent_or_refused_never_a_traceback(comment: str, rating: Rating) -> None:
    draft = EvaluationDraft(SERVED)
    draft.rate(rating)
    draft.toggle_reason("其他")
    draft.write(comment)
    problem = draft.problem()
    if problem is None:
        for body in draft.evaluations(NOW, "T-1"):
            encoded = json.dumps(body.to_json(), ensure_ascii=False).encode("utf-8")
            assert len(json.loads(encoded).get("comment", "")) <= COMMENT_LIMIT
    else:
        assert problem is Problem.COMMENT_TOO_LONG
        assert len(draft.sent_comment) > COMMENT_LIMIT
