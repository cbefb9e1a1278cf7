"""The real ID card reader driver: a SAM reader on a serial port, read continuously.

After :meth:`SamReader.open` (reset, SAM status, SAM ID) a worker thread polls find-card every
``poll_interval_s``. A new card is selected and read once per placement and announced with
:class:`CardInserted`; a failed read with :class:`ReadFailed` (retried ``read_attempts`` times
first); find answering 0x80 afterwards gives :class:`CardRemoved`. A SAM self-test failure
is ``hardware_error`` (re-checked until it clears); a vanished port or a reader that stops
answering is ``offline`` and the worker ends, leaving the reconnect to the device manager.
A card still on the reader after a reconnect is read (and announced) again. Every card read
carries the SAM ID of the last good SAM check (``IdCard.sam_id``), for card-level verification.
"""

from __future__ import annotations

import dataclasses
import logging
import threading

from drivers.base import Capabilities, DeviceBase, DeviceClass, DeviceEvent, DeviceState
from drivers.id_card.decoding import card_from_data
from drivers.id_card.errors import (
    CardFormatError,
    CardRemovedError,
    IdCardError,
    PortError,
    ProtocolError,
    ReaderStatusError,
)
from drivers.id_card.link import SamLink
from drivers.id_card.photo import WltDecoder
from drivers.id_card.types import (
    TIMING,
    CardInserted,
    CardRemoved,
    IdCard,
    ReadFailed,
    Timing,
)

log = logging.getLogger(__name__)

MODEL = "SAM (GA 467) ID card reader"


class SamReader(DeviceBase):
    """An :class:`~drivers.id_card.types.IdCardReader` over a real (or emulated) serial port."""

    def __init__(
        self,
        port: str,
        baud: int = 115200,
        *,
        timing: Timing = TIMING,
        decoder: WltDecoder | None = None,
        with_fingerprint: bool = False,
    ) -> None:
        super().__init__(DeviceClass.ID_CARD_READER)
        self._link = SamLink(port, baud, timing)
        self._timing = timing
        self._decoder = decoder
        self._with_fingerprint = with_fingerprint
        self._io = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sam_ok = False
        self._sam_id = ""  # the SAM module's ID from the last good SAM check; cards carry it
        self._placed = False
        self._card: IdCard | None = None

    @property
    def current_card(self) -> IdCard | None:
        """The card read from the reader and still on it, else None."""
        return self._card

    def open(self) -> None:
        """Open the port, check the SAM and start polling; DeviceError when unreachable."""
        self.close()
        self._stop.clear()
        try:
            self._link.open()
        except PortError as error:
            self._set_status(DeviceState.NO_DEVICE, detail=str(error))
            raise
        try:
            with self._io:
                self._check_sam()
        except IdCardError as error:
            self._link.close()
            self._set_status(DeviceState.OFFLINE, detail=str(error))
            raise
        self._thread = threading.Thread(target=self._run, name="id-card-reader", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop polling and release the port; safe to call more than once."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self._timing.stop_timeout_s)
        with self._io:
            self._link.close()
        self._placed = False
        self._card = None

    def reset(self) -> None:
        """Reset the SAM and re-check it; the status reflects the outcome."""
        with self._io:
            self._check_sam()

    def _check_sam(self) -> None:
        """Reset, SAM status and SAM ID; a failing SAM is hardware_error, not an exception."""
        try:
            self._link.reset()
            self._link.sam_status()
            sam_id = self._link.sam_id()
        except ReaderStatusError as error:
            self._sam_ok = False
            self._set_status(DeviceState.HARDWARE_ERROR, detail=str(error))
            return
        features = {"text", "photo_wlt", "fingerprint"} | (
            {"photo_bmp"} if self._decoder else set()
        )
        self._capabilities = Capabilities(model=MODEL, serial=sam_id, features=frozenset(features))
        self._sam_id = sam_id
        self._sam_ok = True
        self._set_status(DeviceState.ONLINE, detail=f"SAM {sam_id}")

    def _run(self) -> None:
        errors = 0
        while not self._stop.is_set():
            events: list[DeviceEvent] = []
            try:
                with self._io:
                    if self._sam_ok:
                        events = self._poll()
                    else:
                        self._check_sam()
                errors = 0
            except PortError as error:
                self._lost(str(error))
                return
            except IdCardError as error:
                errors += 1
                log.warning("id card reader: %s (%d in a row)", error, errors)
                if errors >= self._timing.max_consecutive_errors:
                    self._lost(f"reader not answering properly: {error}")
                    return
            except Exception:
                log.exception("id card reader: worker failed")
                self._lost("driver fault, see the log")
                return
            for event in events:
                self._events.emit(event)
            self._stop.wait(
                self._timing.poll_interval_s if self._sam_ok else self._timing.hardware_recheck_s
            )

    def _lost(self, detail: str) -> None:
        with self._io:
            self._link.close()
        self._placed = False
        self._card = None
        if not self._stop.is_set():
            self._set_status(DeviceState.OFFLINE, detail=detail)

    def _poll(self) -> list[DeviceEvent]:
        """One find-card poll; reads a newly placed card, notices a removed one."""
        if not self._link.find():
            if not self._placed:
                return []
            self._placed = False
            self._card = None
            log.info("id card reader: card removed")
            return [CardRemoved()]
        if self._placed:
            return []
        return self._read_placement()

    def _read_placement(self) -> list[DeviceEvent]:
        """Select and read the card just found, with retries; the events it produced."""
        last: IdCardError = CardRemovedError("the card left the reader before it could be read")
        for attempt in range(self._timing.read_attempts):
            if attempt and not self._link.find():
                break
            if not self._link.select():
                if attempt == 0:
                    return []
                continue
            try:
                data = self._link.read_card(self._with_fingerprint)
                card = dataclasses.replace(
                    card_from_data(data, self._decoder), sam_id=self._sam_id
                )
            except CardFormatError as error:
                self._placed = True
                log.warning("id card reader: unreadable card: %s", error)
                return [ReadFailed(error)]
            except (ReaderStatusError, ProtocolError) as error:
                last = error
                log.info("id card reader: read attempt %d failed: %s", attempt + 1, error)
                continue
            self._placed = True
            self._card = card
            log.info("id card reader: read %r", card)
            return [CardInserted(card)]
        if self._link.find():
            self._placed = True
            return [ReadFailed(last)]
        log.info("id card reader: card removed during the read")
        removed = CardRemovedError(f"the card was removed while being read ({last})")
        return [ReadFailed(removed), CardRemoved()]
