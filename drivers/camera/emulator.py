"""The camera simulator: fixture images and videos served as a ``VideoCapture``-compatible
source, so the real :class:`drivers.camera.capture.Camera` driver reads it exactly like a
webcam and the kiosk cannot tell them apart.

Frames come at a set frame rate, letterboxed to the requested size like a camera with one
resolution. What is shown can be switched at run time (``show``), and faults reproduce a
camera that is unplugged (``no_device``), stops delivering (``frozen``) or sees nothing
(``black``).
"""

from __future__ import annotations

import threading
import time
from enum import StrEnum
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from drivers.assets import asset_path
from drivers.camera.types import CameraSettings, Image, VideoCaptureLike

FIXTURE_DIR = asset_path("sim", "camera")
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp"})
VIDEO_SUFFIXES = frozenset({".mp4", ".avi", ".mkv", ".webm"})
BACKGROUND = 96
"""Grey of the letterbox bars around a fixture of another aspect ratio."""


class CameraFault(StrEnum):
    """Faults the simulator can inject."""

    NO_DEVICE = "no_device"
    """Unplugged: reads fail and the camera cannot be opened."""
    FROZEN = "frozen"
    """The stream stops delivering new frames."""
    BLACK = "black"
    """Frames keep coming but are black (lens covered, light off)."""


class SimulatorError(ValueError):
    """An unknown fixture name, unreadable file or unknown fault name."""


def fit(image: Image, width: int, height: int) -> Image:
    """``image`` scaled to fit ``width``×``height``, centred on grey bars.

    Shrinking averages pixels (``INTER_AREA``); enlarging interpolates bicubically, because
    ``INTER_AREA`` enlarges like nearest-neighbour and its blocky edges make small, blurred
    QR photos that zxing reads at their own size unreadable.
    """
    scale = min(width / image.shape[1], height / image.shape[0])
    size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    scaled = np.asarray(cv2.resize(image, size, interpolation=interpolation), np.uint8)
    if size == (width, height):
        return scaled
    canvas = np.full((height, width, 3), BACKGROUND, np.uint8)
    top, left = (height - size[1]) // 2, (width - size[0]) // 2
    canvas[top : top + size[1], left : left + size[0]] = scaled
    return canvas


