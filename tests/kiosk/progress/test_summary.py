"""An application's progress: deferred materials named with their deadline; the last 12
months of a person's applications."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kiosk.flow.matter import IdentityRequirement
from kiosk.platform.models import Application, HistoryEntry
from kiosk.progress.summary import progress_of, recent

FACE = IdentityRequirement.ID_CARD_AND_FACE


def _application(status: str, deferred: tuple[str, ...] = (),
                 accepted: datetime = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)) -> Application:
    return Application("ZW2026112700000001AB12", "K7P2Q9", "M1", "职工基本养老保险待遇申领",
                       status, accepted, (HistoryEntry(accepted, "received"),),
                       deferred_materials=deferred)


def test_deferred_materials_are_named_and_due_five_working_days_after_acceptance() -> None:
    progress = progress_of(_application("accepted", ("archive", "other")), FACE,
                           {"archive": "本人档案"})
    assert [(d.name, d.deadline) for d in progress.deferred] == [
        ("本人档案", date(2026, 12, 4)), ("other", date(2026, 12, 4))]
    assert progress.needs_correction


def test_a_correction_is_needed_when_asked_for_or_while_a_deferred_material_is_missing() -> None:
    assert progress_of(_application("correction_required"), FACE, {}).needs_correction
    assert not progress_of(_application("in_review"), FACE, {}).needs_correction
    assert not progress_of(_application("completed", ("archive",)), FACE, {}).needs_correction


def test_recent_keeps_the_last_twelve_months_newest_first() -> None:
    old = progress_of(_application("completed", accepted=datetime(2025, 11, 1, tzinfo=UTC)),
                      FACE, {})
    older = progress_of(_application("received", accepted=datetime(2026, 1, 2, tzinfo=UTC)),
                        FACE, {})
    newer = progress_of(_application("received"), FACE, {})
    assert recent([old, older, newer], date(2026, 11, 30)) == (newer, older)
