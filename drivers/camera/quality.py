"""Document-capture quality: is a captured page sharp, free of glare and wholly in view?

Three checks, each a plain measurement on pixels, reported as guidance codes the screen turns
into advice ("hold still", "tilt away from the light", "move the page into the frame"):

* blur — the variance of the Laplacian of the flattened page, scaled to a fixed width so that
  a page's distance from the camera does not change the score; low variance means few edges;
* glare — the fraction of the page's pixels that are saturated (every channel at or above
  ``glare_level``): a reflection of the lamp washes text out;
* cut off — a corner of the page quadrilateral within ``edge_margin`` of the frame's border:
  the page probably continues outside the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from drivers.camera.document import Corners, DocumentCapture
from drivers.camera.quality_issue import QualityIssue
from drivers.camera.types import Image


@dataclass(frozen=True)
class QualitySettings:
    """Thresholds of the quality checks.

    ``min_sharpness`` is the least variance of the Laplacian of the page scaled to
    ``sharpness_width`` pixels wide; ``max_glare`` the largest fraction of saturated page
    pixels; ``edge_margin`` the distance from the frame border, as a fraction of the frame's
    width or height, within which a corner counts as touching it.
    """

    min_sharpness: float = 60.0
    sharpness_width: int = 600
    glare_level: int = 250
    max_glare: float = 0.02
    edge_margin: float = 0.01


@dataclass(frozen=True)
class QualityReport:
    """The measurements and the issues found (empty when the capture is usable)."""

    issues: tuple[QualityIssue, ...]
    sharpness: float = 0.0
    glare: float = 0.0

    @property
    def ok(self) -> bool:
        """True when no issue was found."""
        return not self.issues


def sharpness(page: Image, width: int = 600) -> float:
    """Variance of the Laplacian of ``page`` resized to ``width`` pixels wide (grayscale)."""
    gray = page if page.ndim == 2 else cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    scale = width / gray.shape[1]
    resized = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(resized, cv2.CV_64F).var())


def glare_fraction(page: Image, level: int = 250) -> float:
    """The fraction of pixels of ``page`` whose every channel is at least ``level``."""
    saturated = page >= level if page.ndim == 2 else np.all(page >= level, axis=2)
    return float(saturated.mean())


def touches_edge(corners: Corners, frame_shape: tuple[int, ...], margin: float) -> bool:
    """True when a corner lies within ``margin`` (fraction of the side) of the frame border."""
    height, width = frame_shape[:2]
    dx, dy = margin * width, margin * height
    return any(
        x <= dx or y <= dy or x >= width - 1 - dx or y >= height - 1 - dy for x, y in corners
    )


def assess_document(
    frame: Image, capture: DocumentCapture, settings: QualitySettings | None = None
) -> QualityReport:
    """The quality of ``capture``, found in ``frame``: every issue, in the order to fix them."""
    s = settings or QualitySettings()
    if capture.corners is None or capture.page is None:
        return QualityReport((QualityIssue.NO_PAGE,))
    issues: list[QualityIssue] = []
    if touches_edge(capture.corners, frame.shape, s.edge_margin):
        issues.append(QualityIssue.CUT_OFF)
    sharp = sharpness(capture.page, s.sharpness_width)
    if sharp < s.min_sharpness:
        issues.append(QualityIssue.BLURRED)
    glare = glare_fraction(capture.page, s.glare_level)
    if glare > s.max_glare:
        issues.append(QualityIssue.GLARE)
    return QualityReport(tuple(issues), sharp, glare)
