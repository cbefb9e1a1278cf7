"""The commands the ESC/POS parser hands to the paper model, one dataclass per kind of command.

Fixed-length ``ESC``/``GS``/``FS`` commands arrive as :class:`Control` (prefix, opcode and
parameter bytes, lengths from :data:`drivers.printer.commands.FIXED_LENGTH`); commands with
their own framing (images, barcodes, ``GS (`` functions, tab stops) have their own types.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextBytes:
    """Printable bytes, decoded when the line ends."""

    data: bytes


@dataclass(frozen=True)
class ControlByte:
    """A one-byte control code: ``LF``, ``HT``, ``CR``, ``FF``, ``VT``, ``BEL`` or ``NUL``."""

    code: int


@dataclass(frozen=True)
class Control:
    """A fixed-length command: ``prefix`` (ESC, GS or FS), ``op`` and its parameter bytes."""

    prefix: int
    op: int
    params: bytes = b""


@dataclass(frozen=True)
class CutPaper:
    """``GS V``; ``feed`` dots fed first (``GS V 65/66 n``)."""

    partial: bool
    feed: int = 0


@dataclass(frozen=True)
class Function:
    """``GS ( x pL pH body``: ``kind`` is ``x`` (``k`` 2-D codes, ``L`` graphics)."""

    kind: int
    body: bytes


@dataclass(frozen=True)
class RasterImage:
    """``GS v 0 m``: ``width_bytes`` × ``height`` bits, 1 = black; ``m`` doubles width/height."""

    width_bytes: int
    height: int
    bits: bytes
    scale_x: int = 1
    scale_y: int = 1


@dataclass(frozen=True)
class ColumnImage:
    """``ESC * m``: one band of ``width`` columns, each ``dots_high`` (8 or 24) dots, MSB on top.

    ``scale_x``/``scale_y`` stretch single-density modes to the head's resolution.
    """

    width: int
    dots_high: int
    data: bytes
    scale_x: int
    scale_y: int


@dataclass(frozen=True)
class Barcode:
    """``GS k``: a barcode ``system`` (a name from ``BARCODE_SYSTEMS``) and its data bytes."""

    system: str
    data: bytes


@dataclass(frozen=True)
class TabStops:
    """``ESC D n1 … NUL``: horizontal tab positions in columns."""

    columns: tuple[int, ...]


@dataclass(frozen=True)
class StatusRequest:
    """``DLE EOT n``: answer one status byte now."""

    n: int


@dataclass(frozen=True)
class IdRequest:
    """``GS I n``: answer printer information."""

    n: int


@dataclass(frozen=True)
class Unknown:
    """Bytes the interpreter does not understand: logged and skipped, never printed."""

    data: bytes


Command = (
    TextBytes
    | ControlByte
    | Control
    | CutPaper
    | Function
    | RasterImage
    | ColumnImage
    | Barcode
    | TabStops
    | StatusRequest
    | IdRequest
    | Unknown
)
