"""Issue 10: a character no font has is shown as 〓 and logged by code point, never as a box."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from ui import glyphs

OUTSIDE_EVERY_FONT = "\U0002ebf0"  # CJK Extension I: in none of Noto, HanaMin, BabelStone
EXTENSION_B = "\U00020000"  # not in Noto, in HanaMin: Qt's fallback draws it


@pytest.fixture(autouse=True)
def _fresh_log(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fonts need a QGuiApplication; each test starts with nothing reported yet."""
    monkeypatch.setattr(glyphs, "_reported", set())


def test_a_character_no_font_has_becomes_the_geta_mark_and_its_code_point_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.glyphs"):
        assert glyphs.shown(f"王{OUTSIDE_EVERY_FONT}明") == "王〓明"
    assert [r.getMessage() for r in caplog.records] == [
        "no installed font has U+2EBF0; shown as U+3013"
    ]


def test_the_log_names_only_the_code_point_never_the_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.glyphs"):
        glyphs.shown(f"王{OUTSIDE_EVERY_FONT}明")
    assert not any(c in caplog.text for c in f"王{OUTSIDE_EVERY_FONT}明")


def test_each_code_point_is_logged_once_however_often_it_is_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.glyphs"):
        for _ in range(3):
            assert glyphs.shown(OUTSIDE_EVERY_FONT * 2) == "〓〓"
    assert len(caplog.records) == 1


@pytest.mark.parametrize(
    "text", ["张伟 110101199003070028", f"{EXTENSION_B}娜", "欧阳**", "", "a\tb\n"]
)
def test_text_every_font_of_the_chain_can_draw_is_left_alone_and_nothing_is_logged(
    text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.glyphs"):
        assert glyphs.shown(text) == text
    assert not caplog.records
