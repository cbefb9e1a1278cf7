"""The kiosk's log file: JSON lines, rotated by size, masked like every other log handler.

One JSON object per line (``at``, ``level``, ``logger``, ``message``, ``thread`` and, for
errors, ``exc``) so a technician's ``upload_logs`` bundle or a log shipper reads it without
parsing free text. The handler carries its own :class:`~kiosk.masking.MaskingFilter`: ID
numbers and the session's names are masked before a line is formatted, whether or not the
composition root also installed masking on the root logger's handlers.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kiosk.masking import MaskingFilter

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_BACKUPS = 5


class JsonLineFormatter(logging.Formatter):
    """Formats a record as one JSON line (UTF-8 text, Chinese kept readable)."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON object on one line."""
        document: dict[str, str] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "thread": record.threadName or "",
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            document["exc"] = record.exc_text
        if record.stack_info:
            document["stack"] = self.formatStack(record.stack_info)
        return json.dumps(document, ensure_ascii=False)


def json_log_handler(
    path: Path,
    names: Callable[[], Iterable[str]] = tuple,
    max_bytes: int = DEFAULT_MAX_BYTES,
    backups: int = DEFAULT_BACKUPS,
    level: int = logging.INFO,
) -> RotatingFileHandler:
    """A handler writing masked JSON lines to ``path``, rotated at ``max_bytes`` into
    ``path.1`` … ``path.<backups>``; ``names`` returns the current session's names to hide."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setLevel(level)
    handler.setFormatter(JsonLineFormatter())
    handler.addFilter(MaskingFilter(names))
    return handler
