"""Self-tests of the A4 printer and the document camera for the maintenance Devices pane.

Each returns a :class:`~kiosk.maintenance.checks.CheckResult` (a code the UI words, and the
technician's detail) and never raises for an expected failure. Both block on I/O: run them
in a worker.

* A4: the test page (a PDF the caller rendered) is printed as a job and followed to its end;
  it passes only when the job completed *and* the printer's status read after the job is fine
  (:meth:`drivers.a4_printer.printer.IppA4Printer.print_pdf` checks both).
* Document camera: a few new frames are grabbed; the test fails when none comes, when they
  are dark (lens covered, lamp off), or when no page is found in any of them; otherwise it
  reports the frame's resolution, the page's size, its focus (sharpness) and glare, and fails
  when the best page is blurred, glared or cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from drivers.a4_printer.types import A4Printer
from drivers.base import DeviceError
from drivers.camera.document import DocumentOutcome, capture_document
from drivers.camera.quality import QualityReport, assess_document
from drivers.camera.types import Frame, FrameSource
from kiosk.maintenance.checks import CheckResult

A4_TEST_TITLE = "kiosk-a4-self-test"
"""The test page's job name (what the printer's queue shows)."""
FRAMES_TO_GRAB = 5
FRAME_WAIT_S = 2.0
"""How long the document camera test waits for each new frame."""
MIN_BRIGHTNESS = 20.0
"""A frame darker than this (grey mean, 0–255) shows nothing: lens covered or lamp off."""


def print_a4_test_page(printer: A4Printer, pdf: bytes) -> CheckResult:
    """Print the test page and confirm it by the job's final state and the printer's status."""
    try:
        result = printer.print_pdf(pdf, A4_TEST_TITLE)
    except DeviceError as error:
        return CheckResult(False, "a4_print_failed", str(error))
    if not result.ok:
        return CheckResult(False, "a4_print_failed", result.reason)
    status = result.status
    after = f"{status.state.value}, {status.media.value}" if status is not None else ""
    return CheckResult(True, "a4_printed", f"job {result.job_id}; {after}")


@dataclass(frozen=True)
class _Assessed:
    frame: Frame
    page_size: tuple[int, int]
    quality: QualityReport


def _grab(camera: FrameSource, count: int, wait_s: float) -> list[Frame]:
    frames: list[Frame] = []
    latest = camera.latest_frame()
    after = latest.index if latest is not None else 0
    for _ in range(count):
        frame = camera.wait_frame(after, wait_s)
        if frame is None:
            break
        frames.append(frame)
        after = frame.index
    return frames


def _assess(frame: Frame) -> _Assessed | None:
    capture = capture_document(frame.image)
    if capture.outcome is not DocumentOutcome.FOUND or capture.page is None:
        return None
    height, width = capture.page.shape[:2]
    return _Assessed(frame, (width, height), assess_document(frame.image, capture))


def check_document_camera(
    camera: FrameSource, frames: int = FRAMES_TO_GRAB, wait_s: float = FRAME_WAIT_S
) -> CheckResult:
    """Grab frames, find the page, report resolution, focus and quality."""
    grabbed = _grab(camera, frames, wait_s)
    if not grabbed:
        status = camera.status
        detail = f"{status.state.value} {status.detail}".strip()
        return CheckResult(False, "camera_no_frames", detail)
    height, width = grabbed[-1].image.shape[:2]
    resolution = f"{width}×{height}"
    brightness = max(float(np.mean(f.image)) for f in grabbed)
    if brightness < MIN_BRIGHTNESS:
        return CheckResult(False, "camera_dark", f"{resolution}, brightness {brightness:.0f}")
    found = [a for a in (_assess(f) for f in grabbed) if a is not None]
    if not found:
        return CheckResult(False, "no_page", f"{resolution}, {len(grabbed)} frames")
    best = max(found, key=lambda a: a.quality.sharpness)
    quality = best.quality
    detail = (
        f"{resolution}, page {best.page_size[0]}×{best.page_size[1]}, "
        f"sharpness {quality.sharpness:.0f}, glare {quality.glare:.1%}"
    )
    if not quality.ok:
        issues = ",".join(issue.value for issue in quality.issues)
        return CheckResult(False, "document_quality", f"{issues}; {detail}")
    return CheckResult(True, "document_camera_ok", detail)
