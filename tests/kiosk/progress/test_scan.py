"""Sorting a scanned code: only a receipt's progress code opens an application."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.progress.scan import ForeignCode, classify
from kiosk.receipts.progress import ProgressQuery, progress_payload

BASE = "https://zwfw.zj.gov.cn/progress"
QUERY = ProgressQuery("ZW2026113000000001AB12", "K7P2Q9")
RECEIPT = progress_payload(QUERY, BASE)


def test_a_receipts_code_opens_its_application_whatever_the_scanners_suffix() -> None:
    assert classify(RECEIPT, BASE) == QUERY
    assert classify(RECEIPT + "\r\n", BASE) == QUERY


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", ForeignCode.EMPTY),
        ("  \r\n", ForeignCode.EMPTY),
        (RECEIPT[:-3], ForeignCode.DAMAGED_RECEIPT),
        (RECEIPT[: len(BASE) + 10], ForeignCode.DAMAGED_RECEIPT),
        (RECEIPT.replace("K7P2Q9", "k7p2q9"), ForeignCode.DAMAGED_RECEIPT),
        (RECEIPT + "&x=1", ForeignCode.DAMAGED_RECEIPT),
        (RECEIPT.replace("https://", "http://"), ForeignCode.DAMAGED_RECEIPT),
        ("https://evil.example/progress?no=ZW2026113000000001AB12&code=K7P2Q9",
         ForeignCode.DAMAGED_RECEIPT),
        ("134567890123456789", ForeignCode.PAYMENT_CODE),
        ("284567890123456789", ForeignCode.PAYMENT_CODE),
        ("wxp://f2f0abcdef", ForeignCode.PAYMENT_CODE),
        ("https://qr.alipay.com/bax01234", ForeignCode.PAYMENT_CODE),
        ("zjzwfw://login?token=resident", ForeignCode.LOGIN_CODE),
        ("https://www.zj.gov.cn/", ForeignCode.WEB_ADDRESS),
        ("www.example.com", ForeignCode.WEB_ADDRESS),
        ("http://[::1", ForeignCode.WEB_ADDRESS),
        ("6901234567892", ForeignCode.UNKNOWN),
        ("你好", ForeignCode.UNKNOWN),
    ],
)
def test_anything_else_says_what_it_was(text: str, kind: ForeignCode) -> None:
    assert classify(text, BASE) is kind


@given(st.text())
def test_an_arbitrary_scan_is_never_a_traceback_and_opens_only_a_receipts_code(
    text: str,
) -> None:
    found = classify(text, BASE)
    if isinstance(found, ProgressQuery):
        assert progress_payload(found, BASE) == text.strip()
    else:
        assert isinstance(found, ForeignCode)


@given(st.from_regex(r"[0-9A-Z]{8,50}", fullmatch=True),
       st.from_regex(r"[0-9A-Z]{6}", fullmatch=True))
def test_every_receipt_code_round_trips(number: str, code: str) -> None:
    query = ProgressQuery(number, code)
    assert classify(progress_payload(query, BASE), BASE) == query
