"""An ESC/POS interpreter: a byte stream parsed into commands, applied to a paper model.

:class:`Parser` is incremental (bytes may arrive split anywhere) and never raises on garbage:
commands it does not know become :class:`~drivers.printer.parsed.Unknown`, which the paper
logs and skips, never prints. :class:`Paper` applies printing commands the way a printer
does — text in the code table or Chinese mode in force, print modes (``ESC !``, ``GS !``,
``FS !``, bold, underline, font B, upside-down, reverse), line spacing, tabs, QR (``GS ( k``),
barcodes (``GS k``), images (``GS v 0``, ``ESC *``, ``GS ( L``), feeds, beeps and cash-drawer
pulses — and hands back a :class:`PrintedReceipt` on each cut. Real-time requests
(``DLE EOT``, ``GS I``) are left for the caller to answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from drivers.printer import commands
from drivers.printer.models import DEFAULT_MODEL, code_table_decoder
from drivers.printer.parsed import (
    Barcode,
    ColumnImage,
    Command,
    Control,
    ControlByte,
    CutPaper,
    Function,
    IdRequest,
    RasterImage,
    StatusRequest,
    TabStops,
    TextBytes,
    Unknown,
)
from drivers.printer.printed import (
    Beep,
    BlankLines,
    DrawerPulse,
    Font,
    PaperItem,
    PrintedBarcode,
    PrintedQr,
    PrintedRaster,
    PrintedReceipt,
    TextLine,
)

__all__ = ["Paper", "Parser", "PrintedReceipt", "StatusRequest", "TextLine"]

log = logging.getLogger(__name__)

#: The longest payload accepted; larger declared lengths are garbage.
MAX_PAYLOAD = 1 << 20
_PREFIXES = (commands.ESC, commands.GS, commands.FS, commands.DLE)
_CONTROL_BYTES = frozenset(
    (
        commands.NUL,
        commands.BEL,
        commands.HT,
        commands.LF_BYTE,
        commands.VT,
        commands.FF,
        commands.CR,
    )
)
#: Tab stops every 8 columns until ``ESC D`` sets others.
DEFAULT_TAB = 8
_Parsed = tuple[Command, int] | None


def _u16(low: int, high: int) -> int:
    return low + 256 * high


class Parser:
    """Turns a byte stream into commands, keeping incomplete tails for the next feed."""

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

    def _next(self) -> _Parsed:
        buf = self._buffer
        first = buf[0]
        if first >= 0x20:
            end = 1
            while end < len(buf) and buf[end] >= 0x20:
                end += 1
            return TextBytes(bytes(buf[:end])), end
        if first in _CONTROL_BYTES:
            return ControlByte(first), 1
        if first not in _PREFIXES:
            return Unknown(bytes(buf[:1])), 1
        if len(buf) < 2:
            return None
        if first == commands.DLE:
            return self._dle()
        special = {
            (commands.ESC, 0x2A): self._column_image,
            (commands.ESC, 0x44): self._tab_stops,
            (commands.GS, 0x28): self._function,
            (commands.GS, 0x76): self._raster,
            (commands.GS, 0x6B): self._barcode,
            (commands.GS, 0x56): self._cut,
        }.get((first, buf[1]))
        if special is not None:
            return special()
        return self._fixed(first, buf[1])

    def _fixed(self, prefix: int, op: int) -> _Parsed:
        count = commands.FIXED_LENGTH[prefix].get(op)
        if count is None:
            # FS is also python-escpos's "select slip" on its own: do not eat the next byte.
            used = 1 if prefix == commands.FS else 2
            return Unknown(bytes(self._buffer[:used])), used
        if len(self._buffer) < 2 + count:
            return None
        params = bytes(self._buffer[2 : 2 + count])
        if prefix == commands.GS and op == 0x49:
            return IdRequest(params[0]), 3
        return Control(prefix, op, params), 2 + count

    def _dle(self) -> _Parsed:
        buf = self._buffer
        if buf[1] != commands.EOT:
            return Unknown(bytes(buf[:2])), 2
        if len(buf) < 3:
            return None
        return StatusRequest(buf[2]), 3

    def _cut(self) -> _Parsed:
        buf = self._buffer
        if len(buf) < 3:
            return None
        mode = buf[2]
        if mode in (65, 66):
            return (CutPaper(mode == 66, buf[3]), 4) if len(buf) >= 4 else None
        return CutPaper(mode in (1, 49)), 3

    def _function(self) -> _Parsed:
        buf = self._buffer
        if len(buf) < 5:
            return None
        length = _u16(buf[3], buf[4])
        if len(buf) < 5 + length:
            return None
        return Function(buf[2], bytes(buf[5 : 5 + length])), 5 + length

    def _raster(self) -> _Parsed:
        buf = self._buffer
        if len(buf) < 8:
            return None
        if buf[2] != 0x30:
            return Unknown(bytes(buf[:3])), 3
        width, height = _u16(buf[4], buf[5]), _u16(buf[6], buf[7])
        size = width * height
        if size > MAX_PAYLOAD:
            return Unknown(bytes(buf[:8])), 8
        if len(buf) < 8 + size:
            return None
        mode = buf[3] & 0x03
        image = RasterImage(width, height, bytes(buf[8 : 8 + size]), 1 + (mode & 1), 1 + mode // 2)
        return image, 8 + size

    def _column_image(self) -> _Parsed:
        buf = self._buffer
        if len(buf) < 5:
            return None
        mode, width = buf[2], _u16(buf[3], buf[4])
        if mode not in (0, 1, 32, 33):
            return Unknown(bytes(buf[:3])), 3
        dots_high = 24 if mode >= 32 else 8
        size = width * dots_high // 8
        if len(buf) < 5 + size:
            return None
        # Single density doubles each dot across; 8-dot bands are stretched to 24 dots high.
        scale_x = 2 if mode in (0, 32) else 1
        scale_y = 3 if dots_high == 8 else 1
        band = ColumnImage(width, dots_high, bytes(buf[5 : 5 + size]), scale_x, scale_y)
        return band, 5 + size

    def _tab_stops(self) -> _Parsed:
        buf = self._buffer
        end = buf.find(b"\x00", 2)
        if end < 0:
            return (Unknown(bytes(buf[:2])), 2) if len(buf) > 2 + 32 else None
        return TabStops(tuple(buf[2:end])), end + 1

    def _barcode(self) -> _Parsed:
        buf = self._buffer
        if len(buf) < 3:
            return None
        system = commands.BARCODE_SYSTEMS.get(buf[2])
        if system is None:
            return Unknown(bytes(buf[:3])), 3
        if buf[2] >= commands.BARCODE_LENGTH_PREFIXED:
            if len(buf) < 4 or len(buf) < 4 + buf[3]:
                return None
            return Barcode(system, bytes(buf[4 : 4 + buf[3]])), 4 + buf[3]
        end = buf.find(b"\x00", 3)
        if end < 0:
            return (Unknown(bytes(buf[:3])), 3) if len(buf) > 3 + 255 else None
        return Barcode(system, bytes(buf[3:end])), end + 1


_EC_BY_CODE = {48: "L", 49: "M", 50: "Q", 51: "H"}
_QR = 0x6B
_GRAPHICS = 0x4C
_QR_CN = 49


def _flag(value: int) -> bool:
    """Parameters that accept both ``0/1`` and ``'0'/'1'`` read bit 0."""
    return bool(value & 1)


def _level(value: int) -> int:
    """``0/1/2`` or ``'0'/'1'/'2'``."""
    return value - 48 if value >= 48 else value


def _alignment(value: int) -> int:
    """``ESC a``: 0 left, 1 centre, 2 right (or their ASCII digits); anything else is left."""
    return _level(value) if _level(value) in (0, 1, 2) else 0


def _column_band_to_rows(band: ColumnImage) -> bytes:
    """``ESC *`` column bytes (top dot in the MSB) as row-major bits, MSB first."""
    width_bytes = -(-band.width // 8)
    per_column = band.dots_high // 8
    rows = bytearray(width_bytes * band.dots_high)
    for x in range(band.width):
        for slot in range(per_column):
            byte = band.data[x * per_column + slot]
            for bit in range(8):
                if byte & (0x80 >> bit):
                    y = slot * 8 + bit
                    rows[y * width_bytes + x // 8] |= 0x80 >> (x % 8)
    return bytes(rows)


class Paper:
    """The printer's modes and the receipt being printed, driven by parsed commands.

    ``lines_printed`` counts every printed line (text, image, code, fed line) since creation,
    so the emulator can run out of paper after a given number of lines. ``model`` names the
    python-escpos capability profile whose code tables ``ESC t`` selects.
    """

    def __init__(self, encoding: str = "gb18030", model: str = DEFAULT_MODEL) -> None:
        self._encoding = encoding
        self._model = model
        self._kanji_default = encoding in ("gb18030", "gbk")
        self.lines_printed = 0
        self.receipt = PrintedReceipt()
        self._line = bytearray()
        self._band: PrintedRaster | None = None
        self._band_fed = False
        self._initialize()

    def _initialize(self) -> None:
        self._kanji = self._kanji_default
        self._code_table = 0
        self._align = 0
        self._bold = False
        self._double_strike = False
        self._size = (1, 1)
        self._font: Font = "a"
        self._underline = 0
        self._upside_down = False
        self._inverted = False
        self._spacing: int | None = None
        self._tabs: tuple[int, ...] = ()
        self._qr_module = 3
        self._qr_ec = "L"
        self._qr_data = b""
        self._barcode_module = 3
        self._barcode_height = 162
        self._hri = 0
        self._graphics: PrintedRaster | None = None

    def discard(self) -> None:
        """Throw away the receipt in progress (torn off after a paper-out)."""
        self.receipt = PrintedReceipt()
        self._line.clear()
        self._band = None

    # -- output ----------------------------------------------------------------------------

    def _decode(self, data: bytes) -> str:
        if self._encoding == "utf-8" or self._kanji:
            return data.decode(self._encoding, "replace")
        return code_table_decoder(self._model, self._code_table)(data)

    def _emit(self, item: PaperItem) -> None:
        self._band = None
        self.receipt.items.append(item)
        if isinstance(item, BlankLines):
            self.lines_printed += item.lines if item.dots is None else 1
        else:
            self.lines_printed += 1

    def _flush_line(self) -> None:
        width, height = self._size
        text = self._decode(bytes(self._line))
        self._line.clear()
        line = TextLine(
            text,
            self._align,
            self._bold or self._double_strike,
            width,
            height,
            self._font,
            self._underline,
            self._upside_down,
            self._inverted,
            self._spacing,
        )
        self._emit(line)

    def _flush_pending(self) -> None:
        if self._line:
            self._flush_line()

    def _line_feed(self) -> None:
        if self._band is not None and not self._line and not self._band_fed:
            self._band_fed = True  # the LF ending an ESC * band feeds by the band's own height
            return
        self._flush_line()

    # -- commands --------------------------------------------------------------------------

    def apply(self, command: Command) -> PrintedReceipt | None:
        """Apply one command; returns the finished receipt when the command cut the paper."""
        if isinstance(command, TextBytes):
            self._line += command.data
        elif isinstance(command, ControlByte):
            self._control_byte(command.code)
        elif isinstance(command, Control):
            self._control(command)
        elif isinstance(command, CutPaper):
            self._flush_pending()
            done, self.receipt = self.receipt, PrintedReceipt()
            self._band = None
            done.cut = True
            return done
        elif isinstance(command, Function):
            self._function(command)
        elif isinstance(command, RasterImage):
            self._flush_pending()
            self._emit(
                PrintedRaster(
                    command.width_bytes,
                    command.height,
                    command.bits,
                    self._align,
                    command.scale_x,
                    command.scale_y,
                )
            )
        elif isinstance(command, ColumnImage):
            self._column_image(command)
        elif isinstance(command, Barcode):
            self._barcode(command)
        elif isinstance(command, TabStops):
            self._tabs = tuple(sorted(set(command.columns)))
        elif isinstance(command, Unknown):
            log.warning("emulated printer: unknown command skipped: %s", command.data.hex(" "))
            self.receipt.unknown.append(command.data.hex(" "))
        return None

    def _control_byte(self, code: int) -> None:
        if code == commands.LF_BYTE:
            self._line_feed()
        elif code in (commands.FF, commands.VT):
            self._flush_pending()
        elif code == commands.HT:
            self._tab()
        elif code == commands.BEL:
            self.receipt.signals.append(Beep())
        # CR and NUL do nothing on a printer with auto line feed off.

    def _tab(self) -> None:
        column = len(self._line)
        stops = self._tabs or tuple(range(DEFAULT_TAB, 256, DEFAULT_TAB))
        target = next((stop for stop in stops if stop > column), None)
        if target is not None:
            self._line += b" " * (target - column)

    def _control(self, command: Control) -> None:
        handler = self._handlers().get((command.prefix, command.op))
        if handler is not None:
            handler(command.params)

    def _handlers(self) -> dict[tuple[int, int], Callable[[bytes], None]]:
        esc, gs, fs = commands.ESC, commands.GS, commands.FS
        return {
            (esc, ord("@")): self._reset,
            (esc, ord("!")): self._print_mode,
            (esc, ord("-")): self._set("_underline", _level),
            (esc, ord("E")): self._set("_bold", _flag),
            (esc, ord("G")): self._set("_double_strike", _flag),
            (esc, ord("M")): self._set_font,
            (esc, ord("a")): self._set("_align", _alignment),
            (esc, ord("{")): self._set("_upside_down", _flag),
            (esc, ord("t")): self._set("_code_table", int),
            (esc, ord("2")): lambda _: setattr(self, "_spacing", None),
            (esc, ord("3")): self._line_spacing(180),
            (esc, ord("A")): self._line_spacing(60),
            (esc, ord("+")): self._line_spacing(360),
            (esc, ord("d")): self._feed_lines,
            (esc, ord("J")): self._feed_dots,
            (esc, ord("p")): self._drawer_pulse,
            (esc, ord("B")): self._buzzer,
            (gs, ord("!")): self._set("_size", lambda v: ((v >> 4 & 7) + 1, (v & 7) + 1)),
            (gs, ord("B")): self._set("_inverted", _flag),
            (gs, ord("h")): self._set("_barcode_height", lambda v: max(1, v)),
            (gs, ord("w")): self._set("_barcode_module", lambda v: max(1, min(6, v))),
            (gs, ord("H")): self._set("_hri", lambda v: _level(v) & 3),
            (fs, ord("&")): lambda _: setattr(self, "_kanji", True),
            (fs, ord(".")): lambda _: setattr(self, "_kanji", False),
            (fs, ord("!")): self._kanji_print_mode,
            (fs, ord("-")): self._set("_underline", _level),
        }

    def _set(self, attribute: str, convert: Callable[[int], object]) -> Callable[[bytes], None]:
        return lambda params: setattr(self, attribute, convert(params[0]))

    def _reset(self, _: bytes) -> None:
        self._line.clear()
        self._initialize()

    def _print_mode(self, params: bytes) -> None:
        mode = params[0]
        self._font = "b" if mode & commands.MODE_FONT_B else "a"
        self._bold = bool(mode & commands.MODE_EMPHASIZED)
        self._size = (
            2 if mode & commands.MODE_DOUBLE_WIDTH else 1,
            2 if mode & commands.MODE_DOUBLE_HEIGHT else 1,
        )
        self._underline = 1 if mode & commands.MODE_UNDERLINE else 0

    def _kanji_print_mode(self, params: bytes) -> None:
        mode = params[0]
        self._size = (
            2 if mode & commands.KANJI_MODE_DOUBLE_WIDTH else 1,
            2 if mode & commands.KANJI_MODE_DOUBLE_HEIGHT else 1,
        )
        self._underline = 1 if mode & commands.MODE_UNDERLINE else 0

    def _set_font(self, params: bytes) -> None:
        self._font = "b" if _level(params[0]) == 1 else "a"

    def _line_spacing(self, per_inch: int) -> Callable[[bytes], None]:
        """``ESC 3/A/+ n``: n/180, n/60 or n/360 inch, kept in 203-dpi dots."""
        return lambda params: setattr(self, "_spacing", round(params[0] * 203 / per_inch))

    def _feed_lines(self, params: bytes) -> None:
        self._flush_pending()
        self._emit(BlankLines(params[0]))

    def _feed_dots(self, params: bytes) -> None:
        self._flush_pending()
        self._emit(BlankLines(0, params[0]))

    def _drawer_pulse(self, params: bytes) -> None:
        pin = 5 if _level(params[0]) & 1 else 2
        self.receipt.signals.append(DrawerPulse(pin, params[1] * 2, params[2] * 2))

    def _buzzer(self, params: bytes) -> None:
        self.receipt.signals.append(Beep(params[0], params[1] * 100))

    def _function(self, command: Function) -> None:
        body = command.body
        if command.kind == _QR and len(body) >= 2 and body[0] == _QR_CN:
            self._qr(body[1], body[2:])
        elif command.kind == _GRAPHICS and len(body) >= 2:
            self._graphics_function(body[1], body[2:])
        else:
            log.warning("emulated printer: unknown GS ( function skipped: %s", body[:4].hex(" "))
            self.receipt.unknown.append(bytes((commands.GS, 0x28, command.kind)).hex(" "))

    def _qr(self, fn: int, params: bytes) -> None:
        if fn == 0x43 and params:
            self._qr_module = max(1, min(16, params[0]))
        elif fn == 0x45 and params:
            self._qr_ec = _EC_BY_CODE.get(params[0], self._qr_ec)
        elif fn == 0x50 and params:
            self._qr_data = params[1:]
        elif fn == 0x51 and self._qr_data:
            self._flush_pending()
            self._emit(PrintedQr(self._qr_data, self._qr_module, self._qr_ec, self._align))

    def _graphics_function(self, fn: int, params: bytes) -> None:
        """``GS ( L`` fn 112 stores ``a bx by c xL xH yL yH data``; fn 50 prints the buffer."""
        if fn == commands.GRAPHICS_STORE and len(params) >= 8:
            scale_x, scale_y = params[1], params[2]
            width, height = _u16(params[4], params[5]), _u16(params[6], params[7])
            width_bytes = -(-width // 8)
            bits = params[8 : 8 + width_bytes * height]
            if len(bits) == width_bytes * height and scale_x in (1, 2) and scale_y in (1, 2):
                self._graphics = PrintedRaster(
                    width_bytes, height, bits, 0, scale_x, scale_y, "graphics"
                )
        elif fn == commands.GRAPHICS_PRINT and self._graphics is not None:
            self._flush_pending()
            graphics, self._graphics = self._graphics, None
            self._emit(
                PrintedRaster(
                    graphics.width_bytes,
                    graphics.height,
                    graphics.bits,
                    self._align,
                    graphics.scale_x,
                    graphics.scale_y,
                    "graphics",
                )
            )

    def _column_image(self, band: ColumnImage) -> None:
        """Consecutive ``ESC *`` bands (each ended by ``LF``) make one image, as on paper."""
        rows = _column_band_to_rows(band)
        width_bytes = -(-band.width // 8)
        previous = self._band
        if (
            previous is not None
            and previous.width_bytes == width_bytes
            and (previous.scale_x, previous.scale_y) == (band.scale_x, band.scale_y)
            and self.receipt.items
            and self.receipt.items[-1] is previous
        ):
            merged = PrintedRaster(
                width_bytes,
                previous.height + band.dots_high,
                previous.bits + rows,
                previous.align,
                band.scale_x,
                band.scale_y,
                "column",
            )
            self.receipt.items[-1] = merged
        else:
            self._flush_pending()
            merged = PrintedRaster(
                width_bytes, band.dots_high, rows, self._align, band.scale_x, band.scale_y, "column"
            )
            self._emit(merged)
        self._band, self._band_fed = merged, False

    def _barcode(self, command: Barcode) -> None:
        self._flush_pending()
        self._emit(
            PrintedBarcode(
                command.system,
                command.data.decode("ascii", "replace"),
                self._barcode_module,
                self._barcode_height,
                self._hri,
                self._align,
            )
        )
