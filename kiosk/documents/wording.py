"""The words a printed PDF document needs besides its own content, passed in by the
composition root and worded by the UI (``ui/receipt_text.py``), so ``kiosk/`` holds no citizen
text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfWording:
    """Header, footer and QR caption of a printed document."""

    printed_at: str
    """With a ``{time}`` placeholder (``%Y-%m-%d %H:%M``)."""
    page_of: str
    """With ``{page}`` and ``{pages}`` placeholders."""
    scan_to_verify: str
