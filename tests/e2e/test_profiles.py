"""End to end: a shipped profile run with ``--simulate`` — the bank branch shows only its
matters (catalogue, search, themes, 证明打印, 预约) in its own name, logo, colours and tiles;
the township centre's text is larger."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import FakeClock, Harness

PROFILES = Path(__file__).resolve().parents[2] / "config" / "profiles"


@pytest.fixture
def profiled(request: pytest.FixtureRequest, qtbot: Any, tmp_path: Path) -> Iterator[Harness]:
    """The kiosk of the profile ``request.param`` (a file name under config/profiles)."""
    from entry.app import KioskApp, RunOptions
    from kiosk import config as kiosk_config

    config = kiosk_config.load([PROFILES / request.param], simulate=True)
    config = dataclasses.replace(
        config, terminal=dataclasses.replace(config.terminal, data_dir=tmp_path)
    )
    clock = FakeClock()
    app = KioskApp(config, RunOptions(control_port=0), clock=clock).start()
    harness = Harness(app, clock, qtbot)
    try:
        qtbot.waitUntil(lambda: app.started, timeout=20000)
        qtbot.waitUntil(lambda: app.catalogue.snapshot.loaded, timeout=20000)
        yield harness
    finally:
        app.stop()


def _close(colour: Any, expected: str) -> bool:
    from PySide6.QtGui import QColor

    want = QColor(expected)
    return all(abs(a - b) <= 6 for a, b in zip(
        (colour.red(), colour.green(), colour.blue()), (want.red(), want.green(), want.blue()),
        strict=True))


@pytest.mark.parametrize("profiled", ["bank_branch.toml"], indirect=True)
def test_the_bank_branch_shows_only_its_matters_in_its_own_look(profiled: Any) -> None:
    from PySide6.QtQuick import QQuickItem

    app = profiled.app
    offered = app.config.services.matters
    shown = {m.code for m in app.catalogue.snapshot.catalogue.matters}
    assert shown == offered
    assert app.catalogue.snapshot.catalogue.bundles == ()
    profiled.intent("home.services")
    profiled.wait_screen("catalogue")
    catalogue = app.ui.catalogue
    assert set(catalogue.groups) == {"社会保障", "就业创业", "住房保障"}
    catalogue.search("zhengming")
    profiled.qtbot.waitUntil(lambda: bool(catalogue.results), timeout=5000)
    assert {row["code"] for row in catalogue.results} <= offered
    catalogue.search("hukou")  # 户籍 matters exist in the catalogue, not at the bank
    profiled.qtbot.waitUntil(lambda: catalogue.results == [], timeout=5000)
    assert {row["code"] for row in app.ui.certificates.rows()} <= offered
    assert {m["code"] for m in app.appointments.view_model.matter_rows()} <= offered
    assert app.appointments.view_model.matter_rows()

    profiled.intent("home")
    profiled.wait_screen("home")
    assert [e["id"] for e in app.ui.kiosk.homeEntries] == list(app.config.services.home_tiles)
    logo = app.ui.window.findChild(QQuickItem, "header_logo")
    assert logo is not None and logo.isVisible()
    assert logo.property("source").toString().endswith("branding/bank_branch.png")
    assert logo.property("progress") == 1.0  # the file loaded
    _, state = profiled.call_off_gui(lambda: profiled.control("GET", "/ui/state"))
    texts = [i["text"] for i in state["items"] if i["kind"] == "text"]
    assert "示例银行萧山城厢支行" in texts
    assert any("0571-82000000" in t for t in texts)
    image = app.ui.window.grabWindow()
    assert _close(image.pixelColor(2, 60), app.config.branding.primary_dark_color)


@pytest.mark.parametrize("profiled", ["township.toml"], indirect=True)
def test_the_township_centre_renders_with_larger_text(profiled: Any) -> None:
    from ui.bridge.automation import walk

    app = profiled.app
    assert app.config.branding.text_scale == 1.25
    tiles = [e["id"] for e in app.ui.kiosk.homeEntries]
    assert tiles == list(app.config.services.home_tiles)
    title = next(
        item for item in walk(app.ui.window.contentItem())
        if item.inherits("QQuickText") and item.property("text") == "您好，请选择要办理的业务"
    )
    assert title.property("font").pixelSize() == round(56 * 1.25)
