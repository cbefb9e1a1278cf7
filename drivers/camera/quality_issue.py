"""The guidance codes of a document capture's quality check, apart from the check itself.

The application's material plans carry these codes (:mod:`kiosk.materials.resolution`) and
are imported before the kiosk's first frame; the check (:mod:`drivers.camera.quality`) needs
OpenCV and numpy (about 0.2 s to import), which only the capture itself should load.
"""

from __future__ import annotations

from enum import StrEnum


class QualityIssue(StrEnum):
    """What is wrong with a capture, one guidance code each."""

    NO_PAGE = "no_page"
    CUT_OFF = "cut_off"
    BLURRED = "blurred"
    GLARE = "glare"
