"""Document capture: the page is found, flattened upright, and a clear no-page result."""

from __future__ import annotations

import cv2
import numpy as np

from drivers.camera.document import DocumentOutcome, capture_document, find_page

from .helpers import fixture

A4 = 297 / 210


def test_page_in_the_document_fixture_is_flattened_to_portrait_a4() -> None:
    result = capture_document(fixture("document"))
    assert result.outcome is DocumentOutcome.FOUND
    assert result.page is not None
    height, width = result.page.shape[:2]
    assert abs(height / width - A4) < 0.12
    assert width > 300


def test_flattened_page_is_upright_with_its_title_at_the_top() -> None:
    result = capture_document(fixture("document"))
    assert result.page is not None
    gray = cv2.cvtColor(result.page, cv2.COLOR_BGR2GRAY)
    ink = gray < 128
    rows = ink.mean(axis=1)
    third = len(rows) // 3
    assert rows[:third].sum() > rows[2 * third :].sum()
    margin = 10
    assert gray[margin:-margin, margin:-margin].mean() > 180


def test_page_jpeg_is_encoded_in_memory() -> None:
    result = capture_document(fixture("document"))
    assert result.jpeg is not None
    decoded = cv2.imdecode(np.frombuffer(result.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert result.page is not None
    assert decoded.shape == result.page.shape


def test_corners_are_ordered_clockwise_from_top_left() -> None:
    corners = find_page(fixture("document"))
    assert corners is not None
    tl, tr, br, bl = corners
    assert tl[1] < bl[1] and tr[1] < br[1]
    assert tl[0] < tr[0] and bl[0] < br[0]


def test_frame_without_a_page_says_so() -> None:
    result = capture_document(fixture("blank"))
    assert result.outcome is DocumentOutcome.NO_PAGE
    assert result.page is None and result.jpeg is None
    assert "no page" in result.detail
