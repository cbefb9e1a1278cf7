"""The maintenance view-model's camera preview: the overlay as QML draws it, and nothing
shown once the preview stopped."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.maintenance.overlay_shapes import Overlay, Shape, ShapeKind
from ui.bridge.maintenance_vm import MaintenanceViewModel, overlay_shapes

OVERLAY = Overlay(1280, 720, (
    Shape(ShapeKind.FACE, ((0.4, 0.2), (0.6, 0.2), (0.6, 0.5), (0.4, 0.5))),
    Shape(ShapeKind.QR, ((0.1, 0.1), (0.2, 0.1), (0.2, 0.3), (0.1, 0.3)), "ZWFW-2024-000123"),
))


class _Actions:
    def check_pin(self, pin: str) -> None: ...
    def perform(self, action: str, target: str) -> None: ...
    def refresh(self, panel: str) -> None: ...
    def save_site(self, values: object) -> None: ...


def test_the_overlay_is_flattened_for_qml() -> None:
    assert overlay_shapes(OVERLAY) == [
        {"kind": "face", "points": [0.4, 0.2, 0.6, 0.2, 0.6, 0.5, 0.4, 0.5], "label": ""},
        {"kind": "qr", "points": [0.1, 0.1, 0.2, 0.1, 0.2, 0.3, 0.1, 0.3],
         "label": "ZWFW-2024-000123"},
    ]


def test_frames_show_while_the_preview_runs_and_not_after(qtbot: QtBot) -> None:
    vm = MaintenanceViewModel(_Actions())
    vm.start_preview("camera")
    assert vm.previewDevice == "camera" and vm.previewSource == ""
    vm.set_preview(OVERLAY)
    assert vm.previewSource.startswith("image://camera/")
    assert [s["kind"] for s in vm.previewShapes] == ["face", "qr"]
    assert "1280×720" in vm.previewNote
    vm.stop_preview()
    vm.set_preview(OVERLAY)  # a frame posted before the thread saw the stop
    assert vm.previewDevice == "" and vm.previewSource == "" and vm.previewShapes == []
