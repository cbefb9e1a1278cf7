"""The certificate a query-and-print matter gave this session, as the flow keeps it: what the
preview and the failure screen show (title, application number, verify URL). The PDF itself
stays with the app (``entry.certificates``), which the flow tells to drop it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IssuedCertificate:
    """The answered ``result_document`` of one query-and-print application."""

    application_no: str
    title: str
    verify_url: str = field(repr=False)
    pages: int = 1
