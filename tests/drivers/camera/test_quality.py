"""Document quality: blur, glare and a page cut off by the frame, as guidance codes."""

from __future__ import annotations

import cv2
import numpy as np

from drivers.camera.document import DocumentCapture, DocumentOutcome, capture_document
from drivers.camera.quality import (
    QualityIssue,
    assess_document,
    glare_fraction,
    touches_edge,
)

from .helpers import fixture


def test_the_sharp_document_fixture_has_no_issue() -> None:
    frame = fixture("document")
    report = assess_document(frame, capture_document(frame))
    assert report.ok, report


def test_a_blurred_page_is_reported_blurred() -> None:
    frame = cv2.GaussianBlur(fixture("document"), (0, 0), 3)
    capture = capture_document(frame)
    report = assess_document(frame, capture)
    assert QualityIssue.BLURRED in report.issues


def test_a_lamp_reflection_on_the_page_is_reported_as_glare() -> None:
    frame = fixture("document")
    capture = capture_document(frame)
    assert capture.page is not None
    page = capture.page.copy()
    height, width = page.shape[:2]
    cv2.circle(page, (width // 2, height // 2), width // 5, (255, 255, 255), -1)
    report = assess_document(
        frame, DocumentCapture(DocumentOutcome.FOUND, "", capture.corners, page)
    )
    assert report.issues == (QualityIssue.GLARE,)
    assert report.glare == glare_fraction(page)


def test_a_page_touching_the_frame_border_is_reported_cut_off() -> None:
    frame = fixture("document")
    capture = capture_document(frame)
    assert capture.corners is not None
    (x, _), *rest = capture.corners
    moved = ((x, 0.0), *rest)
    report = assess_document(frame, DocumentCapture(DocumentOutcome.FOUND, "", moved, capture.page))
    assert QualityIssue.CUT_OFF in report.issues
    assert touches_edge(((5.0, 5.0),), (100, 100), 0.01) is False
    assert touches_edge(((0.5, 50.0),), (100, 100), 0.01) is True


def test_no_page_is_its_own_guidance() -> None:
    blank = np.full((720, 1280, 3), 128, np.uint8)
    report = assess_document(blank, capture_document(blank))
    assert report.issues == (QualityIssue.NO_PAGE,)
