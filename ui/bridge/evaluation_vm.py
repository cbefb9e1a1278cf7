"""The 好差评 view-model (``evaluation`` in QML): the five faces, the reasons, the comment.

It reads the flow's :class:`~kiosk.flow.view.EvaluationStatus` (pushed with every view) and,
for the comment field's text, the session's rating draft; it holds nothing of its own, so
nothing is left for the next citizen. Taps and typing go to the flow as events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.evaluation.answers import COMMENT_LIMIT, EvaluationDraft, Rating
from kiosk.flow import events as ev
from kiosk.flow.states import Reason
from kiosk.flow.view import EvaluationStatus, FlowView
from ui import text
from ui.glyphs import shown

Dispatch = Callable[[ev.Event], object]
DraftSource = Callable[[], EvaluationDraft | None]
PROBLEMS = frozenset({Reason.EVALUATION_REASONS_REQUIRED, Reason.EVALUATION_COMMENT_TOO_LONG})
"""The flow's reasons that are a problem with the answers (said in red on the screen)."""


class EvaluationViewModel(QObject):
    """What the evaluation screens bind to."""

    changed = Signal()

    def __init__(
        self,
        dispatch: Dispatch,
        reasons: Sequence[str],
        draft: DraftSource,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._reasons = tuple(reasons)
        self._draft = draft
        self._status: EvaluationStatus | None = None
        self._problem: Reason | None = None

    def set_view(self, view: FlowView) -> None:
        """The flow's new view (GUI thread)."""
        problem = view.reason if view.reason in PROBLEMS else None
        if view.evaluation != self._status or problem != self._problem:
            self._status = view.evaluation
            self._problem = problem
            self.changed.emit()

    @Property(str, notify=changed)
    def problem(self) -> str:
        """What keeps the answers from being sent (a reason missing, the comment too long)."""
        return text.reason(self._problem)

    # --- what the screens show --------------------------------------------------------------

    @Property(str, notify=changed)
    def subject(self) -> str:
        """What is rated: the matters and their application numbers."""
        status = self._status
        if status is None:
            return ""
        return shown(text.evaluation_subject(status.matter_names, status.application_nos))

    @Property(list, notify=changed)
    def faces(self) -> list[dict[str, Any]]:
        """The five levels, best first: rating, words, whether chosen."""
        chosen = self._status.rating if self._status else None
        return [
            {"rating": int(r), "label": text.rating_word(r), "selected": r == chosen}
            for r in sorted(Rating, reverse=True)
        ]

    @Property(str, notify=changed)
    def ratingWord(self) -> str:  # noqa: N802
        """The words of the chosen level (empty before one is chosen)."""
        rating = self._status.rating if self._status else None
        return text.rating_word(rating) if rating is not None else ""

    @Property(int, notify=changed)
    def rating(self) -> int:
        """The chosen level (0 before one is chosen)."""
        rating = self._status.rating if self._status else None
        return int(rating) if rating is not None else 0

    @Property(list, notify=changed)
    def reasons(self) -> list[dict[str, Any]]:
        """The configured reasons, each with whether it is chosen."""
        chosen = self._status.reasons if self._status else ()
        return [
            {"index": i, "label": shown(r), "selected": r in chosen}
            for i, r in enumerate(self._reasons)
        ]

    def _comment(self) -> str:
        draft = self._draft()
        return draft.comment if draft is not None else ""

    @Property(str, notify=changed)
    def comment(self) -> str:
        """The comment as typed so far (the session's, so going back and forth keeps it)."""
        return self._comment()

    @Property(int, constant=True)
    def commentLimit(self) -> int:  # noqa: N802
        """The longest comment the platform takes."""
        return COMMENT_LIMIT

    @Property(str, notify=changed)
    def commentCount(self) -> str:  # noqa: N802
        """``123/500 字``."""
        length = self._status.comment_length if self._status else 0
        return text.comment_count(length, COMMENT_LIMIT)

    @Property(bool, notify=changed)
    def commentTooLong(self) -> bool:  # noqa: N802
        """The comment is over the limit (the counter turns red)."""
        return self._status is not None and self._status.comment_length > COMMENT_LIMIT

    @Property(str, constant=True)
    def commentHint(self) -> str:  # noqa: N802
        """The empty comment field's hint."""
        return text.comment_placeholder()

    # --- what the citizen does ----------------------------------------------------------------

    @Slot(int)
    def rate(self, rating: int) -> None:
        """A face was tapped."""
        try:
            level = Rating(rating)
        except ValueError:
            return
        self._dispatch(ev.RateService(level))

    @Slot(int)
    def toggleReason(self, index: int) -> None:  # noqa: N802
        """A reason chip was tapped."""
        if 0 <= index < len(self._reasons):
            self._dispatch(ev.ToggleReason(self._reasons[index]))

    @Slot(str)
    def edit(self, comment: str) -> None:
        """The comment changed (each keystroke or committed Pinyin phrase)."""
        if comment != self._comment():
            self._dispatch(ev.CommentEdited(comment))
