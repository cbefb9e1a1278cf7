"""What the maintenance camera preview draws over a frame: the faces found, the QR codes
decoded (outline and text) and the page found, as shapes in fractions of the frame.

The detectors are the kiosk's own: faces by :class:`drivers.camera.face.FaceCapturer` (the
identity check's cascade), QR codes by zxing-cpp (as the camera scanner reads them), the page
by :func:`drivers.camera.document.find_page` (as materials are captured). Coordinates are
fractions of the frame's width and height, so the screen scales them to whatever size it
shows the frame at. Detection is slow (tens of milliseconds): run it off the GUI thread.
The shapes are plain values; OpenCV, numpy and zxing-cpp load with the first detector (the
maintenance view-model imports the shapes before home's first frame).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drivers.camera.face import FaceCapturer
    from drivers.camera.types import Image

Point = tuple[float, float]


class ShapeKind(StrEnum):
    """What a shape outlines."""

    FACE = "face"
    QR = "qr"
    PAGE = "page"


@dataclass(frozen=True)
class Shape:
    """A closed outline (points in fractions of the frame) and its label (a QR code's text)."""

    kind: ShapeKind
    points: tuple[Point, ...]
    label: str = ""


@dataclass(frozen=True)
class Overlay:
    """Everything found in one frame of ``width`` × ``height`` pixels."""

    width: int
    height: int
    shapes: tuple[Shape, ...]

    def of_kind(self, kind: ShapeKind) -> tuple[Shape, ...]:
        """The shapes of one kind."""
        return tuple(s for s in self.shapes if s.kind is kind)


def _scaled(points: Sequence[tuple[float, float]], width: int, height: int) -> tuple[Point, ...]:
    return tuple(
        (min(1.0, max(0.0, x / width)), min(1.0, max(0.0, y / height))) for x, y in points
    )


class OverlayDetector:
    """Finds faces, QR codes and a page in BGR frames. One per thread (the face cascade is
    not shared safely)."""

    def __init__(self, faces: FaceCapturer | None = None) -> None:
        from drivers.camera.face import FaceCapturer

        self._faces = faces or FaceCapturer()

    def detect(self, image: Image) -> Overlay:
        """The shapes found in ``image``."""
        import cv2
        import numpy as np
        import zxingcpp

        from drivers.camera.document import find_page
        from drivers.scanner.camera_scan import QR_ONLY

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
