"""``python -m drivers.camera`` as a subprocess on fixture files (OpenCV reads files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2

from drivers.camera.emulator import FIXTURE_DIR

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drivers.camera", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_snapshot_writes_a_jpeg(tmp_path: Path) -> None:
    out = tmp_path / "snap.jpg"
    result = run_cli("--device", str(FIXTURE_DIR / "blank.png"), "snapshot", "--out", str(out))
    assert result.returncode == 0
    image = cv2.imread(str(out))
    assert image is not None
    assert image.shape == (720, 1280, 3)


def test_faces_reports_the_face_and_ok_guidance() -> None:
    result = run_cli("--device", str(FIXTURE_DIR / "face.png"), "faces", "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert len(report["faces"]) == 1
    assert report["guidance"] == "ok"


def test_faces_on_a_frame_without_a_face_says_no_face() -> None:
    result = run_cli("--device", str(FIXTURE_DIR / "document.jpg"), "faces")
    assert result.returncode == 0
    assert "faces: 0" in result.stdout
    assert "guidance: no_face" in result.stdout


def test_document_writes_the_flattened_page(tmp_path: Path) -> None:
    out = tmp_path / "page.jpg"
    result = run_cli("--device", str(FIXTURE_DIR / "document.jpg"), "document", "--out", str(out))
    assert result.returncode == 0
    page = cv2.imread(str(out))
    assert page.shape[0] > page.shape[1]


def test_missing_device_exits_3_with_one_line(tmp_path: Path) -> None:
    result = run_cli("--device", "/nonexistent/cam.mp4", "snapshot", "--out", str(tmp_path / "x"))
    assert result.returncode == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists()
