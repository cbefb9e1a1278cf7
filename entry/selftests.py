"""The maintenance Devices pane's A4 and document camera self-tests and its camera preview,
wired into the running kiosk.

:class:`SelfTests` is built by :class:`~entry.operations.Operations`, which merges its
:meth:`~SelfTests.actions` into the maintenance actions (each audited with its outcome there).
The A4 test page is rendered with :func:`kiosk.documents.pdf.render_pdf` (words from
:mod:`ui.text`) and printed in a worker; the document camera test grabs frames in a worker.
The preview reads a camera in its own thread (:class:`~kiosk.maintenance.preview.PreviewRun`):
detection never runs on the GUI thread, and the frames go through the camera image provider,
cleared when the preview stops. The PDF renderer (qrcode, Pillow) and the camera checks
(OpenCV, numpy) are imported when a test or the preview runs, never before home shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from drivers.a4_printer.types import A4Printer
from drivers.base import DeviceClass
from drivers.camera.types import FrameSource
from kiosk.maintenance.checks import CheckResult
from kiosk.platform.models import ResultDocument
from ui import text
from ui.bridge.maintenance_vm import MaintenanceViewModel
from ui.receipt_text import pdf_wording

if TYPE_CHECKING:
    from entry.app import KioskApp
    from kiosk.maintenance.preview import PreviewRun

log = logging.getLogger(__name__)

PREVIEW_CAMERAS = frozenset({DeviceClass.CAMERA, DeviceClass.DOCUMENT_CAMERA})
PREVIEW_JOIN_S = 2.0

Work = Callable[[str, str, Callable[[], CheckResult]], None]
"""Runs a check in a worker, then audits and shows its outcome (action, target, check)."""
Done = Callable[[str, str, CheckResult], None]
"""Audits and shows an outcome at once (action, target, result)."""


def a4_test_page_pdf(model: str, terminal_id: str, hall_name: str) -> bytes:
    """The A4 test page as a PDF (worker thread, once the QGuiApplication exists)."""
    from kiosk.documents.pdf import render_pdf

    title, lines = text.a4_test_page(model, terminal_id)
    document = ResultDocument(title, lines)
    return render_pdf(document, hall_name, datetime.now().astimezone(), pdf_wording()).pdf


class SelfTests:
    """The A4 and document camera self-tests and the camera preview of one kiosk."""

    def __init__(
        self, app: KioskApp, view_model: MaintenanceViewModel, work: Work, done: Done
    ) -> None:
        self._app = app
        self._view_model = view_model
        self._work = work
        self._done = done
        self._preview: PreviewRun | None = None

    def actions(self) -> Mapping[str, Callable[[str], None]]:
        """The maintenance actions this part carries out, by name."""
        return {
            "test_print_a4": self._test_print_a4,
            "test_document_camera": self._test_document_camera,
            "preview": self._start_preview,
            "preview_stop": self._stop_preview_action,
        }

    def _test_print_a4(self, target: str) -> None:
        printer = self._app.devices.device_as(DeviceClass.A4_PRINTER, A4Printer)
        if printer is None:
            self._done("test_print_a4", target, CheckResult(False, "no_device", target))
            return
        terminal = self._app.config.terminal
        model = printer.capabilities.model

        def check() -> CheckResult:
            from kiosk.maintenance.selftests import print_a4_test_page

            pdf = a4_test_page_pdf(model, terminal.terminal_id, terminal.hall_name)
            return print_a4_test_page(printer, pdf)

        self._work("test_print_a4", target, check)

    def _test_document_camera(self, target: str) -> None:
        camera = self._app.devices.device_as(DeviceClass.DOCUMENT_CAMERA, FrameSource)
        if camera is None:
            self._done("test_document_camera", target, CheckResult(False, "no_device", target))
            return

        def check() -> CheckResult:
            from kiosk.maintenance.selftests import check_document_camera

            return check_document_camera(camera)

        self._work("test_document_camera", target, check)

    def _start_preview(self, target: str) -> None:
        self.stop_preview()
        try:
            device_class = DeviceClass(target)
        except ValueError:
            device_class = None
        camera = (
            self._app.devices.device_as(device_class, FrameSource)
            if device_class in PREVIEW_CAMERAS and device_class is not None
            else None
        )
        if camera is None:
            self._done("preview", target, CheckResult(False, "no_device", target))
            return
        # OpenCV's preview helpers load with the first preview, never before home shows.
        from kiosk.maintenance.preview import PreviewRun
        from ui.bridge.camera_preview import MaintenancePreview

        shown = MaintenancePreview(self._app.ui.frames, self._view_model, self._app.workers.post)
        self._view_model.start_preview(target)
        self._preview = PreviewRun(camera, shown.show, shown.missing)
        self._preview.start()
        self._done("preview", target, CheckResult(True, "preview_started"))

    def _stop_preview_action(self, target: str) -> None:
        self.stop_preview()
        self._done("preview_stop", target, CheckResult(True, "preview_stopped"))

    def halt(self) -> None:
        """Stop the preview's thread without waiting (the kiosk is stopping)."""
        if self._preview is not None:
            self._preview.stop()
            self._preview = None

    def stop_preview(self) -> None:
        """End the preview, if one runs, and drop its frame once its thread ended (leaving the
        pane or maintenance); the GUI thread never waits for it."""
        preview, self._preview = self._preview, None
        if preview is None:
            return
        preview.stop()
        self._view_model.stop_preview()
        frames = self._app.ui.frames

        def joined(stopped: bool) -> None:
            if not stopped:
                log.warning("the camera preview did not stop within %.1f s", PREVIEW_JOIN_S)
            frames.clear()  # after the thread's last frame, so none is left behind

        self._app.workers.submit(lambda: preview.join(PREVIEW_JOIN_S), joined)
