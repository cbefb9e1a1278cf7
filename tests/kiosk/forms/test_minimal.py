"""Query-and-print forms answered without a form screen: prefill and first choices."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kiosk.catalogue.model import matter_from_json
from kiosk.forms.minimal import minimal_form
from platform_sim.seed.catalogue import build_catalogue

SOURCES = {"id.name": "张伟", "id.number": "33010619850312001X"}
QUERY_PRINT = [m for m in build_catalogue()["matters"] if m["self_service"] == "query_print"]


def _matter(name: str) -> Any:
    return matter_from_json(next(m for m in QUERY_PRINT if m["name"] == name))


def test_prefill_and_the_first_option_answer_a_certificate_form() -> None:
    result = minimal_form(_matter("社保缴费证明打印"), SOURCES)
    assert result.complete
    assert result.form == {
        "applicant_name": "张伟",
        "applicant_id_number": "33010619850312001X",
        "period": "12m",
        "purpose": "p1",
    }


def test_a_required_date_is_named_rather_than_guessed() -> None:
    result = minimal_form(_matter("出入境记录查询"), SOURCES)
    assert not result.complete
    assert result.unanswered == ("from_date", "to_date")


@given(st.text(max_size=40), st.text(max_size=40))
def test_any_prefill_gives_a_complete_form_or_names_what_is_missing(
    name: str, number: str
) -> None:
    result = minimal_form(_matter("户籍证明开具"), {"id.name": name, "id.number": number})
    assert result.complete or set(result.unanswered) <= {"applicant_name", "applicant_id_number"}
