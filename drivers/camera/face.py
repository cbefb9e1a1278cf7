"""Face capture for identity verification: quality guidance per frame, then an in-memory JPEG.

Faces are found with OpenCV's frontal-face Haar cascade on a frame downscaled to about 320 px
wide (a full 1280×720 detection is several times slower and gains nothing at kiosk
distance). Each frame gets one :class:`FaceGuidance` the screen can show; only a frame whose
guidance is ``ok`` is encoded, as a JPEG in memory, cropped around the face. Nothing here
writes to disk or logs an image.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import cv2
import cv2.data
import numpy as np

from drivers.camera.jpeg import encode_jpeg_buffer
from drivers.camera.types import Image

CASCADE_FILE = "haarcascade_frontalface_default.xml"


class FaceGuidance(StrEnum):
    """What the citizen should do next; ``ok`` means the frame is fit for verification."""

    NO_FACE = "no_face"
    MULTIPLE_FACES = "multiple_faces"
    MOVE_CLOSER = "move_closer"
    MOVE_BACK = "move_back"
    CENTER_FACE = "center_face"
    TOO_DARK = "too_dark"
    TOO_BRIGHT = "too_bright"
    HOLD_STILL = "hold_still"
    OK = "ok"


@dataclass(frozen=True)
class FaceThresholds:
    """Every tunable of face capture, in one place.

    Sizes and positions are fractions of the frame, so they hold at any resolution.
    Brightness is a 0–255 grey mean; sharpness is the variance of the Laplacian of the face
    resized to ``sharpness_size`` pixels square (so it does not depend on face size).
    """

    detect_width: int = 320
    scale_factor: float = 1.1
    min_neighbors: int = 5
    min_detect_px: int = 20
    min_face_height: float = 0.15
    max_face_height: float = 0.65
    max_offset_x: float = 0.20
    centre_y: float = 0.40
    max_offset_y: float = 0.25
    min_scene_brightness: float = 40.0
    max_scene_brightness: float = 220.0
    min_face_brightness: float = 70.0
    max_face_brightness: float = 210.0
    min_sharpness: float = 25.0
    sharpness_size: int = 128
    crop_margin: float = 0.5
    jpeg_quality: int = 90


Box = tuple[int, int, int, int]
"""A face rectangle in full-frame pixels: x, y, width, height."""


@dataclass(frozen=True)
class FaceCheck:
    """One frame's verdict: the guidance, the faces found, and the measures behind it."""

    guidance: FaceGuidance
    faces: tuple[Box, ...]
    brightness: float
    sharpness: float | None = None


@dataclass(frozen=True)
class FaceCapture:
    """A checked frame and, when its guidance is ``ok``, the face crop as JPEG in a zeroable
    buffer (the only copy; whoever takes it zeroes it when done)."""

    check: FaceCheck
    jpeg: bytearray | None


class FaceCapturer:
    """Checks frames for a usable face and encodes the accepted one.

    Holds one cascade; use one instance per thread (OpenCV classifiers are not shared safely).
    """

    def __init__(self, thresholds: FaceThresholds | None = None) -> None:
        """Load the Haar cascade shipped with opencv-python(-headless) 4.x."""
        self._t = thresholds or FaceThresholds()
        self._cascade = cv2.CascadeClassifier(cv2.data.haarcascades + CASCADE_FILE)
        if self._cascade.empty():
            raise RuntimeError(f"OpenCV's {CASCADE_FILE} is missing (needs opencv 4.x)")

    @property
    def thresholds(self) -> FaceThresholds:
        """The thresholds in use."""
        return self._t

    def detect(self, gray: Image) -> tuple[Box, ...]:
        """Faces in a grayscale frame, found on a downscaled copy, in full-frame pixels."""
        width = gray.shape[1]
        scale = min(1.0, self._t.detect_width / width)
        small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        found = self._cascade.detectMultiScale(
            small,
            scaleFactor=self._t.scale_factor,
            minNeighbors=self._t.min_neighbors,
            minSize=(self._t.min_detect_px, self._t.min_detect_px),
        )
        return tuple(
            (round(x / scale), round(y / scale), round(w / scale), round(h / scale))
            for x, y, w, h in found
        )

    def check(self, image: Image) -> FaceCheck:
        """The guidance for one BGR frame (checks in the order a citizen can act on them)."""
        t = self._t
        gray = _gray(image)
        height, width = gray.shape[:2]
        scene = float(gray[height // 4 : 3 * height // 4, width // 4 : 3 * width // 4].mean())
        faces = self.detect(gray)
        if not faces:
            if scene < t.min_scene_brightness:
                return FaceCheck(FaceGuidance.TOO_DARK, faces, scene)
            if scene > t.max_scene_brightness:
                return FaceCheck(FaceGuidance.TOO_BRIGHT, faces, scene)
            return FaceCheck(FaceGuidance.NO_FACE, faces, scene)
        if len(faces) > 1:
            return FaceCheck(FaceGuidance.MULTIPLE_FACES, faces, scene)
        x, y, w, h = faces[0]
        if h / height < t.min_face_height:
            return FaceCheck(FaceGuidance.MOVE_CLOSER, faces, scene)
        if h / height > t.max_face_height:
            return FaceCheck(FaceGuidance.MOVE_BACK, faces, scene)
        off_x = abs((x + w / 2) / width - 0.5)
        off_y = abs((y + h / 2) / height - t.centre_y)
        if off_x > t.max_offset_x or off_y > t.max_offset_y:
            return FaceCheck(FaceGuidance.CENTER_FACE, faces, scene)
        face = gray[y : y + h, x : x + w]
        brightness = float(face.mean())
        if brightness < t.min_face_brightness:
            return FaceCheck(FaceGuidance.TOO_DARK, faces, brightness)
        if brightness > t.max_face_brightness:
            return FaceCheck(FaceGuidance.TOO_BRIGHT, faces, brightness)
        size = (t.sharpness_size, t.sharpness_size)
        sample = cv2.resize(face, size, interpolation=cv2.INTER_AREA)
        sharpness = float(cv2.Laplacian(sample, cv2.CV_64F).var())
        guidance = FaceGuidance.OK if sharpness >= t.min_sharpness else FaceGuidance.HOLD_STILL
        return FaceCheck(guidance, faces, brightness, sharpness)

    def capture(self, image: Image) -> FaceCapture:
        """Check ``image``; if it is ``ok``, JPEG-encode the face with a margin, in memory."""
        check = self.check(image)
        if check.guidance is not FaceGuidance.OK:
            return FaceCapture(check, None)
        x, y, w, h = check.faces[0]
        mx, my = round(w * self._t.crop_margin), round(h * self._t.crop_margin)
        height, width = image.shape[:2]
        top, bottom = max(0, y - my), min(height, y + h + my)
        crop = image[top:bottom, max(0, x - mx) : min(width, x + w + mx)]
        return FaceCapture(check, encode_jpeg_buffer(crop, self._t.jpeg_quality))


def _gray(image: Image) -> Image:
    if image.ndim == 2:
        return image
    return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), dtype=np.uint8)
