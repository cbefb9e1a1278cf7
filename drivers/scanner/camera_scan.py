"""Camera scanning: QR codes decoded by zxing-cpp from the camera's frames.

The scanner does not own the camera: it is given a :class:`drivers.camera.types.FrameSource`
(the camera device the manager already runs) and decodes each new frame on its own thread,
skipping frames it could not keep up with. Events are the serial scanner's ``Scanned(text)``
with the same repeat suppression, so the kiosk handles both the same way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
import zxingcpp

from drivers.base import DeviceBase, DeviceClass, DeviceError, DeviceState
from drivers.camera.types import Frame, FrameSource, Image
from drivers.scanner.repeat import RepeatFilter
from drivers.scanner.types import Scanned, ScannerTimings

QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
"""The default symbology: restricting formats is what keeps a 720p frame under ~8 ms."""


def decode_frame(image: Image, formats: zxingcpp.BarcodeFormats = QR_ONLY) -> list[str]:
    """The texts of the codes in a BGR or grayscale frame, converted to grayscale first."""
    gray = image if image.ndim == 2 else np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))
    return [code.text for code in zxingcpp.read_barcodes(gray, formats=formats) if code.valid]


class CameraScanner(DeviceBase):
    """A QR scanner built on the camera, as a :class:`drivers.base.Device`.

    Its status follows the camera's (``online`` while the camera delivers frames). Decoding
    runs while scanning is on: from ``open()`` unless ``manual_trigger``, else between
    ``start_scan()`` and ``stop_scan()``.
    """

    def __init__(
        self,
        frames: FrameSource | None,
        repeat_window_s: float = 1.0,
        manual_trigger: bool = False,
        formats: zxingcpp.BarcodeFormats = QR_ONLY,
        timings: ScannerTimings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``frames`` is the camera; None leaves the device ``no_device`` (nothing to scan)."""
        super().__init__(DeviceClass.QR_SCANNER)
        self._frames = frames
        self._formats = formats
        self._timings = timings or ScannerTimings()
        self._repeats = RepeatFilter(repeat_window_s, clock)
        self._manual_trigger = manual_trigger
        self._scanning = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> None:
        """Start decoding the camera's frames; raises :class:`DeviceError` without a camera."""
        self.close()
        if self._frames is None:
            detail = "camera scanning needs the camera device, and none was given"
            self._set_status(DeviceState.NO_DEVICE, detail=detail)
            raise DeviceError(detail)
        self._repeats.clear()
        if not self._manual_trigger:
            self._scanning.set()
        self._stopping = stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(self._frames, stopping), name="camera-scan", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """Stop decoding; the camera itself is left running. Safe to call more than once."""
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self._timings.join_timeout_s)

    def reset(self) -> None:
        """Forget the last code, so showing it again is reported at once."""
        self._repeats.clear()

    def start_scan(self) -> None:
        """Start decoding frames."""
        self._scanning.set()

    def stop_scan(self) -> None:
        """Stop decoding frames (saves CPU off the scan screens)."""
        self._scanning.clear()

    def process(self, frame: Frame) -> None:
        """Decode one frame and publish each code that is not a repeat."""
        for text in decode_frame(frame.image, self._formats):
            if self._repeats.accept(text):
                self.events.emit(Scanned(text))

    def _run(self, frames: FrameSource, stopping: threading.Event) -> None:
        last = 0
        while not stopping.is_set():
            frame = frames.wait_frame(last, self._timings.frame_wait_s)
            self._follow(frames)
            if frame is None or stopping.is_set():
                continue
            last = frame.index
            if self._scanning.is_set():
                self.process(frame)

    def _follow(self, frames: FrameSource) -> None:
        camera = frames.status
        if camera.state in (DeviceState.ONLINE, DeviceState.STARTING):
            self._set_status(camera.state, detail="camera scanning")
        else:
            self._set_status(DeviceState.OFFLINE, detail=f"camera {camera.state}: {camera.detail}")
