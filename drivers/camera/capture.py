"""The camera driver: one worker thread reads the capture and keeps only the latest frame.

Consumers never queue frames: they ask for the newest (``latest_frame``) or wait for one newer
than what they have (``wait_frame``), so a slow consumer skips frames instead of growing a
backlog, and memory stays at one frame. A watchdog thread turns a stream that stops
delivering (unplugged, frozen) into ``offline``, since a blocked read cannot report itself.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2

from drivers.base import DeviceBase, DeviceClass, DeviceError, DeviceState
from drivers.camera.types import (
    CameraSettings,
    CameraTimings,
    CaptureOpener,
    Frame,
    Image,
    VideoCaptureLike,
)

log = logging.getLogger(__name__)


def parse_source(source: str) -> int | str:
    """A config/CLI source as OpenCV wants it: an index for digits, else a path or URL."""
    return int(source) if source.isdigit() else source


def open_opencv(settings: CameraSettings) -> VideoCaptureLike:
    """Open ``settings.source`` with ``cv2.VideoCapture`` and request the configured size."""
    capture: VideoCaptureLike = cv2.VideoCapture(parse_source(settings.source))
    if capture.isOpened():
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, settings.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, settings.height)
    return capture


class Camera(DeviceBase):
    """A camera as a :class:`drivers.base.Device` and a :class:`drivers.camera.types.FrameSource`.

    ``opener`` makes the capture: OpenCV for hardware, files and URLs, or the simulator's.
    After ``open()`` the status is ``starting`` until the first frame, then ``online``; it
    becomes ``offline`` when no new frame arrives for ``frozen_timeout_s``, and ``online``
    again as soon as frames resume.
    """

    def __init__(
        self,
        settings: CameraSettings,
        opener: CaptureOpener = open_opencv,
        timings: CameraTimings | None = None,
        clock: Callable[[], float] = time.monotonic,
        device_class: DeviceClass = DeviceClass.CAMERA,
    ) -> None:
        """Nothing is opened until :meth:`open`; ``device_class`` is ``document_camera`` for
        the overhead document camera, which is the same driver on another device."""
        super().__init__(device_class)
        self._settings = settings
        self._opener = opener
        self._timings = timings or CameraTimings()
        self._clock = clock
        self._frame_ready = threading.Condition()
        self._latest: Frame | None = None
        self._index = 0
        self._last_frame_at = 0.0
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def settings(self) -> CameraSettings:
        """The source and size this camera was configured with."""
        return self._settings

    def open(self) -> None:
        """Open the capture and start reading; raises :class:`DeviceError` if it cannot open."""
        self.close()
        detail = f"cannot open camera {self._settings.source}"
        try:
            capture = self._opener(self._settings)
        except cv2.error as error:
            self._set_status(DeviceState.NO_DEVICE, detail=f"{detail}: {error}")
            raise DeviceError(f"{detail}: {error}") from error
        if not capture.isOpened():
            capture.release()
            self._set_status(DeviceState.NO_DEVICE, detail=detail)
            raise DeviceError(detail)
        self._stopping = stopping = threading.Event()
        with self._frame_ready:
            self._last_frame_at = self._clock()
        self._set_status(DeviceState.STARTING, detail="waiting for the first frame")
        self._threads = [
            threading.Thread(
                target=self._read_loop, args=(capture, stopping), name="camera", daemon=True
            ),
            threading.Thread(
                target=self._watchdog, args=(stopping,), name="camera-watchdog", daemon=True
            ),
        ]
        for thread in self._threads:
            thread.start()

    def close(self) -> None:
        """Stop reading and release the capture; safe to call more than once.

        The worker releases the capture itself, so a read in progress is never cut short.
        """
        self._stopping.set()
        with self._frame_ready:
            self._frame_ready.notify_all()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout=self._timings.join_timeout_s)
        self._threads = []

    def reset(self) -> None:
        """Re-open the capture (the camera's only way back to a known state)."""
        self.open()

    def latest_frame(self) -> Frame | None:
        """The newest frame, or None before the first one."""
        with self._frame_ready:
            return self._latest

    def wait_frame(self, after: int, timeout: float) -> Frame | None:
        """The newest frame with an index above ``after``, waiting up to ``timeout`` seconds."""

        def fresh() -> bool:
            latest = self._latest
            return self._stopping.is_set() or (latest is not None and latest.index > after)

        with self._frame_ready:
            self._frame_ready.wait_for(fresh, timeout)
            latest = self._latest
        return latest if latest is not None and latest.index > after else None

    def _read_loop(self, capture: VideoCaptureLike, stopping: threading.Event) -> None:
        try:
            while not stopping.is_set():
                try:
                    ok, image = capture.read()
                except cv2.error:
                    ok, image = False, None
                if not ok or image is None:
                    stopping.wait(self._timings.read_retry_s)
                    continue
                self._store(image)
        finally:
            capture.release()

    def _store(self, image: Image) -> None:
        with self._frame_ready:
            self._index += 1
            now = self._clock()
            self._latest = Frame(image, self._index, now)
            self._last_frame_at = now
            self._frame_ready.notify_all()
        if self.status.state is not DeviceState.ONLINE:
            self._set_status(DeviceState.ONLINE, detail=self._settings.source)

    def _watchdog(self, stopping: threading.Event) -> None:
        timeout = self._timings.frozen_timeout_s
        while not stopping.wait(self._timings.watchdog_interval_s):
            with self._frame_ready:
                silent_for = self._clock() - self._last_frame_at
            if silent_for >= timeout:
                self._set_status(DeviceState.OFFLINE, detail=f"no new frame for {timeout:g} s")
