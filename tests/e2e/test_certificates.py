"""End to end: 证明打印 with simulated devices, the simulated platform and the IPP A4 printer."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import cv2
import zxingcpp

from drivers.base import DeviceClass

CERTIFICATE = "社保缴费证明打印"


def _items(kiosk: Any) -> list[dict[str, Any]]:
    return list(kiosk.app.ui.certificates.rows())


def _open_list(kiosk: Any) -> None:
    kiosk.intent("home.certificate_print")
    kiosk.wait_screen("certificate_list")
    kiosk.qtbot.waitUntil(lambda: bool(_items(kiosk)), timeout=15000)


def _code(kiosk: Any, name: str = CERTIFICATE) -> str:
    return next(str(i["code"]) for i in _items(kiosk) if i["name"] == name)


def _to_preview(kiosk: Any) -> None:
    """Home → 证明打印 → 社保缴费证明 → card and face → 查询并打印 → the preview."""
    _open_list(kiosk)
    kiosk.app.ui.certificates.open(_code(kiosk))
    kiosk.wait_screen("identity_card")
    kiosk.app.devices.simulator(DeviceClass.CAMERA).show("face")
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/id-card", {"fixture": "resident"})
    )
    assert status == 200
    kiosk.wait_screen("face_consent")
    kiosk.intent("consent")
    kiosk.wait_screen("verified", 20000)
    assert next(a["id"] for a in kiosk.app.ui.kiosk.actions) == "query_print"
    kiosk.intent("query_print")
    kiosk.wait_screen("certificate_preview", 20000)


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout.decode())


def _qr_codes(pdf: Path, tmp_path: Path) -> list[str]:
    stem = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "150", "-gray", "-png", "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )
    image = cv2.imread(str(stem) + ".png", cv2.IMREAD_GRAYSCALE)
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def _jobs(kiosk: Any) -> list[dict[str, Any]]:
    status, jobs = kiosk.call_off_gui(lambda: kiosk.control("GET", "/sim/a4-printer/jobs"))
    assert status == 200
    return list(jobs)


def test_certificate_is_previewed_printed_on_a4_and_decodes_to_its_verify_url(
    kiosk: Any, tmp_path: Path
) -> None:
    _to_preview(kiosk)
    certificate = kiosk.app.machine.view.certificate
    assert certificate is not None and certificate.title == CERTIFICATE
    assert certificate.verify_url.startswith("https://")
    assert kiosk.app.ui.certificates.title == CERTIFICATE
    assert _jobs(kiosk) == [], "nothing prints before the citizen asks"

    kiosk.intent("print_certificate")
    kiosk.wait_screen("certificate_printed", 20000)
    assert kiosk.app.ui.kiosk.title == "打印完成，请取走证明"

    jobs = _jobs(kiosk)
    assert len(jobs) == 1
    pdf = Path(jobs[0]["path"])
    assert CERTIFICATE in _text(pdf)
    assert _qr_codes(pdf, tmp_path) == [certificate.verify_url]


def test_paper_out_mid_job_shows_the_verify_qr_and_never_success(kiosk: Any) -> None:
    _to_preview(kiosk)
    verify_url = kiosk.app.machine.view.certificate.verify_url
    status, _ = kiosk.call_off_gui(
        lambda: kiosk.control("POST", "/sim/a4-printer", {"fail_next": "media-empty"})
    )
    assert status == 200
    seen: list[str] = []
    kiosk.app.machine.on_view(lambda view: seen.append(view.state.value))

    kiosk.intent("print_certificate")
    kiosk.wait_screen("certificate_print_failed", 20000)

    assert "certificate_printed" not in seen
    assert _jobs(kiosk) == [], "the aborted job kept no PDF"
    assert "人工窗口打印" in kiosk.app.ui.kiosk.body
    qr = kiosk.app.ui.certificates.verifyQr
    assert qr.startswith("image://qr/") and qr != "image://qr/"
    from urllib.parse import unquote

    assert unquote(qr.removeprefix("image://qr/")) == verify_url


def test_a4_printer_out_of_paper_greys_every_certificate_with_the_reason(kiosk: Any) -> None:
    _open_list(kiosk)
    code = _code(kiosk)
    assert all(i["available"] for i in _items(kiosk))

    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/a4-printer", {"paper": "out"}))
    kiosk.qtbot.waitUntil(lambda: not any(i["available"] for i in _items(kiosk)), timeout=10000)
    row = next(i for i in _items(kiosk) if i["code"] == code)
    assert "缺纸" in row["reason"]
    kiosk.app.ui.certificates.open(code)  # the brief is answered at once, on this thread
    assert kiosk.screen == "certificate_list", "a gated certificate does not start"

    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/a4-printer", {"toner": "empty"}))
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/a4-printer", {"paper": "ok"}))
    kiosk.qtbot.waitUntil(
        lambda: "墨粉" in next(i for i in _items(kiosk) if i["code"] == code)["reason"],
        timeout=10000,
    )
    kiosk.call_off_gui(lambda: kiosk.control("POST", "/sim/a4-printer", {"toner": "ok"}))
    kiosk.qtbot.waitUntil(lambda: all(i["available"] for i in _items(kiosk)), timeout=10000)
