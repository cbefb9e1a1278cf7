"""Parsing RFC 9457 problems: whatever the body, a typed error and never a crash."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from kiosk.platform.errors import MalformedResponse, PlatformError, parse_problem

text = st.text(max_size=40)
field_errors = st.lists(st.fixed_dictionaries({"field": text, "message": text}), max_size=4)
problems = st.fixed_dictionaries(
    {"type": text, "title": text, "status": st.integers(400, 599), "code": text},
    optional={"detail": text, "errors": field_errors},
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=10,
)


@given(problems, st.integers(400, 599))
def test_a_valid_problem_keeps_code_detail_and_field_errors(problem: dict, status: int) -> None:
    error = parse_problem(status, json.dumps(problem).encode())
    assert isinstance(error, PlatformError)
    assert (error.status, error.code) == (status, problem["code"])
    assert error.detail == problem.get("detail", "")
    assert [(e.field, e.message) for e in error.errors] == [
        (e["field"], e["message"]) for e in problem.get("errors", [])
    ]
    assert error.to_json()["code"] == problem["code"]


@given(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_other_body_is_malformed_never_a_crash(body: bytes) -> None:
    try:
        error = parse_problem(500, body)
    except MalformedResponse as exc:
        assert exc.status == 500
    else:
        assert isinstance(error.code, str)


@given(problems, st.sampled_from(["code", "title", "status", "type"]))
def test_a_problem_missing_a_required_member_is_malformed(problem: dict, member: str) -> None:
    del problem[member]
    try:
        parse_problem(400, json.dumps(problem).encode())
    except MalformedResponse:
        return
    raise AssertionError("accepted a problem without " + member)
