"""The camera's frame type, settings, delays and the interfaces its consumers rely on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

from drivers.base import DeviceStatus

if TYPE_CHECKING:  # numpy costs ~80 ms to import; the kiosk loads it with the camera's code
    import numpy as np
    import numpy.typing as npt

Image: TypeAlias = "npt.NDArray[np.uint8]"
"""A BGR (or grayscale) image as OpenCV holds it (annotations only: a name for mypy)."""


@dataclass(frozen=True)
class Frame:
    """One captured frame: the BGR image, its 1-based sequence number and capture time."""

    image: Image
    index: int
    timestamp: float


@dataclass(frozen=True)
class CameraTimings:
    """Every delay the camera driver uses, in seconds, so tests can shrink them in one place.

    ``frozen_timeout_s``: no new frame for this long makes the camera ``offline``;
    ``watchdog_interval_s``: how often that is checked (a blocked read cannot check it);
    ``read_retry_s``: pause after a failed read before trying again;
    ``open_timeout_s``: how long ``open()`` waits for the first frame;
    ``join_timeout_s``: bound on waiting for the worker to stop.
    """

    frozen_timeout_s: float = 3.0
    watchdog_interval_s: float = 0.25
    read_retry_s: float = 0.05
    open_timeout_s: float = 5.0
    join_timeout_s: float = 2.0


@dataclass(frozen=True)
class CameraSettings:
    """The ``[devices.camera]`` options: where to capture from and the requested size."""

    source: str = "0"
    width: int = 1280
    height: int = 720


class VideoCaptureLike(Protocol):
    """The part of ``cv2.VideoCapture`` the driver uses; the simulator implements it too."""

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        """True when the source could be opened."""
        ...

    def read(self) -> tuple[bool, Any]:
        """Grab and decode the next frame: ``(ok, image)``."""
        ...

    def set(self, prop_id: int, value: float) -> bool:
        """Request a property (frame size); the source may ignore it."""
        ...

    def release(self) -> None:
        """Free the source."""
        ...


CaptureOpener = Callable[[CameraSettings], VideoCaptureLike]
"""Opens a capture for the given settings (``cv2.VideoCapture`` or the simulator)."""


@runtime_checkable
class FrameSource(Protocol):
    """What frame consumers (camera scanning, face and document capture) need from a camera.

    Runtime-checkable, so wiring code can ask whether a device is a camera it can read.
    """

    @property
    def status(self) -> DeviceStatus:
        """The camera's latest status."""
        ...

    def latest_frame(self) -> Frame | None:
        """The newest frame, or None before the first."""
        ...

    def wait_frame(self, after: int, timeout: float) -> Frame | None:
        """The newest frame whose index is above ``after``, waiting up to ``timeout`` seconds."""
        ...
