"""What a citizen is asked to rate: the service just completed and the applications it made.

A service ends with an application (办件) or without one (a query, a booking, a submission
saved for later while the platform is away). The contract rates "once per application or
visit": each application is rated under its number; a visit without one under the visit's own
id (the outbox's local reference, a booking's id), which only the terminal's ledger knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ServiceKind(StrEnum):
    """The kind of service that was completed (which done screen led to the rating)."""

    APPLY = "apply"
    """An application submitted and its receipt printed (办件申报)."""
    CERTIFICATE = "certificate"
    """A certificate queried and printed (证明打印)."""
    QUERY = "query"
    """The progress of an application queried (查询进度)."""
    APPOINTMENT = "appointment"
    """A window appointment booked (预约)."""
    PAYMENT = "payment"
    """A fee paid (缴费)."""
    LATEST = "latest"
    """The latest application of a card, rated from home's 评价 tile."""


@dataclass(frozen=True)
class ServedItem:
    """One thing rated: an application (``application_no``) or, without one, a matter."""

    matter_code: str
    matter_name: str = ""
    application_no: str = ""


@dataclass(frozen=True)
class Served:
    """A completed service: its kind, what it served, and the visit's id when nothing of it
    has an application number (the ledger's key for it)."""

    kind: ServiceKind
    items: tuple[ServedItem, ...]
    visit_id: str = ""

    def __post_init__(self) -> None:
        if not self.items:
            raise ValueError("a served service names at least one matter")

    @property
    def keys(self) -> tuple[str, ...]:
        """The ledger keys of what is rated: each application, else the visit once."""
        numbers = tuple(i.application_no for i in self.items if i.application_no)
        if numbers:
            return numbers
        return (visit_key(self.visit_id),) if self.visit_id else ()

    @property
    def matter_names(self) -> tuple[str, ...]:
        """The names of the matters served, for the rating screen."""
        return tuple(i.matter_name for i in self.items if i.matter_name)


def visit_key(visit_id: str) -> str:
    """The ledger key of a visit without an application (never an application number)."""
    return f"visit:{visit_id}"