class _Source:
    """One thing being shown: a still image, or a video looped forever."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._still: Image | None = None
        self._video: Any = None
        if path.suffix.lower() in VIDEO_SUFFIXES:
            self._video = cv2.VideoCapture(str(path))
            if not self._video.isOpened():
                raise SimulatorError(f"cannot read video {path}")
        else:
            still = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if still is None:
                raise SimulatorError(f"cannot read image {path}")
            self._still = np.asarray(still, np.uint8)

    def next_image(self) -> Image:
        if self._still is not None:
            return self._still
        ok, image = self._video.read()
        if not ok:
            self._video.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._video.read()
            if not ok:
                raise SimulatorError(f"video {self.path} has no frames")
        return np.asarray(image, np.uint8)

    def release(self) -> None:
        if self._video is not None:
            self._video.release()


class CameraEmulator:
    """Serves fixtures as a camera; hand :meth:`capture` to the Camera driver as its opener.

    ``show(source)`` takes a fixture name from ``assets/sim/camera/`` (``"face"``) or a path.
    """

    def __init__(
        self, source: str = "blank", fps: float = 15.0, fixture_dir: Path = FIXTURE_DIR
    ) -> None:
        """Start showing ``source`` at ``fps`` frames per second."""
        self._fixture_dir = fixture_dir
        self._interval = 1.0 / fps
        self._lock = threading.Condition()
        self._faults: set[CameraFault] = set()
        self._stopped = False
        self._source = self._load(source)
        self._shown = source

    def sources(self) -> list[str]:
        """Fixture names that :meth:`show` accepts (besides any file path)."""
        suffixes = IMAGE_SUFFIXES | VIDEO_SUFFIXES
        return sorted(p.stem for p in self._fixture_dir.iterdir() if p.suffix.lower() in suffixes)

    @property
    def shown(self) -> str:
        """The fixture name or path being shown."""
        with self._lock:
            return self._shown

    @property
    def faults(self) -> frozenset[CameraFault]:
        """The faults in effect."""
        with self._lock:
            return frozenset(self._faults)

    def show(self, source: str) -> None:
        """Switch what the camera sees; raises :class:`SimulatorError` for an unknown source."""
        loaded = self._load(source)
        with self._lock:
            old, self._source, self._shown = self._source, loaded, source
        old.release()

    def inject_fault(self, name: str) -> None:
        """Turn on a :class:`CameraFault` by name."""
        try:
            fault = CameraFault(name)
        except ValueError:
            raise SimulatorError(f"unknown camera fault {name!r}") from None
        with self._lock:
            self._faults.add(fault)
            self._lock.notify_all()

    def clear_faults(self) -> None:
        """Turn every fault off."""
        with self._lock:
            self._faults.clear()
            self._lock.notify_all()

    def stop(self) -> None:
        """Shut the simulator down: every capture stops delivering."""
        with self._lock:
            self._stopped = True
            self._lock.notify_all()
            self._source.release()

    def capture(self, settings: CameraSettings) -> VideoCaptureLike:
        """A new ``VideoCapture``-like handle, as ``cv2.VideoCapture(settings.source)`` gives."""
        return SimulatedCapture(self, settings.width, settings.height)

    def _load(self, source: str) -> _Source:
        path = Path(source)
        if not path.suffix:
            matches = [
                p
                for p in sorted(self._fixture_dir.glob(f"{source}.*"))
                if p.suffix.lower() in IMAGE_SUFFIXES | VIDEO_SUFFIXES
            ]
            if not matches:
                raise SimulatorError(f"unknown camera fixture {source!r}")
            path = matches[0]
        if not path.is_file():
            raise SimulatorError(f"no such camera source {path}")
        return _Source(path)

    @property
    def available(self) -> bool:
        """False once stopped or while unplugged (``no_device``)."""
        return not self._stopped and CameraFault.NO_DEVICE not in self._faults

    @property
    def frame_interval_s(self) -> float:
        """Seconds between frames."""
        return self._interval

    def next_frame(self, width: int, height: int, deadline: float) -> Image | None:
        """Wait for the frame due at ``deadline``; None when no frame comes (faults, stop)."""
        with self._lock:
            timeout = max(0.0, deadline - time.monotonic())
            self._lock.wait_for(lambda: not self.available, timeout)
            if not self.available or CameraFault.FROZEN in self._faults:
                return None
            if CameraFault.BLACK in self._faults:
                return np.zeros((height, width, 3), np.uint8)
            return fit(self._source.next_image(), width, height)


class SimulatedCapture:
    """The ``cv2.VideoCapture`` subset the driver uses, fed by a :class:`CameraEmulator`.

    ``read()`` paces itself to the simulator's frame rate, as a real camera blocks until its
    next frame; under ``frozen`` or ``no_device`` it returns ``(False, None)`` after a frame
    interval, as OpenCV does when a camera stops delivering.
    """

    def __init__(self, simulator: CameraEmulator, width: int, height: int) -> None:
        """Open against ``simulator`` at the requested size."""
        self._simulator = simulator
        self._size = [width, height]
        self._opened = simulator.available
        self._next_at = time.monotonic()

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        """False when the simulated camera was unplugged (or stopped) at open time."""
        return self._opened

    def read(self) -> tuple[bool, Image | None]:
        """The next frame at the simulator's rate: ``(True, image)`` or ``(False, None)``."""
        if not self._opened:
            return False, None
        self._next_at = max(self._next_at + self._simulator.frame_interval_s, time.monotonic())
        image = self._simulator.next_frame(self._size[0], self._size[1], self._next_at)
        return (image is not None), image

    def set(self, prop_id: int, value: float) -> bool:
        """Accept a requested frame width or height, as a camera supporting it would."""
        if prop_id == cv2.CAP_PROP_FRAME_WIDTH:
            self._size[0] = int(value)
        elif prop_id == cv2.CAP_PROP_FRAME_HEIGHT:
            self._size[1] = int(value)
        else:
            return False
        return True

    def release(self) -> None:
        """Close the handle; later reads fail."""
        self._opened = False
