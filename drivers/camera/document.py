"""Document capture: find the page in a frame and flatten it to an upright JPEG.

The page is the largest convex quadrilateral among the frame's outer contours (Canny edges,
``findContours``, ``approxPolyDP``), searched on a downscaled copy. Its corners are ordered
top-left, top-right, bottom-right, bottom-left and warped to a rectangle whose sides are the
page's measured edge lengths, so an A4 sheet comes out at about 1:√2.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import cv2
import numpy as np
import numpy.typing as npt

from drivers.camera.jpeg import encode_jpeg
from drivers.camera.types import Image

Corners = tuple[tuple[float, float], ...]
"""Four page corners in full-frame pixels: top-left, top-right, bottom-right, bottom-left."""


class DocumentOutcome(StrEnum):
    """Whether a page was found."""

    FOUND = "found"
    NO_PAGE = "no_page"


@dataclass(frozen=True)
class DocumentSettings:
    """Every tunable of document capture.

    ``min_area`` is the smallest page, as a fraction of the frame, taken for a document;
    ``epsilon`` is approxPolyDP's tolerance as a fraction of the contour's perimeter.
    """

    detect_width: int = 640
    blur_px: int = 5
    canny_low: int = 50
    canny_high: int = 150
    epsilon: float = 0.02
    min_area: float = 0.10
    jpeg_quality: int = 90


@dataclass(frozen=True)
class DocumentCapture:
    """The outcome; when found, the corners, the flattened page and its JPEG bytes."""

    outcome: DocumentOutcome
    detail: str
    corners: Corners | None = None
    page: Image | None = None
    jpeg: bytes | None = None


def find_page(image: Image, settings: DocumentSettings | None = None) -> Corners | None:
    """The corners of the largest page-like quadrilateral in ``image``, or None."""
    s = settings or DocumentSettings()
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    width = gray.shape[1]
    scale = min(1.0, s.detect_width / width)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (s.blur_px, s.blur_px), 0)
    edges = cv2.Canny(small, s.canny_low, s.canny_high)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    min_area = s.min_area * small.shape[0] * small.shape[1]
    for contour in sorted(contours, key=cv2.contourArea, reverse=True):
        if cv2.contourArea(contour) < min_area:
            break
        quad = cv2.approxPolyDP(contour, s.epsilon * cv2.arcLength(contour, True), True)
        if len(quad) == 4 and cv2.isContourConvex(quad):
            points = quad.reshape(4, 2).astype(np.float64) / scale
            return _order(points)
    return None


def _order(points: npt.NDArray[np.float64]) -> Corners:
    """Top-left, top-right, bottom-right, bottom-left (by coordinate sums and differences)."""
    sums = points.sum(axis=1)
    diffs = points[:, 1] - points[:, 0]
    ordered = (
        points[np.argmin(sums)],
        points[np.argmin(diffs)],
        points[np.argmax(sums)],
        points[np.argmax(diffs)],
    )
    return tuple((float(x), float(y)) for x, y in ordered)


def flatten(image: Image, corners: Corners) -> Image:
    """Warp the quadrilateral ``corners`` of ``image`` to an upright rectangle."""
    tl, tr, br, bl = (np.array(c) for c in corners)
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    source = np.array(corners, dtype=np.float32)
    right, bottom = width - 1, height - 1
    target = np.array([[0, 0], [right, 0], [right, bottom], [0, bottom]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    return np.asarray(cv2.warpPerspective(image, matrix, (width, height)), dtype=np.uint8)


def capture_document(image: Image, settings: DocumentSettings | None = None) -> DocumentCapture:
    """Find the page in a BGR frame and return it flattened and JPEG-encoded in memory."""
    s = settings or DocumentSettings()
    corners = find_page(image, s)
    if corners is None:
        return DocumentCapture(
            DocumentOutcome.NO_PAGE, "no page found: place the whole page flat in view"
        )
    page = flatten(image, corners)
    return DocumentCapture(
        DocumentOutcome.FOUND,
        f"page {page.shape[1]}×{page.shape[0]} px",
        corners,
        page,
        encode_jpeg(page, s.jpeg_quality),
    )
