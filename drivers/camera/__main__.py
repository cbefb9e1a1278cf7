"""Technician's CLI for the camera (DEV: an index, device path, URL, or image/video file).

* ``python -m drivers.camera --device DEV snapshot --out FILE.jpg``: save one frame;
* ``python -m drivers.camera --device DEV faces [--json]``: faces found and the guidance;
* ``python -m drivers.camera --device DEV document --out PAGE.jpg``: the flattened page.

Exit 0 on success, 1 when no page is found, 3 on a device error (one line on stderr).
The files written here are the technician's explicit request; the kiosk path writes none.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from drivers.base import DeviceError
from drivers.camera.capture import Camera
from drivers.camera.document import DocumentOutcome, capture_document
from drivers.camera.face import FaceCapturer
from drivers.camera.jpeg import encode_jpeg
from drivers.camera.types import CameraSettings, Frame

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_DEVICE = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m drivers.camera", description=__doc__)
    parser.add_argument("--device", default="0", help="index, device path, URL or file")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for a frame")
    commands = parser.add_subparsers(dest="command", required=True)
    snapshot = commands.add_parser("snapshot", help="save one frame as JPEG")
    snapshot.add_argument("--out", type=Path, required=True)
    faces = commands.add_parser("faces", help="print faces found and the guidance")
    faces.add_argument("--json", action="store_true")
    document = commands.add_parser("document", help="save the flattened page as JPEG")
    document.add_argument("--out", type=Path, required=True)
    return parser


def grab(settings: CameraSettings, timeout: float) -> Frame:
    """One frame from the device; raises :class:`DeviceError` if none comes in time."""
    camera = Camera(settings)
    try:
        camera.open()
        frame = camera.wait_frame(0, timeout)
    finally:
        camera.close()
    if frame is None:
        raise DeviceError(f"no frame from {settings.source} within {timeout:g} s")
    return frame


def run(args: argparse.Namespace, frame: Frame) -> int:
    """Carry out the sub-command on ``frame``."""
    if args.command == "snapshot":
        args.out.write_bytes(encode_jpeg(frame.image, 90))
        print(f"{args.out}: {frame.image.shape[1]}×{frame.image.shape[0]}")
        return EXIT_OK
    if args.command == "faces":
        check = FaceCapturer().check(frame.image)
        if args.json:
            boxes = [list(box) for box in check.faces]
            print(json.dumps({"faces": boxes, "guidance": check.guidance.value}))
        else:
            print(f"faces: {len(check.faces)}")
            for x, y, w, h in check.faces:
                print(f"  x={x} y={y} w={w} h={h}")
            print(f"guidance: {check.guidance.value}")
        return EXIT_OK
    result = capture_document(frame.image)
    if result.outcome is not DocumentOutcome.FOUND or result.jpeg is None:
        print(f"{result.outcome.value}: {result.detail}")
        return EXIT_NOT_FOUND
    args.out.write_bytes(result.jpeg)
    print(f"{args.out}: {result.detail}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = _parser().parse_args(argv)
    settings = CameraSettings(args.device, args.width, args.height)
    try:
        frame = grab(settings, args.timeout)
    except DeviceError as error:
        print(f"camera error: {error}", file=sys.stderr)
        return EXIT_DEVICE
    return run(args, frame)


if __name__ == "__main__":
    sys.exit(main())
