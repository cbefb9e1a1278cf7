"""How an application moves on with the platform's clock (pure rules, no storage).

A promised (承诺件) application goes received → accepted (after 1 minute) → in_review
(after 1 hour) → approved (after 1 day) → completed (after another day). The
deterministic exception: an application still missing a deferred (容缺) material when
review starts goes from in_review to correction_required instead, with a note naming what
is missing; a correction (``submitCorrection``) puts it back to in_review, and the steps
continue from then. Instant (即办件) and query_print matters complete at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))

NEXT: dict[str, tuple[timedelta, str, str]] = {
    "received": (timedelta(minutes=1), "accepted", "已受理"),
    "accepted": (timedelta(hours=1), "in_review", "审查中"),
    "in_review": (timedelta(days=1), "approved", "审批通过"),
    "approved": (timedelta(days=1), "completed", "已办结"),
}
AT_ONCE = (("received", "已接收"), ("accepted", "已受理"), ("completed", "即办件，当场办结"))


@dataclass(frozen=True)
class Step:
    """One status change: to what, when, with which note."""

    status: str
    at: datetime
    note: str


def due_steps(
    status: str, since: datetime, now: datetime, correction_note: str | None
) -> list[Step]:
    """The steps due by ``now`` for an application in ``status`` since ``since``.

    ``correction_note`` (deferred materials still missing) diverts review to
    ``correction_required``.
    """
    steps: list[Step] = []
    while status in NEXT:
        delay, target, note = NEXT[status]
        at = since + delay
        if at > now:
            break
        if status == "accepted" and correction_note is not None:
            steps.append(Step("in_review", at, note))
            steps.append(Step("correction_required", at, correction_note))
            break
        steps.append(Step(target, at, note))
        status, since = target, at
    return steps


def next_step_at(status: str, since: datetime) -> datetime | None:
    """When an application in ``status`` since ``since`` takes its next step (None when it
    waits for the applicant or is finished)."""
    step = NEXT.get(status)
    return None if step is None else since + step[0]


def completed_at_once(at: datetime) -> list[Step]:
    """The history of an instant or query_print application: complete on submission."""
    return [Step(status, at, note) for status, note in AT_ONCE]


def promised_date(accepted: datetime, working_days: int) -> date:
    """``working_days`` Monday–Friday days after the day of acceptance (China time)."""
    day = accepted.astimezone(CHINA).date()
    remaining = working_days
    while remaining > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day
