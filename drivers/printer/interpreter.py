"""An ESC/POS interpreter: a byte stream parsed into commands, applied to a paper model.

:class:`Parser` is incremental (bytes may arrive split anywhere) and never raises on garbage:
unknown commands become :class:`Unknown` and are skipped. :class:`Paper` applies printing
commands the way a printer does (text decoded in the configured encoding when Chinese mode is
on, ``GS ( k`` QR, ``GS v 0`` raster, alignment, bold, size, feed) and hands back a
:class:`PrintedReceipt` on each cut. Real-time requests (``DLE EOT``, ``GS I``) are left for the
caller to answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers.printer import commands

#: The longest ``GS ( k`` / ``GS v 0`` payload accepted; larger declared lengths are garbage.
MAX_PAYLOAD = 1 << 20


@dataclass(frozen=True)
class TextBytes:
    """Printable bytes, decoded when the line ends."""

    data: bytes


@dataclass(frozen=True)
class LineFeed:
    """``LF``: print the line buffer."""


@dataclass(frozen=True)
class Initialize:
    """``ESC @``: back to power-on modes."""


@dataclass(frozen=True)
class KanjiMode:
    """``FS &`` (on) / ``FS .`` (off)."""

    on: bool


@dataclass(frozen=True)
class SetAlign:
    """``ESC a n``."""

    align: int


@dataclass(frozen=True)
class SetBold:
    """``ESC E n``."""

    on: bool


@dataclass(frozen=True)
class SetSize:
    """``GS ! n``: width and height multipliers."""

    width: int
    height: int


@dataclass(frozen=True)
class FeedLines:
    """``ESC d n``."""

    lines: int


@dataclass(frozen=True)
class CutPaper:
    """``GS V``."""

    partial: bool


@dataclass(frozen=True)
class QrFunction:
    """``GS ( k`` with cn 49: ``fn`` and its parameters."""

    fn: int
    params: bytes


@dataclass(frozen=True)
class RasterImage:
    """``GS v 0``: ``width_bytes`` × ``height`` bits, 1 = black."""

    width_bytes: int
    height: int
    bits: bytes


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
    """Bytes the interpreter does not understand; skipped."""

    data: bytes


Command = (
    TextBytes
    | LineFeed
    | Initialize
    | KanjiMode
    | SetAlign
    | SetBold
    | SetSize
    | FeedLines
    | CutPaper
    | QrFunction
    | RasterImage
    | StatusRequest
    | IdRequest
    | Unknown
)

#: ESC commands taking one parameter byte that the paper model ignores.
_ESC_ONE_PARAM = frozenset(b"!-t3JRMG{V rcU")
_GS_ONE_PARAM = frozenset(b"BHfhwbaTr")
_FS_ONE_PARAM = frozenset(b"!-W")


class Parser:
    """Turns a byte stream into :class:`Command` values, keeping incomplete tails."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[Command]:
        """Every complete command in the stream so far."""
        self._buffer += data
        out: list[Command] = []
        while self._buffer:
            parsed = self._next()
            if parsed is None:
                break
            command, used = parsed
            del self._buffer[:used]
            out.append(command)
        return out

    def _next(self) -> tuple[Command, int] | None:
        buf = self._buffer
        first = buf[0]
        if first >= 0x20 or first == 0x09:
            end = 1
            while end < len(buf) and (buf[end] >= 0x20 or buf[end] == 0x09):
                end += 1
            return TextBytes(bytes(buf[:end]).replace(b"\t", b" ")), end
        if first == 0x0A:
            return LineFeed(), 1
        if len(buf) < 2:
            return (
                None
                if first in (commands.ESC, commands.GS, commands.FS, commands.DLE)
                else (
                    Unknown(bytes(buf[:1])),
                    1,
                )
            )
        if first == commands.ESC:
            return self._esc()
        if first == commands.GS:
            return self._gs()
        if first == commands.FS:
            return self._fs()
        if first == commands.DLE:
            return self._dle()
        return Unknown(bytes(buf[:1])), 1

    def _esc(self) -> tuple[Command, int] | None:
        buf = self._buffer
        op = buf[1]
        if op == 0x40:
            return Initialize(), 2
        if len(buf) < 3 and (op in b"aEd" or op in _ESC_ONE_PARAM):
            return None
        if op == 0x61:
            return SetAlign(buf[2] % 48 if buf[2] >= 48 else buf[2]), 3
        if op == 0x45:
            return SetBold(bool(buf[2] & 1)), 3
        if op == 0x64:
            return FeedLines(buf[2]), 3
        if op in _ESC_ONE_PARAM:
            return Unknown(bytes(buf[:3])), 3
        return Unknown(bytes(buf[:2])), 2

    def _gs(self) -> tuple[Command, int] | None:
        buf = self._buffer
        op = buf[1]
        if op == 0x28:
            return self._gs_paren()
        if op == 0x76:
            return self._gs_raster()
        if op == 0x56:
            if len(buf) < 3:
                return None
            mode = buf[2]
            if mode in (65, 66):
                return (CutPaper(mode == 66), 4) if len(buf) >= 4 else None
            return CutPaper(mode in (1, 49)), 3
        if len(buf) < 3 and (op in b"!I" or op in _GS_ONE_PARAM):
            return None
        if op == 0x21:
            return SetSize((buf[2] >> 4) + 1, (buf[2] & 0x0F) + 1), 3
        if op == 0x49:
            return IdRequest(buf[2]), 3
        if op in _GS_ONE_PARAM:
            return Unknown(bytes(buf[:3])), 3
        return Unknown(bytes(buf[:2])), 2

    def _gs_paren(self) -> tuple[Command, int] | None:
        buf = self._buffer
        if len(buf) < 5:
            return None
        length = buf[3] + 256 * buf[4]
        if length > MAX_PAYLOAD:
            return Unknown(bytes(buf[:5])), 5
        if len(buf) < 5 + length:
            return None
        body = bytes(buf[5 : 5 + length])
        if buf[2] == 0x6B and length >= 2 and body[0] == 49:
            return QrFunction(body[1], body[2:]), 5 + length
        return Unknown(bytes(buf[: 5 + length])), 5 + length

    def _gs_raster(self) -> tuple[Command, int] | None:
        buf = self._buffer
        if len(buf) < 8:
            return None
        if buf[2] not in (0x30, 0):
            return Unknown(bytes(buf[:3])), 3
        width, height = buf[4] + 256 * buf[5], buf[6] + 256 * buf[7]
        size = width * height
        if size > MAX_PAYLOAD:
            return Unknown(bytes(buf[:8])), 8
        if len(buf) < 8 + size:
            return None
        return RasterImage(width, height, bytes(buf[8 : 8 + size])), 8 + size

    def _fs(self) -> tuple[Command, int] | None:
        buf = self._buffer
        op = buf[1]
        if op == 0x26:
            return KanjiMode(True), 2
        if op == 0x2E:
            return KanjiMode(False), 2
        if op in _FS_ONE_PARAM:
            return (Unknown(bytes(buf[:3])), 3) if len(buf) >= 3 else None
        return Unknown(bytes(buf[:2])), 2

    def _dle(self) -> tuple[Command, int] | None:
        buf = self._buffer
        if buf[1] != commands.EOT:
            return Unknown(bytes(buf[:2])), 2
        if len(buf) < 3:
            return None
        return StatusRequest(buf[2]), 3


@dataclass(frozen=True)
class TextLine:
    """A printed text line and the style it was printed in."""

    text: str
    align: int = 0
    bold: bool = False
    width: int = 1
    height: int = 1


@dataclass(frozen=True)
class PrintedQr:
    """A printed QR symbol."""

    data: bytes
    module_size: int
    error_correction: str
    align: int = 0


@dataclass(frozen=True)
class PrintedRaster:
    """A printed raster image."""

    width_bytes: int
    height: int
    bits: bytes
    align: int = 0


@dataclass(frozen=True)
class BlankLines:
    """Paper fed without printing."""

    lines: int


PaperItem = TextLine | PrintedQr | PrintedRaster | BlankLines


@dataclass
class PrintedReceipt:
    """Everything printed between two cuts, in order."""

    items: list[PaperItem] = field(default_factory=list)
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
        """How many raster images were printed."""
        return sum(isinstance(i, PrintedRaster) for i in self.items)


_EC_BY_CODE = {48: "L", 49: "M", 50: "Q", 51: "H"}


class Paper:
    """The printer's modes and the receipt being printed, driven by parsed commands.

    ``lines_printed`` counts every printed line (text, raster, QR, fed line) since creation, so
    the emulator can run out of paper after a given number of lines.
    """

    def __init__(self, encoding: str = "gb18030") -> None:
        self._encoding = encoding
        self._kanji_default = encoding in ("gb18030", "gbk")
        self.lines_printed = 0
        self.receipt = PrintedReceipt()
        self._line = bytearray()
        self._initialize()

    def _initialize(self) -> None:
        self._kanji = self._kanji_default
        self._align = 0
        self._bold = False
        self._size = (1, 1)
        self._qr_module = 3
        self._qr_ec = "L"
        self._qr_data = b""

    def discard(self) -> None:
        """Throw away the receipt in progress (torn off after a paper-out)."""
        self.receipt = PrintedReceipt()
        self._line.clear()

    def _decode(self, data: bytes) -> str:
        if self._encoding == "utf-8" or self._kanji:
            return data.decode(self._encoding, "replace")
        return data.decode("cp437", "replace")

    def _emit(self, item: PaperItem) -> None:
        self.receipt.items.append(item)
        self.lines_printed += item.lines if isinstance(item, BlankLines) else 1

    def _flush_line(self) -> None:
        width, height = self._size
        text = self._decode(bytes(self._line))
        self._line.clear()
        self._emit(TextLine(text, self._align, self._bold, width, height))

    def apply(self, command: Command) -> PrintedReceipt | None:
        """Apply one command; returns the finished receipt when the command cut the paper."""
        if isinstance(command, TextBytes):
            self._line += command.data
        elif isinstance(command, LineFeed):
            self._flush_line()
        elif isinstance(command, Initialize):
            self._line.clear()
            self._initialize()
        elif isinstance(command, KanjiMode):
            self._kanji = command.on
        elif isinstance(command, SetAlign):
            self._align = command.align if command.align in (0, 1, 2) else 0
        elif isinstance(command, SetBold):
            self._bold = command.on
        elif isinstance(command, SetSize):
            self._size = (command.width, command.height)
        elif isinstance(command, FeedLines):
            if self._line:
                self._flush_line()
            self._emit(BlankLines(command.lines))
        elif isinstance(command, QrFunction):
            self._qr(command)
        elif isinstance(command, RasterImage):
            self._emit(
                PrintedRaster(command.width_bytes, command.height, command.bits, self._align)
            )
        elif isinstance(command, CutPaper):
            if self._line:
                self._flush_line()
            done, self.receipt = self.receipt, PrintedReceipt()
            done.cut = True
            return done
        return None

    def _qr(self, command: QrFunction) -> None:
        if command.fn == 0x43 and command.params:
            self._qr_module = max(1, min(16, command.params[0]))
        elif command.fn == 0x45 and command.params:
            self._qr_ec = _EC_BY_CODE.get(command.params[0], self._qr_ec)
        elif command.fn == 0x50 and command.params:
            self._qr_data = command.params[1:]
        elif command.fn == 0x51 and self._qr_data:
            self._emit(PrintedQr(self._qr_data, self._qr_module, self._qr_ec, self._align))
