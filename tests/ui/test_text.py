"""The text catalogue: every code has its words, and Qt Linguist extracts every string."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.flow.states import Reason, State
from kiosk.flow.view import ContinueBlock
from kiosk.gating import GateReason
from kiosk.identity.consent import ConsentPurpose
from tests.kiosk.test_codes_only import cjk_literals
from ui import text

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The source texts ``pyside6-lupdate ui/`` writes into a fresh .ts file."""
    ts = tmp_path_factory.mktemp("ts") / "kiosk_en.ts"
    subprocess.run(
        [str(LUPDATE), "-extensions", "py,qml", str(ROOT / "ui"), "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return {s.text or "" for s in ET.parse(ts).getroot().iter("source")}


def test_lupdate_extracts_python_and_qml_strings(extracted: set[str]) -> None:
    assert "请将身份证放在感应区" in extracted
    assert "轻触屏幕开始办理" in extracted, "a QML qsTr literal"
    assert "%1 秒后将自动退出，并清除您在本机输入的全部信息。" in extracted


@pytest.mark.parametrize("module", ["text.py", "guide_text.py", "receipt_text.py"])
def test_every_sentence_of_a_text_module_is_extracted(extracted: set[str], module: str) -> None:
    """Each Chinese literal of a text module is marked where lupdate finds it."""
    literals = cjk_literals((ROOT / "ui" / module).read_text(encoding="utf-8"))
    assert literals
    assert [s for s in literals if s not in extracted] == []


def test_every_coded_sentence_is_extracted(extracted: set[str]) -> None:
    shown = [
        *(text.reason(r) for r in Reason),
        *(text.gate_message([g]) for g in GateReason),
        *(text.label(label) for label in text.Label),
        *(text.screen_title(s) for s in State),
        *(text.screen_body(s) for s in State),
        *text.consent_lines(ConsentPurpose.FACE_VERIFICATION)[1:],
        *(e["hint"] for e in text.home_entries()),
        *(e["label"] for e in text.home_entries(elderly=True)),
        *(s["body"] for s in text.attract_slides()),
    ]
    assert [s for s in shown if s and s not in extracted] == []


def test_every_reason_and_gate_reason_has_words() -> None:
    assert all(text.reason(r) for r in Reason)
    assert all(text.gate_message([g]) for g in GateReason)
    assert text.reason(None) == ""


def test_gate_message_words_every_reason_in_order() -> None:
    assert text.gate_message(()) == ""
    message = text.gate_message((GateReason.CAMERA_DOWN, GateReason.QR_SCANNER_DOWN))
    assert "摄像头" in message
    assert message.index("摄像头") < message.index("扫码器")
    assert "缺纸" in text.gate_message((GateReason.PRINTER_NO_PAPER,))


def test_continue_block_is_worded() -> None:
    assert text.continue_blocked(ContinueBlock.FORMS_NOT_YET) == "表单办理将在后续版本提供"
    sentence = text.continue_blocked_sentence(ContinueBlock.FORMS_NOT_YET)
    assert sentence == "表单办理将在后续版本提供。"


def test_consent_purpose_names_the_purpose_and_the_alternative() -> None:
    purpose = text.consent_purpose(ConsentPurpose.FACE_VERIFICATION)
    assert "人脸" in purpose
    assert "比对" in purpose
    assert "扫码登录" in purpose
    assert "人工窗口" in purpose


def test_face_guidance_words_known_codes_only() -> None:
    assert text.face_guidance("move_closer") == "请靠近一些"
    assert text.face_guidance("unknown") == ""


def test_date_reads_as_on_a_hall_screen() -> None:
    from datetime import date

    assert text.date_text(date(2025, 6, 1)) == "2025年6月1日 星期日"
