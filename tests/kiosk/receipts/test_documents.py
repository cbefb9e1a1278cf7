"""Receipts rendered to ESC/POS, read back by the printer emulator's interpreter, and their
QR codes decoded from the drawn receipt with zxing-cpp."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import zxingcpp

from drivers.printer.document import Document
from drivers.printer.fonts import find_cjk_font
from drivers.printer.interpreter import Paper, Parser, PrintedReceipt
from drivers.printer.paper import draw_receipt
from drivers.printer.profile import PrinterProfile
from drivers.printer.render import render
from kiosk.platform.models import Applicant, Application, HistoryEntry, ResultDocument
from kiosk.receipts.documents import (
    CorrectionSlip,
    DeferredMaterial,
    Hall,
    ReceiptBuilder,
)
from kiosk.receipts.progress import ProgressQuery, parse_progress, progress_payload
from tests.kiosk.matters import ID_NUMBER
from ui.receipt_text import receipt_wording

BASE = "https://zwfw.sim.invalid/progress"
WORDING = receipt_wording()
RECEIPTS = ReceiptBuilder(WORDING)
HALL = Hall("萧山区政务服务中心", "0571-12345")
APPLICANT = Applicant("张三丰", ID_NUMBER)
ACCEPTED = datetime(2024, 5, 6, 1, 30, tzinfo=UTC)


def _application(no: str, code: str, name: str, promised: date | None) -> Application:
    return Application(
        no,
        code,
        "MATTER0000001",
        name,
        "received",
        ACCEPTED,
        (HistoryEntry(ACCEPTED, "received"),),
        promised_date=promised,
    )


def _print(document: Document, encoding: str = "gb18030") -> PrintedReceipt:
    profile = PrinterProfile(encoding=encoding)  # type: ignore[arg-type]
    parser, paper = Parser(), Paper(encoding)
    receipts = [r for c in parser.feed(render(document, profile)) if (r := paper.apply(c))]
    assert len(receipts) == 1 and receipts[0].cut
    return receipts[0]


def _decoded_qr(receipt: PrintedReceipt) -> list[str]:
    image = draw_receipt(receipt, find_cjk_font(), PrinterProfile())
    codes = zxingcpp.read_barcodes(np.asarray(image), formats=zxingcpp.BarcodeFormat.QRCode)
    return sorted(code.text for code in codes if code.valid)


def _joined(receipt: PrintedReceipt) -> str:
    return "\n".join(receipt.text)


def test_acceptance_receipt_of_a_bundle_has_one_number_and_qr_per_matter() -> None:
    applications = [
        _application("ZW2024050600000001AB12", "K7P2Q9", "出生登记", date(2024, 5, 13)),
        _application("ZW2024050600000002CD34", "M3X8R1", "社会保障卡申领", None),
    ]
    deferred = [DeferredMaterial("出生医学证明", date(2024, 5, 13))]
    receipt = _print(RECEIPTS.acceptance_receipt(HALL, APPLICANT, applications, BASE, deferred))
    text = _joined(receipt)
    for expected in (
        WORDING.acceptance_title,
        "萧山区政务服务中心",
        "张**",
        "330106********" + ID_NUMBER[-4:],
        "出生登记",
        "ZW2024050600000001AB12",
        "K7P2Q9",
        "2024-05-06 09:30",
        "2024年05月13日",
        WORDING.instant,
        "出生医学证明",
        "2024年05月13日前",
        "0571-12345",
    ):
        assert expected in text, expected
    assert "张三丰" not in text and ID_NUMBER not in text
    payloads = [
        progress_payload(ProgressQuery(a.application_no, a.query_code), BASE) for a in applications
    ]
    assert receipt.qr_payloads == payloads
    assert _decoded_qr(receipt) == sorted(payloads)
    assert [parse_progress(p, BASE) for p in _decoded_qr(receipt)] == sorted(
        (ProgressQuery(a.application_no, a.query_code) for a in applications),
        key=lambda q: progress_payload(q, BASE),
    )


def test_acceptance_receipt_reads_back_the_same_in_every_printer_encoding() -> None:
    document = RECEIPTS.acceptance_receipt(
        HALL,
        APPLICANT,
        [_application("ZW20240506", "ABC123", "居住证签注", date(2024, 5, 13))],
        BASE,
    )
    texts = {encoding: _print(document, encoding).text for encoding in ("gb18030", "gbk", "utf-8")}
    assert texts["gb18030"] == texts["gbk"] == texts["utf-8"]


def test_offline_receipt_says_it_will_be_submitted_and_has_no_qr() -> None:
    saved = datetime(2024, 5, 6, 15, 0, tzinfo=UTC)
    receipt = _print(RECEIPTS.offline_receipt(HALL, APPLICANT, ["居住证签注"], saved))
    text = _joined(receipt)
    assert WORDING.offline_notice in text and "已保存，网络恢复后自动提交" in text
    assert "居住证签注" in text and "2024-05-06 23:00" in text
    assert receipt.qr_payloads == [] and _decoded_qr(receipt) == []


def test_result_document_prints_its_lines_and_verify_qr() -> None:
    result = ResultDocument(
        "社保缴费证明",
        ("申请人：张*", "办件编号：ZW2024050600000003EF56"),
        "https://zwfw.sim.invalid/verify?no=ZW2024050600000003EF56&code=Q1W2E3",
    )
    receipt = _print(RECEIPTS.result_receipt(HALL, result))
    assert receipt.text[0] == "社保缴费证明"
    assert "办件编号：ZW2024050600000003EF56" in receipt.text
    assert _decoded_qr(receipt) == [result.verify_url]
    plain = _print(RECEIPTS.result_receipt(HALL, ResultDocument("证明", ("一行",))))
    assert plain.qr_payloads == [] and "一行" in plain.text


def test_correction_receipt_names_what_was_supplied_and_has_the_progress_qr() -> None:
    slip = CorrectionSlip("ZW2024050600000001AB12", "职工基本养老保险待遇申领",
                          datetime(2024, 5, 8, 2, 0, tzinfo=UTC), ["本人档案"], "K7P2Q9")
    receipt = _print(RECEIPTS.correction_receipt(HALL, APPLICANT, slip, BASE))
    text = _joined(receipt)
    for expected in (WORDING.correction_title, WORDING.supplied_heading, "本人档案",
                     "ZW2024050600000001AB12", "2024-05-08 10:00", "K7P2Q9", "张**"):
        assert expected in text, expected
    assert "张三丰" not in text
    payload = progress_payload(ProgressQuery("ZW2024050600000001AB12", "K7P2Q9"), BASE)
    assert receipt.qr_payloads == [payload] and _decoded_qr(receipt) == [payload]


def test_correction_receipt_while_queued_says_it_will_be_submitted_without_a_qr() -> None:
    slip = CorrectionSlip("ZW2024050600000001AB12", "职工基本养老保险待遇申领",
                          datetime(2024, 5, 8, 2, 0, tzinfo=UTC), ["本人档案"])
    receipt = _print(RECEIPTS.correction_receipt(HALL, APPLICANT, slip, BASE))
    assert WORDING.offline_notice in _joined(receipt) and receipt.qr_payloads == []
