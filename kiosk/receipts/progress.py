"""The progress QR on a receipt: its payload format and the one parser that accepts it.

Format: ``<base>?no=<application_no>&code=<query_code>`` where ``base`` is the platform's
progress page (an ``https`` URL without query or fragment, from configuration), the
application number is ``[0-9A-Z]{8,50}`` and the query code ``[0-9A-Z]{6}`` (the contract's
patterns for ``getApplication``). A phone opens the page; the kiosk's scanner reads the same
payload back to query progress. :func:`parse_progress` refuses anything else: another base,
other or extra parameters, another order, lower case, percent-encoding, a fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

APPLICATION_NO = re.compile(r"[0-9A-Z]{8,50}")
QUERY_CODE = re.compile(r"[0-9A-Z]{6}")


@dataclass(frozen=True)
class ProgressQuery:
    """What opens an application's progress: its number and its query code."""

    application_no: str
    query_code: str

    def __post_init__(self) -> None:
        if not APPLICATION_NO.fullmatch(self.application_no):
            raise ValueError("application_no must be 8-50 of [0-9A-Z]")
        if not QUERY_CODE.fullmatch(self.query_code):
            raise ValueError("query_code must be 6 of [0-9A-Z]")


def check_base(base: str) -> str:
    """``base`` when it is an https URL with a host and no query or fragment; else ValueError
    (a configuration error)."""
    parts = urlsplit(base)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(f"progress base must be an https URL without query: {base!r}")
    if "?" in base or "#" in base or any(c.isspace() for c in base):
        raise ValueError(f"progress base must be an https URL without query: {base!r}")
    return base


def progress_payload(query: ProgressQuery, base: str) -> str:
    """The QR payload for ``query`` under ``base``."""
    return f"{check_base(base)}?no={query.application_no}&code={query.query_code}"


def parse_progress(text: str, base: str) -> ProgressQuery | None:
    """The query a progress payload under ``base`` carries; None for anything else."""
    pattern = re.escape(check_base(base)) + r"\?no=([0-9A-Z]{8,50})&code=([0-9A-Z]{6})"
    match = re.fullmatch(pattern, text)
    return ProgressQuery(match.group(1), match.group(2)) if match else None
