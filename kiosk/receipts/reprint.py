"""补打回执: which applications a citizen may reprint, and which ones one receipt holds.

After a card-level verification the platform lists the person's applications
(listApplications, newest first); the terminal offers those accepted in the last
:data:`REPRINT_DAYS` days. One submission's applications (a bundle gives one per matter)
share their acceptance time and were printed on one receipt, so choosing any of them
reprints them together, as the citizen first had them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.platform.models import Application

REPRINT_DAYS = 30
"""How far back receipts can be reprinted (issue 11 item 8)."""


def recent(applications: Sequence[Application], now: datetime,
           days: int = REPRINT_DAYS) -> tuple[Application, ...]:
    """The applications accepted within ``days`` before ``now``, in the platform's order."""
    since = now - timedelta(days=days)
    return tuple(a for a in applications if since <= a.accepted_at <= now + timedelta(days=1))


def same_receipt(applications: Sequence[Application], application_no: str
                 ) -> tuple[Application, ...]:
    """The applications printed on one receipt with ``application_no`` (same acceptance time,
    same order as listed); empty when it is not listed."""
    chosen = next((a for a in applications if a.application_no == application_no), None)
    if chosen is None:
        return ()
    return tuple(a for a in applications if a.accepted_at == chosen.accepted_at)


@dataclass
class ReprintChoice:
    """The session's reprint: the applications offered and the receipt chosen."""

    offered: tuple[Application, ...] = ()
    chosen: tuple[Application, ...] = ()
