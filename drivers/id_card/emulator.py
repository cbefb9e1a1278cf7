"""A SAM ID card reader emulated on a pty, byte-exact on the wire, with injectable faults.

The emulator owns a pty (``os.openpty``, raw mode) and answers command frames on its master
side from a thread, exactly as a reader does: 9F/80 to find-card, 90/81 to select, the
1295-byte (or 2321-byte with fingerprints) card answer, 41 when a read fails, 10 to a
command with a bad checksum, 11 to a too-short one, 21 to an unknown command. The driver
opens :attr:`IdCardEmulator.port` and goes through the same termios path as with hardware.

With ``pace`` every answer leaves at the configured baud (the emulator sleeps each chunk's
byte-time before writing it), and a command's own byte-time passes before it is answered.
With ``link_path`` the port is a symlink that survives :meth:`stop`/:meth:`start`, so a driver
can reconnect to a "replugged" reader. The simulation control API drives it by fixture name:
:func:`fixtures`, :meth:`place`, :meth:`remove`, :meth:`inject_fault`, :meth:`clear_faults`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import select
import threading
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from drivers.id_card.cards import encode_text
from drivers.id_card.errors import ProtocolError
from drivers.id_card.fixtures import fixtures, load_fixture
from drivers.id_card.link import wire_time
from drivers.id_card.payloads import CardData, encode_card_data, parse_sam_id
from drivers.id_card.protocol import Request, SamCommand, SamFrame, Sw3, encode_answer, read_frame
from drivers.id_card.types import TIMING, IdCard
from drivers.simpty import RawPty, publish, withdraw

__all__ = ["DEFAULT_SAM_ID", "IdCardEmulator", "IdCardFault", "fixtures"]

log = logging.getLogger(__name__)

DEFAULT_SAM_ID = "05.01-20101010-0012345678-1234567890"
_PACE_CHUNK = 16
_MAX_GARBAGE = 32
_FIND_DATA = bytes(4)
_SELECT_DATA = bytes(8)


class IdCardFault(StrEnum):
    """Faults the emulator can be told to show until :meth:`IdCardEmulator.clear_faults`."""

    CHECKSUM_ERROR = "checksum_error"
    """Every answer carries a wrong CHK."""
    READ_FAILURE = "read_failure"
    """Card reads answer 0x41."""
    SAM_SELF_TEST_FAILURE = "sam_self_test_failure"
    """Reset, SAM status and SAM ID answer 0x60."""
    SILENCE = "silence"
    """Nothing is answered."""
    GARBAGE = "garbage"
    """Random bytes precede every answer."""
    CUT_FRAME = "cut_frame"
    """Only the first half of every answer is sent."""


class _Stopped(Exception):
    """The emulator was asked to stop while waiting for bytes."""


class _MasterSource:
    """A protocol.ByteSource over the pty master that wakes up when the emulator stops."""

    def __init__(self, master: int, wake: int) -> None:
        self._master = master
        self._wake = wake

    def wait(self) -> None:
        """Block until the driver sends something; _Stopped when stopping."""
        readable, _, _ = select.select([self._master, self._wake], [], [])
        if self._wake in readable:
            raise _Stopped

    def read(self, size: int, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        while True:
            left = max(0.0, deadline - time.monotonic())
            readable, _, _ = select.select([self._master, self._wake], [], [], left)
            if self._wake in readable:
                raise _Stopped
            if not readable:
                return b""
            try:
                return os.read(self._master, size)
            except BlockingIOError:
                continue
            except OSError:
                return b""


class IdCardEmulator:
    """An emulated SAM reader on a pty (see the module docstring)."""

    def __init__(
        self,
        *,
        baud: int = 115200,
        pace: bool = False,
        link_path: Path | None = None,
        sam_id: str = DEFAULT_SAM_ID,
        seed: int | None = None,
        byte_timeout_s: float = TIMING.byte_timeout_s,
    ) -> None:
        self.baud = baud
        self.pace = pace
        self._link_path = link_path
        self._sam_id = parse_sam_id(sam_id)
        self._random = random.Random(seed)
        self._byte_timeout_s = byte_timeout_s
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._io: tuple[RawPty, int, int] | None = None
        """The pty and the wake-up pipe's read and write ends, while running."""
        self._slave_name = ""
        self._card: IdCard | None = None
        self._card_data: CardData | None = None
        self._found = False
        self._selected = False
        self._faults: set[IdCardFault] = set()
        self._hook: Callable[[Request], None] | None = None
        self.bytes_in = 0
        """SamCommand bytes received since start (for wire-time figures)."""
        self.bytes_out = 0
        """Answer bytes written since start."""

    @property
    def port(self) -> str:
        """What the driver opens: the stable symlink when configured, else the pty slave."""
        return str(self._link_path) if self._link_path is not None else self._slave_name

    @property
    def running(self) -> bool:
        """Whether the emulator's pty exists and it answers."""
        return self._thread is not None

    @property
    def card(self) -> IdCard | None:
        """The card on the emulated reader."""
        return self._card

    @property
    def faults(self) -> frozenset[IdCardFault]:
        """The faults currently injected."""
        with self._lock:
            return frozenset(self._faults)

    def start(self) -> None:
        """Create the pty (and symlink) and start answering; no-op when running."""
        if self._thread is not None:
            return
        pty = RawPty()
        os.set_blocking(pty.master, False)
        wake_read, wake_write = os.pipe()
        self._io = (pty, wake_read, wake_write)
        self._slave_name = pty.name
        if self._link_path is not None:
            publish(self._link_path, pty.name)
        self._stopping.clear()
        self.bytes_in = self.bytes_out = 0
        self._thread = threading.Thread(
            target=self._serve,
            args=(_MasterSource(pty.master, wake_read),),
            name="id-card-emulator",
        )
        self._thread.daemon = True
        self._thread.start()

    def stop(self) -> None:
        """Stop answering and destroy the pty, as if the reader were unplugged."""
        thread, self._thread = self._thread, None
        io, self._io = self._io, None
        if io is None:
            return
        pty, wake_read, wake_write = io
        self._stopping.set()
        os.write(wake_write, b"x")
        if thread is not None:
            thread.join(timeout=TIMING.stop_timeout_s)
        pty.close()
        for fd in (wake_read, wake_write):
            with contextlib.suppress(OSError):
                os.close(fd)
        if self._link_path is not None:
            withdraw(self._link_path)

    def place(self, card: str | IdCard) -> None:
        """Put a card (a fixture name or an IdCard) on the reader."""
        resolved = load_fixture(card) if isinstance(card, str) else card
        data = CardData(encode_text(resolved), resolved.photo_wlt, resolved.fingerprint)
        with self._lock:
            self._card, self._card_data = resolved, data
            self._found = self._selected = False

    def remove(self) -> None:
        """Take the card off the reader."""
        with self._lock:
            self._card = self._card_data = None
            self._found = self._selected = False

    def inject_fault(self, name: str | IdCardFault) -> None:
        """Start showing a fault; an unknown name raises ValueError listing the known ones."""
        try:
            fault = IdCardFault(name)
        except ValueError:
            known = ", ".join(f.value for f in IdCardFault)
            raise ValueError(f"unknown fault {name!r}; known: {known}") from None
        with self._lock:
            self._faults.add(fault)

    def clear_faults(self) -> None:
        """Stop showing every fault."""
        with self._lock:
            self._faults.clear()

    def set_request_hook(self, hook: Callable[[Request], None] | None) -> None:
        """Call ``hook(request)`` for each command before it is answered (tests, benchmarks)."""
        self._hook = hook

    def _serve(self, source: _MasterSource) -> None:
        try:
            while True:
                source.wait()
                try:
                    frame = read_frame(
                        source, self._byte_timeout_s, self._byte_timeout_s, verify=False
                    )
                except ProtocolError as error:
                    log.debug("emulator: ignoring malformed input: %s", error)
                    continue
                size = len(frame.to_bytes())
                self.bytes_in += size
                if self.pace:
                    self._pause(wire_time(size, self.baud))
                answer = self._answer(frame)
                if answer is not None:
                    self._send(answer)
        except _Stopped:
            return

    def _answer(self, frame: SamFrame) -> bytes | None:
        if not frame.checksum_ok:
            return encode_answer(Sw3.CHECKSUM_ERROR)
        try:
            request = Request.from_frame(frame)
        except ProtocolError:
            return encode_answer(Sw3.LENGTH_ERROR)
        hook = self._hook
        if hook is not None:
            hook(request)
        with self._lock:
            return self._respond(request.command)

    def _respond(self, command: SamCommand | None) -> bytes:
        """The answer to one command given the emulator's state (lock held)."""
        sam_failed = IdCardFault.SAM_SELF_TEST_FAILURE in self._faults
        if command in (SamCommand.RESET, SamCommand.SAM_STATUS, SamCommand.SAM_ID) and sam_failed:
            return encode_answer(Sw3.SAM_SELF_TEST_FAILED)
        if command in (SamCommand.RESET, SamCommand.SAM_STATUS, SamCommand.SET_FRAME_SIZE):
            return encode_answer(Sw3.SUCCESS)
        if command is SamCommand.SAM_ID:
            return encode_answer(Sw3.SUCCESS, self._sam_id)
        if command is SamCommand.FIND:
            self._found = self._card_data is not None
            return (
                encode_answer(Sw3.CARD_FOUND, _FIND_DATA)
                if self._found
                else (encode_answer(Sw3.NO_CARD))
            )
        if command is SamCommand.SELECT:
            self._selected = self._found and self._card_data is not None
            return (
                encode_answer(Sw3.SUCCESS, _SELECT_DATA)
                if self._selected
                else (encode_answer(Sw3.SELECT_FAILED))
            )
        if command in (SamCommand.READ, SamCommand.READ_WITH_FINGERPRINT):
            data = self._card_data
            readable = self._selected and IdCardFault.READ_FAILURE not in self._faults
            self._found = self._selected = False
            if data is None or not readable:
                return encode_answer(Sw3.READ_FAILED)
            fingerprint = command is SamCommand.READ_WITH_FINGERPRINT
            return encode_answer(Sw3.SUCCESS, encode_card_data(data, fingerprint))
        if command is SamCommand.READ_APPENDED_ADDRESS:
            status = Sw3.FIELD_EMPTY if self._selected else Sw3.READ_FAILED
            return encode_answer(status)
        return encode_answer(Sw3.BAD_COMMAND)

    def _send(self, answer: bytes) -> None:
        faults = self.faults
        if IdCardFault.SILENCE in faults:
            return
        if IdCardFault.CHECKSUM_ERROR in faults:
            answer = answer[:-1] + bytes([answer[-1] ^ 0xFF])
        if IdCardFault.CUT_FRAME in faults:
            answer = answer[: len(answer) // 2]
        if IdCardFault.GARBAGE in faults:
            answer = self._random.randbytes(self._random.randint(1, _MAX_GARBAGE)) + answer
        self._write(answer)

    def _pause(self, seconds: float) -> None:
        if self._stopping.wait(seconds):
            raise _Stopped

    def _write(self, data: bytes) -> None:
        """Write ``data`` to the master, paced at the baud when ``pace`` is set."""
        io = self._io
        if io is None:
            raise _Stopped
        master, wake = io[0].master, io[1]
        chunk_size = _PACE_CHUNK if self.pace else len(data)
        start = time.perf_counter()
        sent = 0
        while sent < len(data):
            chunk = data[sent : sent + chunk_size]
            if self.pace:
                self._pause(
                    max(0.0, start + wire_time(sent + len(chunk), self.baud) - time.perf_counter())
                )
            while chunk:
                _, writable, _ = select.select([], [master], [], self._byte_timeout_s)
                if self._stopping.is_set() or select.select([wake], [], [], 0)[0]:
                    raise _Stopped
                if not writable:
                    continue
                try:
                    written = os.write(master, chunk)
                except BlockingIOError:
                    continue
                chunk = chunk[written:]
                sent += written
                self.bytes_out += written
