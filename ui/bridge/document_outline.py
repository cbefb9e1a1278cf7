"""The live document view's picture: a preview-sized copy of a camera frame with the detected
page outlined. Imports OpenCV, so the capture view-model reaches it only on the first frame of
a live view (never before home's first frame)."""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtGui import QImage

from drivers.camera.document import Corners
from drivers.camera.types import Image
from ui.bridge.camera_preview import PREVIEW_WIDTH, preview_image

OUTLINE_BGR = (100, 217, 76)
OUTLINE_PX = 4


def outlined(image: Image, corners: Corners | None) -> QImage:
    """A preview-sized RGB copy of the frame with the detected page outlined."""
    if corners is None:
        return preview_image(image)
    scale = PREVIEW_WIDTH / image.shape[1]
    small = np.asarray(
        cv2.resize(image, (PREVIEW_WIDTH, max(1, round(image.shape[0] * scale))),
                   interpolation=cv2.INTER_AREA),
        dtype=np.uint8,
    )
    points = np.array([[round(x * scale), round(y * scale)] for x, y in corners], np.int32)
    cv2.polylines(small, [points], isClosed=True, color=OUTLINE_BGR, thickness=OUTLINE_PX)
    return preview_image(small)
