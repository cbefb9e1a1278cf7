"""How a failed platform call is told to the flow: refused (4xx) apart from unreachable."""

from __future__ import annotations

import pytest

from entry.backend import refusal_code
from kiosk.platform.errors import MalformedResponse, PlatformError, PlatformUnreachable


@pytest.mark.parametrize(("status", "code"), [(422, "validation_failed"), (403, "forbidden"),
                                              (404, "not_found")])
def test_a_problem_answer_in_the_4xx_range_is_a_refusal(status: int, code: str) -> None:
    assert refusal_code(PlatformError(status, code)) == code


@pytest.mark.parametrize(
    "error",
    [PlatformError(503, "unavailable"), PlatformError(429, "too_many_requests"),
     PlatformError(408, "timeout"), PlatformUnreachable("refused"),
     MalformedResponse(200, "not JSON"), RuntimeError("bug")],
    ids=["5xx", "429", "408", "unreachable", "malformed", "bug"],
)
def test_anything_else_is_not_a_refusal(error: BaseException) -> None:
    assert refusal_code(error) is None
