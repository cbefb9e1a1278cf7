"""Camera scanning cost per 1280×720 frame: the kiosk's pipeline versus the bare zxing call.

Pipeline: grab the latest frame from the camera driver (reading the simulator), convert to
grayscale, zxing-cpp QR-only, repeat filter and event delivery (``CameraScanner.process``).
Baselines: ``zxingcpp.read_barcodes`` QR-only on the same frame as the camera delivers it
(BGR; zxing converts it itself), and on that frame already converted to grayscale (zxing's
bare decoding cost, so the pipeline's whole overhead shows). Targets: pipeline ≤ 1.2× the
raw call on the same frame and ≤ 8 ms per frame. Prints a table and writes
``benchmarks/results/camera_scan.json``.
"""

from __future__ import annotations

import platform
from pathlib import Path

import cv2
import zxingcpp

from benchmarks.common import median_ms, write_results
from drivers.camera.capture import Camera
from drivers.camera.emulator import CameraEmulator
from drivers.camera.types import CameraSettings
from drivers.scanner.camera_scan import QR_ONLY, CameraScanner

RESULTS = Path(__file__).parent / "results" / "camera_scan.json"
FRAMES = ("qr_small", "qr_medium", "qr_large", "blank", "face")
RUNS = 60
TARGET_RATIO = 1.2
TARGET_MS = 8.0


def measure(name: str) -> dict[str, float | str | bool]:
    """The three timings for one fixture shown to the simulated camera."""
    simulator = CameraEmulator(name, fps=15)
    camera = Camera(CameraSettings("sim", 1280, 720), simulator.capture)
    scanner = CameraScanner(camera)
    delivered: list[object] = []
    scanner.events.subscribe(delivered.append)
    camera.open()
    try:
        frame = camera.wait_frame(0, 5.0)
        if frame is None:
            raise RuntimeError(f"the simulated camera gave no frame for {name}")
        gray = cv2.cvtColor(frame.image, cv2.COLOR_BGR2GRAY)

        def pipeline() -> None:
            latest = camera.latest_frame()
            if latest is not None:
                scanner.process(latest)

        pipeline_ms = median_ms(pipeline, RUNS)
        gray_ms = median_ms(lambda: zxingcpp.read_barcodes(gray, formats=QR_ONLY), RUNS)
        bgr_ms = median_ms(lambda: zxingcpp.read_barcodes(frame.image, formats=QR_ONLY), RUNS)
    finally:
        camera.close()
        simulator.stop()
    ratio = pipeline_ms / bgr_ms
    return {
        "frame": name,
        "zxing_same_frame_ms": round(bgr_ms, 3),
        "zxing_pregray_ms": round(gray_ms, 3),
        "pipeline_ms": round(pipeline_ms, 3),
        "ratio_vs_same_frame": round(ratio, 3),
        "ratio_vs_pregray": round(pipeline_ms / gray_ms, 3),
        "decoded": bool(delivered),
        "meets_targets": ratio <= TARGET_RATIO and pipeline_ms <= TARGET_MS,
    }


def main() -> None:
    """Measure every frame, print the table, write the JSON figures."""
    rows = [measure(name) for name in FRAMES]
    print(
        f"{'frame':<10} {'zxing frame':>11} {'zxing gray':>11} {'pipeline':>10} "
        f"{'x frame':>8} {'x gray':>7}  decoded  ok"
    )
    for row in rows:
        print(
            f"{row['frame']:<10} {row['zxing_same_frame_ms']:>9.2f}ms "
            f"{row['zxing_pregray_ms']:>9.2f}ms {row['pipeline_ms']:>8.2f}ms "
            f"{row['ratio_vs_same_frame']:>8.2f} {row['ratio_vs_pregray']:>7.2f}  "
            f"{row['decoded']!s:<7}  {row['meets_targets']}"
        )
    print(f"targets: pipeline <= {TARGET_RATIO}x zxing on the same frame, <= {TARGET_MS} ms/frame")
    write_results(
        RESULTS,
        {
            "frame_size": [1280, 720],
            "runs_per_figure": RUNS,
            "statistic": "median",
            "machine": platform.processor() or platform.machine(),
            "opencv": cv2.__version__,
            "targets": {"ratio": TARGET_RATIO, "ms_per_frame": TARGET_MS},
            "rows": rows,
        },
    )


if __name__ == "__main__":
    main()
