"""The progress QR payload: round trip, and the parser refuses everything else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.receipts.progress import ProgressQuery, check_base, parse_progress, progress_payload

BASE = "https://zwfw.sim.invalid/progress"
numbers = st.from_regex(r"[0-9A-Z]{8,50}", fullmatch=True)
codes = st.from_regex(r"[0-9A-Z]{6}", fullmatch=True)
queries = st.builds(ProgressQuery, numbers, codes)


@given(queries)
def test_a_payload_parses_back_to_its_query(query: ProgressQuery) -> None:
    payload = progress_payload(query, BASE)
    assert payload == f"{BASE}?no={query.application_no}&code={query.query_code}"
    assert parse_progress(payload, BASE) == query


@given(st.text(max_size=120))
def test_arbitrary_text_is_refused_unless_it_is_exactly_a_payload(text: str) -> None:
    parsed = parse_progress(text, BASE)
    assert parsed is None or progress_payload(parsed, BASE) == text


@given(
    queries,
    st.sampled_from(
        [
            lambda p: p + "&x=1",
            lambda p: p + "#top",
            lambda p: p + "\n",
            lambda p: " " + p,
            lambda p: p.lower(),
            lambda p: p.replace("https://", "http://"),
            lambda p: p.replace("zwfw.sim.invalid", "evil.example"),
            lambda p: p.replace("/progress", "/progress/"),
            lambda p: p.replace("?no=", "?No="),
            lambda p: p.replace("no=", "no=%41"),
            lambda p: "zjzwfw://progress?" + p.split("?", 1)[1],
            lambda p: (
                BASE + "?code=" + p.split("code=")[1] + "&no=" + p.split("no=")[1].split("&")[0]
            ),
            lambda p: p[:-1],
        ]
    ),
)
def test_tampered_payloads_are_refused(query: ProgressQuery, tamper: object) -> None:
    payload = tamper(progress_payload(query, BASE))  # type: ignore[operator]
    assert parse_progress(payload, BASE) is None or payload == progress_payload(query, BASE)


def test_queries_and_bases_outside_the_contract_are_configuration_errors() -> None:
    with pytest.raises(ValueError):
        ProgressQuery("zw123", "ABC123")
    with pytest.raises(ValueError):
        ProgressQuery("ZW12345678", "ABC12")
    for base in (
        "http://a.b/p",
        "https://a.b/p?x=1",
        "https:///p",
        "https://a.b/p#f",
        "zjzwfw://x",
    ):
        with pytest.raises(ValueError):
            check_base(base)
