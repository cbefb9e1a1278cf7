"""Issue 10: platform and card text reaches the screens with 〓 for a character no font has."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Any

import pytest

from kiosk.apply.draft import ApplicationDraft
from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.search import CatalogueIndex
from kiosk.catalogue.service import CatalogueService, CatalogueSnapshot
from kiosk.flow import events as ev
from kiosk.flow.machine import FlowMachine
from kiosk.flow.matter import SubjectKind
from tests.kiosk.flow.helpers import FakeClock, all_online
from tests.kiosk.matters import ID_NUMBER, field, matter
from ui import glyphs
from ui.bridge.apply_vm import ApplyViewModel
from ui.bridge.catalogue_vm import CatalogueViewModel
from ui.bridge.identity_vm import IdentityViewModel
from ui.bridge.images import CameraFrameProvider

RARE = "\U0002ebf0"  # CJK Extension I: in none of Noto, HanaMin, BabelStone
EXTENSION_B = "\U00020000"  # in HanaMin: Qt's fallback draws it
CODE = "330100000000000001"
LOGGER = "ui.glyphs"


@pytest.fixture(autouse=True)
def _fresh_log(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fonts need a QGuiApplication; each test starts with nothing reported yet."""
    monkeypatch.setattr(glyphs, "_reported", set())


def _catalogue_vm(**overrides: Any) -> CatalogueViewModel:
    catalogue = Catalogue("v1", (matter(CODE, **overrides),), ())
    service = CatalogueService()
    service.publish(CatalogueSnapshot(catalogue, CatalogueIndex(catalogue),
                                      datetime(2026, 11, 20, tzinfo=UTC), online=True))
    return CatalogueViewModel(lambda _: None, service)


def test_a_catalogue_row_and_guide_show_the_geta_mark_and_log_the_code_point(
    caplog: pytest.LogCaptureFixture,
) -> None:
    vm = _catalogue_vm(name=f"{RARE}氏宗祠修缮登记", department=f"{RARE}乡人民政府",
                       steps=[f"到{RARE}乡办理"])
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        vm.search("宗祠")
        [row] = vm.results
        vm.open(CODE)
        title, subtitle, sections = vm.guideTitle, vm.guideSubtitle, vm.guideSections
    assert row["name"] == "〓氏宗祠修缮登记" and row["code"] == CODE
    assert row["detail"].startswith("〓乡人民政府")
    assert title == "〓氏宗祠修缮登记" and subtitle.startswith("〓乡人民政府")
    assert "1. 到〓乡办理" in [line for s in sections for line in s["lines"]]
    assert RARE not in repr((row, title, subtitle, sections))
    assert caplog.messages == ["no installed font has U+2EBF0; shown as U+3013"]


def test_catalogue_text_every_font_can_draw_is_left_alone(
    caplog: pytest.LogCaptureFixture,
) -> None:
    vm = _catalogue_vm(name=f"{EXTENSION_B}氏宗祠修缮登记")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        vm.search("宗祠")
        [row] = vm.results
        vm.open(CODE)
        title = vm.guideTitle
    assert row["name"] == title == f"{EXTENSION_B}氏宗祠修缮登记"
    assert not caplog.records


def _identity_name(name: str) -> str:
    machine = FlowMachine(clock=FakeClock(), today=lambda: date(2026, 11, 23),
                          devices=all_online())
    vm = IdentityViewModel(CameraFrameProvider())
    machine.on_view(vm.set_view)
    machine.dispatch(ev.StartQrLogin())
    machine.dispatch(ev.QrScanned("zjzwfw://login?token=resident"))
    machine.dispatch(ev.VerifyResult(machine.pending_request or 0, "v", "t", name, ID_NUMBER))
    return str(vm.maskedName)


def test_the_masked_name_shows_the_geta_mark_for_a_surname_no_font_has(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert _identity_name(f"{RARE}娜") == "〓*"
    assert caplog.messages == ["no installed font has U+2EBF0; shown as U+3013"]


def test_the_masked_name_keeps_an_extension_b_surname(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert _identity_name(f"{EXTENSION_B}娜") == f"{EXTENSION_B}*"
    assert not caplog.records


def test_the_review_shows_the_geta_mark_in_labels_and_answers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fields = [field("village", label=f"{RARE}村"), field("note", label="备注")]
    draft = ApplicationDraft.start(CODE, SubjectKind.MATTER, [matter(CODE, fields)], [], {},
                                   date(2026, 11, 23), "key-1")
    draft.form.set("village", f"上{RARE}村")
    draft.form.set("note", f"{EXTENSION_B}家")
    vm = ApplyViewModel(lambda _: None, lambda: draft, "https://example.org")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        rows = vm.reviewRows
    assert rows[:2] == [{"label": "〓村", "value": "上〓村"},
                        {"label": "备注", "value": f"{EXTENSION_B}家"}]
    assert caplog.messages == ["no installed font has U+2EBF0; shown as U+3013"]
