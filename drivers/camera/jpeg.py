"""In-memory JPEG encoding: captured faces and pages leave the camera as bytes, never files."""

from __future__ import annotations

import cv2
import numpy as np

from drivers.camera.types import Image


def encode_jpeg(image: Image, quality: int = 90) -> bytes:
    """JPEG bytes of ``image`` encoded in memory (never through a file)."""
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return bytes(np.asarray(buffer).tobytes())
