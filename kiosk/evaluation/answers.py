"""The citizen's answers to the rating screens, checked, and the contract bodies they become.

Five levels, the contract's scale: 5 非常满意 … 1 非常不满意. At 不满意 or below (2, 1) the
citizen must choose at least one reason from the configured list; the comment is optional
and at most :data:`COMMENT_LIMIT` characters (the contract's ``maxLength``, counted in code
points as JSON Schema counts them, so a rare character outside the BMP counts once).
Text the citizen cannot have meant (control characters, lone surrogates a broken input
method may leave) is dropped before it is counted or sent: it could not be encoded as UTF-8.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum

from kiosk.evaluation.service import Served
from kiosk.platform.models import Evaluation

COMMENT_LIMIT = 500
"""The longest comment the contract takes (``Evaluation.comment.maxLength``)."""
REASONS_FROM = 2
"""Ratings at or below this (不满意, 非常不满意) need at least one reason."""
_KEPT_CONTROLS = frozenset("\n")


class Rating(IntEnum):
    """The five levels, numbered as the contract's ``rating`` (5 = best)."""

    VERY_SATISFIED = 5
    SATISFIED = 4
    FAIRLY_SATISFIED = 3
    DISSATISFIED = 2
    VERY_DISSATISFIED = 1


def needs_reasons(rating: Rating) -> bool:
    """Whether the rating asks for reasons (不满意 or below)."""
    return rating <= REASONS_FROM


class Problem(StrEnum):
    """Why the answers cannot be sent yet (the screen says it in the UI's words)."""

    NO_RATING = "no_rating"
    REASONS_REQUIRED = "reasons_required"
    COMMENT_TOO_LONG = "comment_too_long"


def clean_comment(text: str) -> str:
    """``text`` without control characters (a line break is kept) and lone surrogates."""
    kept = (
        c for c in text
        if c in _KEPT_CONTROLS or unicodedata.category(c) not in ("Cc", "Cs")
    )
    return "".join(kept)


@dataclass
class EvaluationDraft:
    """The answers of one rating while the citizen gives them (held in the session)."""

    served: Served
    rating: Rating | None = None
    reasons: tuple[str, ...] = ()
    comment: str = field(default="", repr=False)

    def rate(self, rating: Rating) -> None:
        """Choose a level; reasons chosen for a low rating are dropped if it is no longer low."""
        self.rating = rating
        if not needs_reasons(rating):
            self.reasons = ()

    def toggle_reason(self, reason: str) -> None:
        """Choose a reason, or unchoose it when chosen."""
        if reason in self.reasons:
            self.reasons = tuple(r for r in self.reasons if r != reason)
        elif reason:
            self.reasons = (*self.reasons, reason)

    def write(self, comment: str) -> None:
        """The comment as typed so far (cleaned; its length is checked on sending)."""
        self.comment = clean_comment(comment)

    @property
    def sent_comment(self) -> str:
        """The comment as it is sent: without the blanks around it."""
        return self.comment.strip()

    @property
    def reasons_needed(self) -> bool:
        """The chosen rating asks for reasons."""
        return self.rating is not None and needs_reasons(self.rating)

    def problem(self) -> Problem | None:
        """What keeps the answers from being sent, or None when they can go."""
        if self.rating is None:
            return Problem.NO_RATING
        if self.reasons_needed and not self.reasons:
            return Problem.REASONS_REQUIRED
        if len(self.sent_comment) > COMMENT_LIMIT:
            return Problem.COMMENT_TOO_LONG
        return None

    def evaluations(self, evaluated_at: datetime, terminal_id: str) -> tuple[Evaluation, ...]:
        """The contract bodies: one per application, or one per matter of a visit.
        ``ValueError`` while :meth:`problem` names one."""
        problem = self.problem()
        if problem is not None or self.rating is None:
            raise ValueError(f"the evaluation cannot be sent: {problem}")
        return tuple(
            Evaluation(
                rating=int(self.rating),
                evaluated_at=evaluated_at,
                application_no=item.application_no,
                matter_code=item.matter_code,
                reasons=self.reasons,
                comment=self.sent_comment,
                terminal_id=terminal_id,
            )
            for item in self.served.items
        )

    def clear(self) -> None:
        """Forget the answers (the session is wiped)."""
        self.rating = None
        self.reasons = ()
        self.comment = ""
