"""The shapes the maintenance camera preview draws over a frame (see
:mod:`kiosk.maintenance.overlay`, which finds them): plain values, apart from the detectors so
the maintenance view-model can show them without importing OpenCV before home's first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Point = tuple[float, float]


class ShapeKind(StrEnum):
    """What a shape outlines."""

    FACE = "face"
    QR = "qr"
    PAGE = "page"


@dataclass(frozen=True)
class Shape:
    """A closed outline (points in fractions of the frame) and its label (a QR code's text)."""

    kind: ShapeKind
    points: tuple[Point, ...]
    label: str = ""


@dataclass(frozen=True)
class Overlay:
    """Everything found in one frame of ``width`` × ``height`` pixels."""

    width: int
    height: int
    shapes: tuple[Shape, ...]

    def of_kind(self, kind: ShapeKind) -> tuple[Shape, ...]:
        """The shapes of one kind."""
        return tuple(s for s in self.shapes if s.kind is kind)
