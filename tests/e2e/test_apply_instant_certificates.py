"""End to end: an instant matter whose result is a certificate prints it on A4 after the
receipt, and the done screen says it printed only when the A4 job confirmed it."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.e2e.test_apply_journeys import _printed, _to_review, _verified
from tests.e2e.test_certificates import _jobs, _qr_codes, _text

MATTER_INSTANT = "113301090025001179407177803000"
"""生育登记: instant, printed at the terminal (its result carries a verify URL)."""


def _submitted(kiosk: Any) -> str:
    """Verified, filled, confirmed: the done screen; the application's number."""
    _verified(kiosk, MATTER_INSTANT)
    _to_review(kiosk)
    kiosk.intent("apply_confirm")
    kiosk.wait_screen("apply_done", 60000)
    number: str = kiosk.app.machine.view.application.application_nos[0]
    kiosk.qtbot.waitUntil(lambda: _printed(kiosk, number), timeout=15000)
    return number


def _verify_url(kiosk: Any) -> str:
    outcome = kiosk.app.machine.session.application.outcome
    url: str = outcome.applications[0].result_document.verify_url
    assert url.startswith("https://")
    return url


def test_instant_certificate_prints_on_a4_with_its_verify_qr(kiosk: Any, tmp_path: Path) -> None:
    _submitted(kiosk)
    verify_url = _verify_url(kiosk)

    jobs = _jobs(kiosk)
    assert len(jobs) == 1
    pdf = Path(jobs[0]["path"])
    assert "生育登记" in _text(pdf)
    assert _qr_codes(pdf, tmp_path) == [verify_url]
    assert not _printed(kiosk, verify_url), "the certificate is not also a receipt slip"
    [certificate] = kiosk.app.ui.apply.certificates
    assert "A4" in certificate["note"] and certificate["qr"] == ""


def test_a4_failure_shows_the_verify_qr_and_the_window_never_printed(kiosk: Any) -> None:
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/a4-printer", {"fail_next": "media-empty"})
    )
    assert status == 200
    _submitted(kiosk)

    assert _jobs(kiosk) == [], "the aborted job kept no PDF"
    [certificate] = kiosk.app.ui.apply.certificates
    assert "请到人工窗口打印" in certificate["note"]
    assert "送出" not in certificate["note"]
    assert unquote(certificate["qr"].removeprefix("image://qr/")) == _verify_url(kiosk)
    _, state = kiosk.call_off_gui(lambda: kiosk.control("GET", "/ui/state"))
    texts = [i["text"] for i in state["items"] if i["kind"] == "text"]
    assert any("请到人工窗口打印" in t for t in texts)
