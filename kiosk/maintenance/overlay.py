"""What the maintenance camera preview draws over a frame: the faces found, the QR codes
decoded (outline and text) and the page found, as shapes in fractions of the frame.

The detectors are the kiosk's own: faces by :class:`drivers.camera.face.FaceCapturer` (the
identity check's cascade), QR codes by zxing-cpp (as the camera scanner reads them), the page
by :func:`drivers.camera.document.find_page` (as materials are captured). Coordinates are
fractions of the frame's width and height, so the screen scales them to whatever size it
shows the frame at. Detection is slow (tens of milliseconds): run it off the GUI thread.
The shapes themselves live in :mod:`kiosk.maintenance.overlay_shapes` (no OpenCV).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
import zxingcpp

from drivers.camera.document import find_page
from drivers.camera.face import FaceCapturer
from drivers.camera.types import Image
from drivers.scanner.camera_scan import QR_ONLY
from kiosk.maintenance.overlay_shapes import Overlay, Point, Shape, ShapeKind


def _scaled(points: Sequence[tuple[float, float]], width: int, height: int) -> tuple[Point, ...]:
    return tuple(
        (min(1.0, max(0.0, x / width)), min(1.0, max(0.0, y / height))) for x, y in points
    )


class OverlayDetector:
    """Finds faces, QR codes and a page in BGR frames. One per thread (the face cascade is
    not shared safely)."""

    def __init__(self, faces: FaceCapturer | None = None) -> None:
        self._faces = faces or FaceCapturer()

    def detect(self, image: Image) -> Overlay:
        """The shapes found in ``image``."""
        height, width = image.shape[:2]
        gray = image if image.ndim == 2 else np.asarray(
            cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), np.uint8
        )
        shapes: list[Shape] = []
        for x, y, w, h in self._faces.detect(gray):
            corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            shapes.append(Shape(ShapeKind.FACE, _scaled(corners, width, height)))
        for code in zxingcpp.read_barcodes(gray, formats=QR_ONLY):
            if not code.valid:
                continue
            p = code.position
            outline = [(float(c.x), float(c.y))
                       for c in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
            shapes.append(Shape(ShapeKind.QR, _scaled(outline, width, height), code.text))
        page = find_page(image)
        if page is not None:
            shapes.append(Shape(ShapeKind.PAGE, _scaled(list(page), width, height)))
        return Overlay(width, height, tuple(shapes))
