"""End to end: every query-and-print matter of the seed catalogue prints a certificate whose QR
decodes back to the verify URL the platform gave (issue 13's done-when).

One kiosk walks them all, going home between matters: list → card and face → (the fields the
identity cannot answer, filled with valid generated input) → preview → A4 print.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drivers.base import DeviceClass
from entry.screenshots import fill_page
from tests.e2e.test_certificates import _jobs, _open_list, _qr_codes


def _verify(kiosk: Any) -> None:
    """The card (unless still in the reader from the matter before) and the face, to
    ``verified``."""
    kiosk.app.devices.simulator(DeviceClass.CAMERA).show("face")
    if kiosk.screen == "identity_card":
        status, _ = kiosk.call_off_gui(
            lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"})
        )
        assert status == 200
    kiosk.qtbot.waitUntil(lambda: kiosk.screen in ("face_consent", "verified"), timeout=15000)
    if kiosk.screen == "face_consent":
        kiosk.intent("consent")
    kiosk.wait_screen("verified", 20000)


def _answer_the_form(kiosk: Any) -> list[str]:
    """Fill each page the certificate asks for; the ids of the fields asked."""
    asked: list[str] = []
    while kiosk.screen == "certificate_form":
        draft = kiosk.app.machine.session.application
        asked += [spec.id for spec in draft.page_fields.fields]
        fill_page(kiosk.app)
        kiosk.intent("apply_next")
    return asked


def _print_one(kiosk: Any, code: str, tmp_path: Path) -> tuple[str, list[str]]:
    """Print matter ``code`` from the list; its certificate's verify URL and the fields asked."""
    before = len(_jobs(kiosk))
    kiosk.app.ui.certificates.open(code)
    kiosk.qtbot.waitUntil(lambda: kiosk.screen != "certificate_list", timeout=15000)
    if kiosk.screen != "verified" and not kiosk.screen.startswith("certificate_"):
        _verify(kiosk)
    if kiosk.screen == "verified":
        kiosk.intent("query_print")
    kiosk.qtbot.waitUntil(
        lambda: kiosk.screen in ("certificate_form", "certificate_preview", "certificate_list"),
        timeout=20000,
    )
    asked = _answer_the_form(kiosk)
    kiosk.wait_screen("certificate_preview", 20000)
    certificate = kiosk.app.machine.view.certificate
    assert certificate is not None and certificate.verify_url.startswith("https://")

    kiosk.intent("print_certificate")
    kiosk.wait_screen("certificate_printed", 20000)
    jobs = _jobs(kiosk)
    assert len(jobs) == before + 1, code
    pdf = Path(jobs[-1]["path"])
    page = tmp_path / code
    page.mkdir()
    assert _qr_codes(pdf, page) == [certificate.verify_url], code
    return certificate.verify_url, asked


def test_every_query_print_matter_prints_a_certificate_that_decodes_to_its_verify_url(
    kiosk: Any, tmp_path: Path
) -> None:
    _open_list(kiosk)
    codes = [str(i["code"]) for i in kiosk.app.ui.certificates.rows()]
    matters = kiosk.app.catalogue.snapshot.catalogue.matters
    assert sorted(codes) == sorted(m.code for m in matters if m.self_service == "query_print")

    urls: dict[str, str] = {}
    asked: dict[str, list[str]] = {}
    for code in codes:
        urls[code], asked[code] = _print_one(kiosk, code, tmp_path)
        kiosk.intent("home")
        kiosk.wait_screen("home")
        _open_list(kiosk)

    assert len(set(urls.values())) == len(codes), "each certificate has its own verify URL"
    dated = [code for code, fields in asked.items() if fields]
    assert dated, "the seed has a certificate whose dates only the citizen can give"
    assert all(asked[code] == ["from_date", "to_date"] for code in dated)
