"""Which instant results are certificates for A4."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.apply.certificates import certificate_numbers, is_certificate
from kiosk.platform.models import Application, ResultDocument
from tests.kiosk.matters import matter

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PRINTED = matter("M1", type="instant", promised_days=0,
                 result_delivery=["print_at_terminal", "electronic"])


def _application(code: str = "M1", verify_url: str = "https://v.example/?no=1",
                 document: bool = True) -> Application:
    result = ResultDocument("证明", ("一行",), verify_url) if document else None
    return Application("ZJ1", "Q1", code, "证明", "completed", NOW, (), result_document=result)


def test_a_result_printed_at_the_terminal_with_a_verify_url_is_a_certificate() -> None:
    assert is_certificate([PRINTED], _application())
    assert certificate_numbers([PRINTED], [_application()]) == ("ZJ1",)


def test_a_result_without_verify_url_or_document_is_not_a_certificate() -> None:
    assert not is_certificate([PRINTED], _application(verify_url=""))
    assert not is_certificate([PRINTED], _application(document=False))


def test_a_matter_not_printing_at_the_terminal_or_another_matter_gives_none() -> None:
    electronic = matter("M1", type="instant", promised_days=0, result_delivery=["electronic"])
    assert not is_certificate([electronic], _application())
    assert not is_certificate([PRINTED], _application(code="M2"))
