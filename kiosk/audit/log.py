"""The audit log (等保 level 3): what technicians, the platform and the service did, one
JSON line each, hash-chained and fsynced.

Each line is ``{"seq": n, "at": RFC 3339 UTC, "event": ..., "data": {...}, "prev": hex}``
where ``prev`` is the SHA-256 of the previous line's bytes (without its newline); the first
line of the first file has 64 zeros. Files are ``audit-000001.jsonl``, ``audit-000002.jsonl``,
…; when the current one would pass ``max_bytes`` the next is started, and its first line
carries the hash of the previous file's last line, so the chain runs on across files and
:mod:`kiosk.audit.verify` checks them as one. Files are never renamed or deleted here.

The data are codes and counts — matter codes, outcomes, modes, command ids — never anything
of a citizen; strings are masked all the same, so an ID number passed by mistake never lands.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from kiosk.masking import mask_text

log = logging.getLogger(__name__)

GENESIS = "0" * 64
FILE_PATTERN = re.compile(r"^audit-(\d{6})\.jsonl$")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

Value = str | int | float | bool | None


class AuditEvent(StrEnum):
    """What can be audited."""

    MAINTENANCE_PIN_REFUSED = "maintenance.pin_refused"
    MAINTENANCE_LOCKED_OUT = "maintenance.locked_out"
    MAINTENANCE_ENTERED = "maintenance.entered"
    MAINTENANCE_ACTION = "maintenance.action"
    MAINTENANCE_LEFT = "maintenance.left"
    CONFIG_CHANGED = "config.changed"
    SERVICE_STARTED = "service.started"
    SERVICE_ENDED = "service.ended"
    MODE_CHANGED = "mode.changed"
    COMMAND_HANDLED = "command.handled"


def line_hash(line: bytes) -> str:
    """The SHA-256 (hex) that the next line carries as ``prev``."""
    return hashlib.sha256(line).hexdigest()


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ChainHead:
    """Where the chain stands: the last record's ``seq`` and hash."""

    seq: int
    hash: str


def parse_record(line: bytes) -> tuple[int, str] | None:
    """A line's ``seq`` and ``prev``, or None when it is not an audit record."""
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    seq, prev = record.get("seq"), record.get("prev")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        return None
    if not isinstance(prev, str) or not re.fullmatch(r"[0-9a-f]{64}", prev):
        return None
    return seq, prev


def log_files(directory: Path) -> list[Path]:
    """The audit files in ``directory``, oldest first."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if FILE_PATTERN.match(p.name))


class AuditLog:
    """Appends hash-chained records to the files in ``directory``. Thread-safe."""

    def __init__(
        self,
        directory: Path,
        max_bytes: int = DEFAULT_MAX_BYTES,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._directory = directory
        self._max_bytes = max_bytes
        self._now = now
        self._lock = threading.Lock()
        directory.mkdir(parents=True, exist_ok=True)
        files = log_files(directory)
        self._current = files[-1] if files else directory / "audit-000001.jsonl"
        self._head = self._find_head(files)

    @property
    def current_file(self) -> Path:
        """The file the next record goes to (unless it rotates)."""
        return self._current

    def record(self, event: AuditEvent, **data: Value) -> None:
        """Append one record and fsync it; raises ``OSError`` when the disk refuses."""
        clean = {k: mask_text(v) if isinstance(v, str) else v for k, v in data.items()}
        with self._lock:
            document = {
                "seq": self._head.seq + 1,
                "at": self._now().astimezone(UTC).isoformat().replace("+00:00", "Z"),
                "event": event.value,
                "data": clean,
                "prev": self._head.hash,
            }
            line = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
            self._append(line)
            self._head = ChainHead(self._head.seq + 1, line_hash(line))

    def _append(self, line: bytes) -> None:
        size = self._current.stat().st_size if self._current.exists() else 0
        if size and size + len(line) + 1 > self._max_bytes:
            match = FILE_PATTERN.match(self._current.name)
            number = int(match[1]) if match else 0
            self._current = self._directory / f"audit-{number + 1:06d}.jsonl"
            size = 0
        created = size == 0 and not self._current.exists()
        with self._current.open("ab") as f:
            if size and not self._ends_with_newline():
                f.write(b"\n")  # after a torn write; the verifier reports the broken line
            f.write(line + b"\n")
            f.flush()
            os.fsync(f.fileno())
        if created:
            fd = os.open(self._directory, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def _ends_with_newline(self) -> bool:
        with self._current.open("rb") as f:
            f.seek(-1, os.SEEK_END)
            return f.read(1) == b"\n"

    @staticmethod
    def _find_head(files: list[Path]) -> ChainHead:
        """The last readable record of the newest file that has one."""
        for path in reversed(files):
            for line in reversed(path.read_bytes().splitlines()):
                parsed = parse_record(line)
                if parsed is not None:
                    return ChainHead(parsed[0], line_hash(line))
                log.error("audit log %s: an unreadable line at the end", path)
        return ChainHead(0, GENESIS)
