"""适老模式 sizes (MIIT 2021, see the reasoning in ui/qml/Theme.qml): at the kiosk's 1080×1920
portrait, main text ≥ 43 px and the largest ≥ 71 px, line spacing ≥ 1.3, touch targets big."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtQml import QQmlComponent, QQmlEngine

QML = Path(__file__).resolve().parents[2] / "ui" / "qml"
MAIN_TEXT_MIN_PX = 43
"""18 pt at 102 ppi (a 21.5" 1080×1920 panel) read from 50 cm instead of a phone's 30 cm."""
LARGEST_TEXT_MIN_PX = 71
"""30 pt, the same way."""
TARGET_MIN_PX = 60 / 160 * 102 * 50 / 30
"""60 dp (1/160 in each) at 102 ppi, scaled for the distance the same way: 64 px."""

_PROBE = b"""
import QtQuick
import "." as K
QtObject {
    property bool elderly: false
    property real textScale: 1.0
    property var sizes: ({})
    Component.onCompleted: {
        K.Theme.textScale = textScale
        K.Theme.elderly = elderly
        sizes = { body: K.Theme.fontBody, title: K.Theme.fontTitle,
                  button: K.Theme.buttonHeight, footer: K.Theme.footerHeight,
                  touch: K.Theme.touchMin, family: K.Theme.fontFamily }
    }
}
"""


def theme_sizes(elderly: bool, text_scale: float = 1.0) -> dict[str, Any]:
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(_PROBE, QUrl.fromLocalFile(str(QML / "probe.qml")))
    probe = component.createWithInitialProperties({"elderly": elderly, "textScale": text_scale})
    assert probe is not None, component.errorString()
    return dict(probe.property("sizes").toVariant())


@pytest.fixture(scope="module")
def elderly(qapp: Any) -> dict[str, Any]:
    return theme_sizes(True)


def test_elderly_main_text_and_title_meet_the_miit_sizes(elderly: dict[str, Any]) -> None:
    assert elderly["body"] >= MAIN_TEXT_MIN_PX
    assert elderly["title"] >= LARGEST_TEXT_MIN_PX


def test_the_standard_sizes_are_unchanged(qapp: Any) -> None:
    standard = theme_sizes(False)
    assert (standard["body"], standard["title"], standard["footer"]) == (32, 56, 152)


def test_targets_are_big_and_the_bottom_bar_holds_the_grown_buttons(
    elderly: dict[str, Any],
) -> None:
    assert elderly["touch"] >= TARGET_MIN_PX
    assert elderly["button"] >= TARGET_MIN_PX
    assert elderly["footer"] >= elderly["button"]


def test_the_fonts_own_line_spacing_is_at_least_1_3(elderly: dict[str, Any]) -> None:
    font = QFont(str(elderly["family"]))
    font.setPixelSize(int(elderly["body"]))
    assert QFontMetricsF(font).lineSpacing() / elderly["body"] >= 1.3


@pytest.mark.parametrize(("text_scale", "body"), [(1.25, 45), (1.5, 48)])
def test_a_sites_text_scale_is_not_multiplied_past_what_fits(
    qapp: Any, text_scale: float, body: int
) -> None:
    """[branding] text_scale (at most 1.5, what fits 1080 px) and elderly mode: the larger."""
    assert theme_sizes(True, text_scale)["body"] == body
