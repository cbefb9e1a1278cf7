"""Face-quality check cost per frame (detection on a ~320 px copy, then the quality checks).

For each fixture frame, as the simulated 1280×720 camera delivers it: ``FaceCapturer.check``
(the live-preview cost), ``capture`` (check plus the in-memory JPEG of an accepted face),
and, for comparison, the Haar detection run on the full-size frame, which is what the
downscaling saves. Prints a table and writes ``benchmarks/results/face_quality.json``.
"""

from __future__ import annotations

import platform
from pathlib import Path

import cv2
import numpy as np

from benchmarks.common import median_ms, write_results
from drivers.camera.emulator import FIXTURE_DIR, fit
from drivers.camera.face import FaceCapturer, FaceThresholds
from drivers.camera.types import Image

RESULTS = Path(__file__).parent / "results" / "face_quality.json"
FRAMES = ("face", "blank", "document", "qr_large")
RUNS = 30
PREVIEW_BUDGET_MS = 33.0
"""One frame at 30 fps: a check must fit in it to keep the guidance live."""


def frame(name: str) -> Image:
    """The fixture as the simulated camera shows it: fitted into 1280×720."""
    path = sorted(FIXTURE_DIR.glob(f"{name}.*"))[0]
    return fit(np.asarray(cv2.imread(str(path)), np.uint8), 1280, 720)


def measure(name: str, capturer: FaceCapturer, full: FaceCapturer) -> dict[str, str | float]:
    """The timings for one fixture frame."""
    image = frame(name)
    gray = np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), np.uint8)
    return {
        "frame": name,
        "guidance": capturer.check(image).guidance.value,
        "check_ms": round(median_ms(lambda: capturer.check(image), RUNS), 3),
        "capture_ms": round(median_ms(lambda: capturer.capture(image), RUNS), 3),
        "full_size_detect_ms": round(median_ms(lambda: full.detect(gray), runs=5), 3),
    }


def main() -> None:
    """Measure every frame, print the table, write the JSON figures."""
    capturer = FaceCapturer()
    full = FaceCapturer(FaceThresholds(detect_width=1280, min_detect_px=80))
    rows = [measure(name, capturer, full) for name in FRAMES]
    print(f"{'frame':<10} {'guidance':<9} {'check':>9} {'capture':>9} {'full-size detect':>17}")
    for row in rows:
        print(
            f"{row['frame']:<10} {row['guidance']:<9} {row['check_ms']:>7.2f}ms "
            f"{row['capture_ms']:>7.2f}ms {row['full_size_detect_ms']:>15.2f}ms"
        )
    print(f"budget: a check within {PREVIEW_BUDGET_MS} ms keeps a 30 fps preview's guidance live")
    write_results(
        RESULTS,
        {
            "frame_size": [1280, 720],
            "detect_width": capturer.thresholds.detect_width,
            "runs_per_figure": RUNS,
            "statistic": "median",
            "machine": platform.processor() or platform.machine(),
            "opencv": cv2.__version__,
            "opencv_threads": cv2.getNumThreads(),
            "budget_ms": PREVIEW_BUDGET_MS,
            "rows": rows,
        },
    )


if __name__ == "__main__":
    main()
