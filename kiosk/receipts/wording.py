"""The words a receipt needs, as one value the composition root passes in.

Citizen-facing text lives in ``ui/`` (``ui/receipt_text.py`` words receipts, marked for Qt
Linguist like the screens); the kiosk builds receipts from codes and values plus this
wording, so ``kiosk/`` holds no citizen text and a translation covers receipts too.
``date_format`` and ``time_format`` are ``strftime`` patterns; ``deferred_deadline`` has a
``{deadline}`` placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReceiptWording:
    """Every word printed on a receipt."""

    acceptance_title: str
    offline_title: str
    hall: str
    applicant: str
    id_number: str
    matter: str
    application_no: str
    accepted_at: str
    promised_date: str
    instant: str
    query_code: str
    saved_at: str
    deferred_heading: str
    deferred_deadline: str
    scan_to_query: str
    offline_notice: str
    offline_follow_up: str
    scan_to_verify: str
    phone: str
    date_format: str
    time_format: str
    correction_title: str
    corrected_at: str
    supplied_heading: str
