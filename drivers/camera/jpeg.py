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


def encode_jpeg_buffer(image: Image, quality: int = 90) -> bytearray:
    """JPEG of ``image`` in a zeroable ``bytearray``, the only copy left: the encoder's own
    array is copied once, straight into the bytearray, and then zeroed (for face images,
    which the kiosk must be able to wipe)."""
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    encoded = np.ascontiguousarray(buffer, dtype=np.uint8).reshape(-1)
    jpeg = bytearray(encoded.size)
    np.frombuffer(jpeg, dtype=np.uint8)[:] = encoded
    encoded.fill(0)
    return jpeg
