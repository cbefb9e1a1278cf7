"""Paging: pages never exceed the budget, keep the order, and refuse an impossible budget."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.catalogue.model import FieldOption
from kiosk.forms.fields import FieldSpec, FieldType
from kiosk.forms.paging import PORTRAIT_BUDGET, field_height, page_of, paginate

_specs = st.builds(
    FieldSpec,
    id=st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
    label=st.just("label"),
    type=st.sampled_from(FieldType),
    required=st.booleans(),
    options=st.lists(st.builds(FieldOption, st.just("v"), st.just("l")), max_size=12).map(tuple),
    help=st.sampled_from(["", "help"]),
)


def test_portrait_budget_is_what_the_keyboard_leaves_of_1920() -> None:
    assert PORTRAIT_BUDGET == 768


@given(st.lists(_specs, max_size=40), st.integers(min_value=400, max_value=1800))
def test_no_page_exceeds_the_budget_and_fields_keep_their_order(
    fields: list[FieldSpec], budget: int
) -> None:
    pages = paginate(fields, budget)
    assert all(0 < p.height <= budget for p in pages)
    assert all(p.height == sum(field_height(f) for f in p.fields) for p in pages)
    assert [f for p in pages for f in p.fields] == fields
    for first, second in pairwise(pages):
        assert first.height + field_height(second.fields[0]) > budget


def test_a_budget_below_one_field_is_a_configuration_error() -> None:
    textarea = FieldSpec("remark", "备注", FieldType.TEXTAREA, False)
    with pytest.raises(ValueError, match="remark"):
        paginate([textarea], field_height(textarea) - 1)


def test_many_options_become_a_one_line_picker_and_page_of_finds_a_field() -> None:
    few = FieldSpec("a", "a", FieldType.SELECT, True, options=(FieldOption("1", "一"),) * 6)
    many = FieldSpec("b", "b", FieldType.SELECT, True, options=(FieldOption("1", "一"),) * 7)
    assert field_height(many) < field_height(few)
    pages = paginate([few, many, few], field_height(few) + field_height(many))
    assert page_of(pages, "b") == 0 and page_of(pages, "zzz") is None
    assert len(pages) == 2
