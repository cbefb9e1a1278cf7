"""A receipt printer emulator: a pty (and optionally a TCP port) speaking ESC/POS.

It interprets what the driver sends (``interpreter.py``), answers ``DLE EOT n`` and
``GS I 67`` from settable state, and saves every cut receipt as a PNG plus a JSON record
(``receipt_store.py``). The simulation control API drives it through the ``set_*`` methods;
``run_out_after_lines(n)`` makes the paper run out in the middle of a job.
"""

from __future__ import annotations

import logging
import os
import select
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from drivers.printer import status as bits
from drivers.printer.fonts import Fonts, find_font_chain
from drivers.printer.interpreter import Paper, Parser
from drivers.printer.parsed import IdRequest, StatusRequest
from drivers.printer.profile import PrinterProfile
from drivers.printer.receipt_store import ReceiptStore
from drivers.simpty import RawPty

log = logging.getLogger(__name__)

PaperLevel = Literal["ok", "low", "out"]
SELECT_TICK_S = 0.1
MODEL_INFO = 67


@dataclass
class _Condition:
    paper: PaperLevel = "ok"
    cover_open: bool = False
    online: bool = True
    cutter_error: bool = False
    silent: bool = False
    lines_left: int | None = None

    @property
    def printing(self) -> bool:
        return self.online and not self.cover_open and self.paper != "out" and not self.cutter_error

    def reply(self, n: int) -> int:
        """The ``DLE EOT n`` reply byte for the current condition."""
        out = self.paper == "out"
        if n == 1:
            return bits.FIXED_BITS | (0 if self.printing else bits.PRINTER_OFFLINE)
        if n == 2:
            return (
                bits.FIXED_BITS
                | (bits.CAUSE_COVER_OPEN if self.cover_open else 0)
                | (bits.CAUSE_PAPER_END_STOP if out else 0)
                | (bits.CAUSE_ERROR if self.cutter_error else 0)
            )
        if n == 3:
            return bits.FIXED_BITS | (bits.ERROR_CUTTER if self.cutter_error else 0)
        near = self.paper in ("low", "out")
        return (
            bits.FIXED_BITS | (bits.PAPER_NEAR_END if near else 0) | (bits.PAPER_END if out else 0)
        )


class _Channel:
    """One connection's interpreter state: the pty, or one TCP client."""

    def __init__(self, encoding: str, model: str) -> None:
        self.parser = Parser()
        self.paper = Paper(encoding, model)


class ReceiptPrinterEmulator:
    """An emulated ESC/POS printer; starts on construction, ``stop()`` releases everything."""

    def __init__(
        self,
        receipts_dir: Path,
        encoding: str = "gb18030",
        tcp_port: int | None = None,
        model: str = "KIOSK-SIM-80",
        profile: PrinterProfile | None = None,
        font: Fonts | None = None,
        keep: int = 50,
    ) -> None:
        self._encoding = encoding
        self._model = model
        self._profile = profile or PrinterProfile()
        self._store = ReceiptStore(receipts_dir, font or find_font_chain(), self._profile, keep)
        self._lock = threading.Lock()
        self._condition = _Condition()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._pty = RawPty()
        self._server: socket.socket | None = None
        self._spawn(self._serve_pty, "printer-emulator-pty")
        if tcp_port is not None:
            self._server = socket.create_server(("127.0.0.1", tcp_port))
            self._server.settimeout(SELECT_TICK_S)
            self._spawn(self._serve_tcp, "printer-emulator-tcp")

    @property
    def port(self) -> str:
        """The pty slave path to give the driver."""
        return self._pty.name

    @property
    def tcp_port(self) -> int | None:
        """The TCP port listened on (127.0.0.1), or None when TCP is off."""
        return None if self._server is None else int(self._server.getsockname()[1])

    @property
    def receipts_dir(self) -> Path:
        """Where PNGs and JSON records are written."""
        return self._store.directory

    def _update(self, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(self._condition, key, value)

    def set_paper(self, level: PaperLevel) -> None:
        """Paper ``"ok"``, near end (``"low"``) or ``"out"``; refilling clears a pending run-out."""
        if level not in ("ok", "low", "out"):
            raise ValueError(f"paper level must be ok, low or out, not {level!r}")
        self._update(paper=level, lines_left=None)

    def set_cover_open(self, open_: bool) -> None:
        """Open or close the paper cover."""
        self._update(cover_open=open_)

    def set_online(self, online: bool) -> None:
        """Put the printer online or offline."""
        self._update(online=online)

    def set_cutter_error(self, error: bool) -> None:
        """Raise or clear an autocutter error."""
        self._update(cutter_error=error)

    def set_silent(self, silent: bool) -> None:
        """Stop (or resume) answering status queries, like a printer without a return channel."""
        self._update(silent=silent)

    def run_out_after_lines(self, lines: int) -> None:
        """Run out of paper once ``lines`` more lines have printed (mid-job paper end)."""
        self._update(lines_left=lines)

    def receipts(self) -> list[dict[str, Any]]:
        """Records of the receipts cut so far, newest last."""
        return self._store.records()

    def wait_for_receipts(self, count: int, timeout_s: float) -> bool:
        """Wait until ``count`` receipts were cut; False on timeout."""
        return self._store.wait_for(count, timeout_s)

    def stop(self) -> None:
        """Stop serving and close the pty and the TCP socket."""
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=2)
        if self._server is not None:
            self._server.close()
        self._pty.close()

    def _spawn(self, target: Callable[..., None], name: str, *args: object) -> None:
        thread = threading.Thread(target=target, name=name, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _serve_pty(self) -> None:
        channel = _Channel(self._encoding, self._profile.model)
        while not self._stopping.is_set():
            ready, _, _ = select.select([self._pty.master], [], [], SELECT_TICK_S)
            if not ready:
                continue
            try:
                data = os.read(self._pty.master, 4096)
            except OSError:
                continue
            reply = self._handle(channel, data)
            if reply:
                os.write(self._pty.master, reply)

    def _serve_tcp(self) -> None:
        assert self._server is not None
        while not self._stopping.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._spawn(self._serve_client, "printer-emulator-client", client)

    def _serve_client(self, client: socket.socket) -> None:
        channel = _Channel(self._encoding, self._profile.model)
        client.settimeout(SELECT_TICK_S)
        with client:
            while not self._stopping.is_set():
                try:
                    data = client.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                reply = self._handle(channel, data)
                if reply:
                    client.sendall(reply)

    def _handle(self, channel: _Channel, data: bytes) -> bytes:
        """Interpret ``data``; returns the bytes to answer (status and model replies)."""
        reply = bytearray()
        finished = []
        with self._lock:
            state = self._condition
            for command in channel.parser.feed(data):
                if isinstance(command, StatusRequest):
                    if not state.silent and 1 <= command.n <= 4:
                        reply.append(state.reply(command.n))
                    continue
                if isinstance(command, IdRequest):
                    if not state.silent and command.n == MODEL_INFO:
                        reply += b"_" + self._model.encode("ascii") + b"\x00"
                    continue
                if not state.printing:
                    continue
                before = channel.paper.lines_printed
                receipt = channel.paper.apply(command)
                if state.lines_left is not None:
                    state.lines_left -= channel.paper.lines_printed - before
                    if state.lines_left <= 0:
                        log.info("emulated printer: paper ran out mid-job")
                        state.paper, state.lines_left = "out", None
                        channel.paper.discard()
                        continue
                if receipt is not None:
                    finished.append(receipt)
        for receipt in finished:
            self._store.add(receipt)
        return bytes(reply)
