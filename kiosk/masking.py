"""Masking of personal data for screens and logs.

ID numbers and names are sensitive personal information (PIPL art. 28): screens show a
citizen only enough to recognise themselves (张*, 330106********001X), and nothing of a
citizen may reach a log file in clear. :class:`MaskingFilter` enforces the second rule on
every log record, whatever module wrote it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable

from drivers.id_card.privacy import mask_id_number, mask_name

__all__ = ["MaskingFilter", "mask_id_number", "mask_name", "mask_phone", "mask_text"]

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15}|[A-Z]{3}\d{12})(?![0-9A-Za-z])")
_TRACEBACK_FORMATTER = logging.Formatter()


def mask_phone(phone: str) -> str:
    """A mainland mobile number as screens show it (138****8000); anything else fully hidden."""
    return phone[:3] + "****" + phone[7:] if len(phone) == 11 else "****"


def mask_text(text: str, names: Iterable[str] = ()) -> str:
    """Mask every ID number (18 or 15 digits, or a foreign permanent resident card number)
    and every occurrence of the given names in ``text``."""
    masked = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        masked = masked.replace(name, mask_name(name))
    return masked


class MaskingFilter(logging.Filter):
    """A logging filter that masks ID numbers and the current citizen's names in every record.

    ``names`` is called for each record and returns the names to hide (the session's card and
    verified names), so the filter follows the session without holding personal data itself.
    The record's message is rendered once with its arguments and replaced by the masked
    text; records are never dropped.
    """

    def __init__(self, names: Callable[[], Iterable[str]] = tuple) -> None:
        super().__init__()
        self._names = names

    def filter(self, record: logging.LogRecord) -> bool:
        """Replace the record's message with its masked rendering; always keep the record."""
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = mask_text(message, self._names())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACK_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text, self._names())
        return True
