"""The document capture's effects, executed: the live view and 拍摄.

:class:`DocumentCaptureDesk` is built by the app and its :meth:`~DocumentCaptureDesk.handlers`
merged into the app's effect table. The camera is the document camera (高拍仪), else the
face camera in document mode; the live view runs in a :class:`DocumentCaptureRun` thread
and 拍摄 captures in a worker, answering ``PageCaptured`` (the corrected page's one buffer
and its quality issues) or ``PageNotFound`` to the flow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from drivers.camera.types import FrameSource
from drivers.manager import DeviceManager
from kiosk.flow import effects as fx
from kiosk.flow import events as ev
from kiosk.flow.capture_actions import CAPTURE_CAMERAS
from kiosk.workers import Workers
from ui.bridge.capture_vm import CaptureViewModel

if TYPE_CHECKING:  # the capture run brings OpenCV and numpy: imported on the first live view
    from kiosk.materials.capture_run import DocumentCaptureRun, TakenPage

log = logging.getLogger(__name__)

Dispatch = Callable[[ev.Event], None]


def capture_camera(devices: DeviceManager) -> FrameSource | None:
    """The document camera, else the face camera, that gives frames (None without one)."""
    for device in CAPTURE_CAMERAS:
        camera = devices.device_as(device, FrameSource)
        if camera is not None and camera.status.usable:
            return camera
    return None


class DocumentCaptureDesk:
    """Runs the live document view and takes pages for the flow."""

    def __init__(
        self,
        devices: DeviceManager,
        workers: Workers,
        view_model: CaptureViewModel,
        dispatch: Dispatch,
    ) -> None:
        self._devices = devices
        self._workers = workers
        self._vm = view_model
        self._dispatch = dispatch
        self._run: DocumentCaptureRun | None = None

    def handlers(self) -> dict[type[fx.Effect], Callable[[Any], None]]:
        """The effect handlers to merge into the app's table."""
        return {
            fx.StartDocumentCapture: lambda _: self.start(),
            fx.StopDocumentCapture: lambda _: self.stop(),
            fx.TakePage: self._take,
        }

    def start(self) -> None:
        """Start the live view (DocumentCameraFailed when no camera gives frames)."""
        from kiosk.materials.capture_run import DocumentCaptureListener, DocumentCaptureRun

        self.stop()
        camera = capture_camera(self._devices)
        if camera is None:
            self._dispatch(ev.DocumentCameraFailed())
            return
        listener = DocumentCaptureListener(
            preview=self._vm.show,
            guidance=self._vm.set_guidance,
            failed=lambda: self._dispatch(ev.DocumentCameraFailed()),
        )
        self._run = DocumentCaptureRun(camera, listener, self._workers.post)
        self._run.start()

    def stop(self) -> None:
        """Stop the live view and drop its pictures (idempotent)."""
        if self._run is not None:
            self._run.stop()
            self._run = None
        self._vm.stop()

    def _take(self, effect: fx.TakePage) -> None:
        run, rid = self._run, effect.request_id
        if run is None:
            self._dispatch(ev.PageNotFound(rid))
            return

        def answer(page: TakenPage | None) -> None:
            if page is None:
                self._dispatch(ev.PageNotFound(rid))
            else:
                self._dispatch(ev.PageCaptured(rid, page.jpeg,
                                               tuple(i.value for i in page.issues)))

        def failed(error: BaseException) -> None:
            log.warning("page not captured: %s: %s", type(error).__name__, error)
            self._dispatch(ev.PageNotFound(rid))

        self._workers.submit(run.take, answer, failed)
