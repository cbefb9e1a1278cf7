"""What the emulated printer put on paper (and did besides) between two cuts.

The paper model (``interpreter.Paper``) fills a :class:`PrintedReceipt` with these items in
order; ``paper.py`` draws them and ``receipt_store.py`` writes their JSON record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Font = Literal["a", "b"]
ImageSource = Literal["raster", "column", "graphics"]


@dataclass(frozen=True)
class TextLine:
    """A printed text line and the style it was printed in.

    ``spacing`` is the line pitch in dots set by ``ESC 3/A/+`` (None: the printer's default);
    ``upside_down`` is ``ESC {``, ``inverted`` is ``GS B`` (white on black).
    """

    text: str
    align: int = 0
    bold: bool = False
    width: int = 1
    height: int = 1
    font: Font = "a"
    underline: int = 0
    upside_down: bool = False
    inverted: bool = False
    spacing: int | None = None


@dataclass(frozen=True)
class PrintedQr:
    """A printed QR symbol."""

    data: bytes
    module_size: int
    error_correction: str
    align: int = 0


@dataclass(frozen=True)
class PrintedRaster:
    """A printed bit image, row-major, MSB first, 1 = black; scaled when drawn.

    ``source`` says which command printed it: ``GS v 0`` (raster), ``ESC *`` (column bands,
    merged into one image) or ``GS ( L`` (graphics).
    """

    width_bytes: int
    height: int
    bits: bytes
    align: int = 0
    scale_x: int = 1
    scale_y: int = 1
    source: ImageSource = "raster"


@dataclass(frozen=True)
class PrintedBarcode:
    """A ``GS k`` barcode: its system, data, module width and bar height in dots, HRI position.

    ``hri`` is the ``GS H`` setting: 0 none, 1 above, 2 below, 3 both.
    """

    system: str
    data: str
    module: int = 3
    height: int = 162
    hri: int = 0
    align: int = 0


@dataclass(frozen=True)
class BlankLines:
    """Paper fed without printing: ``lines`` lines, or ``dots`` dots when set (``ESC J``)."""

    lines: int
    dots: int | None = None


@dataclass(frozen=True)
class Beep:
    """The buzzer sounded (``BEL`` or ``ESC B n t``): ``times`` beeps of ``duration_ms``."""

    times: int = 1
    duration_ms: int = 0


@dataclass(frozen=True)
class DrawerPulse:
    """``ESC p m t1 t2``: a cash-drawer kick on connector pin 2 or 5, on/off times in ms."""

    pin: int
    on_ms: int
    off_ms: int


PaperItem = TextLine | PrintedQr | PrintedRaster | PrintedBarcode | BlankLines
Signal = Beep | DrawerPulse


@dataclass
class PrintedReceipt:
    """Everything printed between two cuts, in order, with the signals and skipped commands."""

    items: list[PaperItem] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    cut: bool = False

    @property
    def text(self) -> list[str]:
        """The text lines, trailing spaces removed."""
        return [i.text.rstrip() for i in self.items if isinstance(i, TextLine)]

    @property
    def qr_payloads(self) -> list[str]:
        """The QR payloads, decoded as UTF-8."""
        return [i.data.decode("utf-8", "replace") for i in self.items if isinstance(i, PrintedQr)]

    @property
    def images(self) -> int:
        """How many bit images were printed."""
        return sum(isinstance(i, PrintedRaster) for i in self.items)

    @property
    def barcodes(self) -> list[PrintedBarcode]:
        """The barcodes printed."""
        return [i for i in self.items if isinstance(i, PrintedBarcode)]

    def record(self) -> dict[str, Any]:
        """The JSON-ready summary the emulator stores beside the PNG."""
        return {
            "text": self.text,
            "qr": self.qr_payloads,
            "images": self.images,
            "image_sources": [i.source for i in self.items if isinstance(i, PrintedRaster)],
            "barcodes": [{"system": b.system, "data": b.data} for b in self.barcodes],
            "lines": [_line_record(i) for i in self.items if isinstance(i, TextLine)],
            "signals": [_signal_record(s) for s in self.signals],
            "unknown_commands": list(self.unknown),
            "cut": self.cut,
        }


def _line_record(line: TextLine) -> dict[str, Any]:
    return {
        "text": line.text.rstrip(),
        "align": line.align,
        "bold": line.bold,
        "width": line.width,
        "height": line.height,
        "font": line.font,
        "underline": line.underline,
        "upside_down": line.upside_down,
        "inverted": line.inverted,
        "spacing": line.spacing,
    }


def _signal_record(signal: Signal) -> dict[str, Any]:
    if isinstance(signal, Beep):
        return {"kind": "beep", "times": signal.times, "duration_ms": signal.duration_ms}
    return {"kind": "drawer", "pin": signal.pin, "on_ms": signal.on_ms, "off_ms": signal.off_ms}
