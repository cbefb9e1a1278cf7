"""Where the emulator keeps cut receipts: a PNG and a JSON record each, newest ``keep`` only."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from drivers.printer.fonts import Fonts
from drivers.printer.paper import draw_receipt
from drivers.printer.printed import PrintedReceipt
from drivers.printer.profile import PrinterProfile


class ReceiptStore:
    """Writes ``receipt-<time>-<n>.png`` + ``.json`` and prunes the oldest beyond ``keep``.

    Each record is :meth:`PrintedReceipt.record` (text, qr, images, barcodes, styled lines,
    beeps and drawer pulses, skipped commands, cut) plus ``"time"`` (ISO 8601) and ``"png"``
    (its path); :meth:`records` lists those of this store, newest last.
    """

    def __init__(
        self, directory: Path, font: Fonts, profile: PrinterProfile, keep: int = 50
    ) -> None:
        self._directory = directory
        self._font = font
        self._profile = profile
        self._keep = keep
        self._lock = threading.Lock()
        self._records: list[dict[str, Any]] = []
        self._counter = itertools.count(1)
        self._added = threading.Condition(self._lock)
        directory.mkdir(parents=True, exist_ok=True)

    @property
    def directory(self) -> Path:
        """The receipts directory."""
        return self._directory

    def add(self, receipt: PrintedReceipt) -> dict[str, Any]:
        """Draw and save ``receipt``; returns its record."""
        now = datetime.now().astimezone()
        stem = f"receipt-{now:%Y%m%d-%H%M%S-%f}-{next(self._counter):04d}"
        png = self._directory / f"{stem}.png"
        draw_receipt(receipt, self._font, self._profile).save(png)
        record: dict[str, Any] = {
            **receipt.record(),
            "time": now.isoformat(timespec="milliseconds"),
            "png": str(png),
        }
        (self._directory / f"{stem}.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        with self._added:
            self._records = [*self._records, record][-self._keep :]
            self._prune()
            self._added.notify_all()
        return record

    def _prune(self) -> None:
        pngs = sorted(self._directory.glob("receipt-*.png"))
        for old in pngs[: max(0, len(pngs) - self._keep)]:
            old.unlink(missing_ok=True)
            old.with_suffix(".json").unlink(missing_ok=True)

    def records(self) -> list[dict[str, Any]]:
        """Records of receipts saved by this store, newest last."""
        with self._lock:
            return list(self._records)

    def wait_for(self, count: int, timeout_s: float) -> bool:
        """Block until at least ``count`` receipts were saved, or ``timeout_s`` passes."""
        with self._added:
            return self._added.wait_for(lambda: len(self._records) >= count, timeout_s)
