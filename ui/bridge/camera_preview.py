"""Live camera views: frames scaled into the image provider.

:meth:`CameraPreview.show` runs on the capture thread (``kiosk.identity.face_capture``): it
scales a copy of the frame into :class:`~ui.bridge.images.CameraFrameProvider` and posts
"a new frame" to the identity view-model on the GUI thread. :class:`MaintenancePreview` does
the same for the maintenance camera preview (``kiosk.maintenance.preview``), posting the
frame's overlay with it. Imports OpenCV: reach it only after home's first frame (the app
builds it in the start-up worker, or when a technician opens a preview).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import cv2
import numpy as np
from PySide6.QtGui import QImage

from drivers.camera.types import Image
from kiosk.maintenance.overlay_shapes import Overlay
from ui.bridge.identity_vm import IdentityViewModel
from ui.bridge.images import CameraFrameProvider
from ui.bridge.maintenance_vm import MaintenanceViewModel

PREVIEW_WIDTH = 640

Post = Callable[[Callable[[], None]], None]


def preview_image(image: Image) -> QImage:
    """A ``PREVIEW_WIDTH``-wide RGB copy of a BGR frame, owned by the QImage."""
    height, width = image.shape[:2]
    scaled_h = max(1, round(height * PREVIEW_WIDTH / width))
    small = cv2.resize(image, (PREVIEW_WIDTH, scaled_h), interpolation=cv2.INTER_AREA)
    rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    return QImage(rgb.data, PREVIEW_WIDTH, scaled_h, 3 * PREVIEW_WIDTH,
                  QImage.Format.Format_RGB888).copy()


class CameraPreview:
    """Shows capture frames on the identity screen."""

    def __init__(
        self, frames: CameraFrameProvider, identity: IdentityViewModel, post: Post
    ) -> None:
        self._frames = frames
        self._identity = identity
        self._post = post

    def show(self, image: Image) -> None:
        """A new camera frame (capture thread)."""
        self._frames.set_frame(preview_image(image))
        self._post(self._identity.frame_arrived)


class MaintenancePreview:
    """Shows a camera's frames and what was found in them on the maintenance Devices pane."""

    def __init__(
        self, frames: CameraFrameProvider, maintenance: MaintenanceViewModel, post: Post
    ) -> None:
        self._frames = frames
        self._maintenance = maintenance
        self._post = post

    def show(self, image: Image, overlay: Overlay) -> None:
        """A new frame and its overlay (preview thread)."""
        self._frames.set_frame(preview_image(image))
        self._post(partial(self._maintenance.set_preview, overlay))

    def missing(self) -> None:
        """The camera delivers no frame (preview thread)."""
        self._post(self._maintenance.set_preview_missing)
