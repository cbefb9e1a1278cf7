"""The pages being captured for one material: added, retaken, taken as a scan, zeroed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.camera.quality_issue import QualityIssue
from kiosk.materials.capture import MAX_PAGES, PageCapture
from kiosk.materials.resolution import sha256_hex


def test_pages_are_kept_in_order_with_their_issues_and_become_a_scan() -> None:
    capture = PageCapture()
    capture.add(bytearray(b"\xff\xd8page-1"))
    capture.add(bytearray(b"\xff\xd8page-2"), (QualityIssue.BLURRED,))
    scanned = capture.scanned()
    assert [p.jpeg for p in scanned] == [b"\xff\xd8page-1", b"\xff\xd8page-2"]
    assert scanned[1].issues == (QualityIssue.BLURRED,)
    assert scanned[0].sha256 == sha256_hex(b"\xff\xd8page-1")


def test_retake_drops_and_zeroes_the_last_page() -> None:
    capture = PageCapture()
    first, second = bytearray(b"one"), bytearray(b"two")
    capture.add(first)
    capture.add(second)
    capture.retake()
    assert [bytes(p.jpeg) for p in capture.pages] == [b"one"]
    assert second == bytearray(3), "the retaken page's buffer is zeroed"


def test_clear_zeroes_every_page_and_forgets_a_miss() -> None:
    capture = PageCapture()
    buffers = [bytearray(b"abc"), bytearray(b"defg")]
    for b in buffers:
        capture.add(b)
    capture.missed = True
    capture.clear()
    assert capture.pages == () and not capture.missed
    assert all(b == bytearray(len(b)) for b in buffers)


@given(st.integers(min_value=0, max_value=MAX_PAGES + 5))
def test_no_more_than_max_pages_are_kept(count: int) -> None:
    capture = PageCapture()
    added = [capture.add(bytearray(b"p")) for _ in range(count)]
    assert len(capture.pages) == min(count, MAX_PAGES)
    assert added.count(False) == max(0, count - MAX_PAGES)
    assert capture.full is (count >= MAX_PAGES)
