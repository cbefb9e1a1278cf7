"""An application's progress as the screens show it, and the applications of a person.

The platform's :class:`~kiosk.platform.models.Application` carries codes (status, material
ids); a :class:`Progress` adds what the terminal knows besides: the names of the deferred
(容缺) materials and the date each must follow by — the terminal's own policy, the same one
the acceptance receipt printed (:data:`kiosk.apply.draft.DEFERRAL_WORKING_DAYS` working days
from acceptance) — and the identity the matter asks for before a correction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta, timezone

from kiosk.apply.draft import DEFERRAL_WORKING_DAYS
from kiosk.flow.matter import IdentityRequirement
from kiosk.materials.resolution import deferral_deadline
from kiosk.platform.models import Application

CHINA = timezone(timedelta(hours=8))
CORRECTION_REQUIRED = "correction_required"
FINISHED = frozenset({"completed", "delivered", "rejected", "withdrawn"})
"""Statuses after which nothing can be supplied any more."""
RECENT_DAYS = 366
""""The last 12 months" of the person's applications (a leap year included)."""


@dataclass(frozen=True)
class DeferredNotice:
    """A deferred material still to be supplied, and the date it must follow by."""

    material_id: str
    name: str
    deadline: date


@dataclass(frozen=True)
class Progress:
    """One application with what the terminal adds to it."""

    application: Application
    identity: IdentityRequirement
    deferred: tuple[DeferredNotice, ...] = ()

    @property
    def needs_correction(self) -> bool:
        """The department asked for a correction, or deferred materials are still missing."""
        status = self.application.status
        if status == CORRECTION_REQUIRED:
            return True
        return bool(self.application.deferred_materials) and status not in FINISHED


def progress_of(
    application: Application, identity: IdentityRequirement, names: Mapping[str, str]
) -> Progress:
    """``application`` with its deferred materials named (``names``: material id → name; an
    unknown id is shown as it is) and their deadline counted from acceptance (China time)."""
    accepted = application.accepted_at.astimezone(CHINA).date()
    deadline = deferral_deadline(accepted, DEFERRAL_WORKING_DAYS)
    return Progress(
        application,
        identity,
        tuple(
            DeferredNotice(m, names.get(m, m), deadline) for m in application.deferred_materials
        ),
    )


def recent(items: Iterable[Progress], today: date) -> tuple[Progress, ...]:
    """The applications accepted in the last 12 months, newest first."""
    since = today - timedelta(days=RECENT_DAYS)
    kept = [p for p in items if p.application.accepted_at.astimezone(CHINA).date() >= since]
    return tuple(sorted(kept, key=lambda p: p.application.accepted_at, reverse=True))
