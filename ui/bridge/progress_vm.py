"""The progress view-model: the scanned code's message, the card holder's applications, one
application's progress, and what came of a correction.

It reads the session's :class:`~kiosk.progress.case.ProgressCase` (through ``case``) when the
flow's view says it changed; the correction's materials are the apply view-model's (the same
material screen). Application numbers and matter names are shown as they are; no name or ID
number appears on these screens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.flow import events as ev
from kiosk.flow.states import Reason
from kiosk.flow.view import FlowView
from kiosk.progress.case import ProgressCase
from kiosk.progress.summary import CHINA, Progress
from kiosk.receipts.progress import ProgressQuery, progress_payload
from ui import text
from ui.bridge.images import QR_PROVIDER
from ui.bridge.screens import Action
from ui.guide_text import listed
from ui.text import Label

Dispatch = Callable[[ev.Event], object]
CaseSource = Callable[[], ProgressCase | None]
TIME_FORMAT = "%Y-%m-%d %H:%M"


def _local(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime(TIME_FORMAT)


def _promised(progress: Progress) -> str:
    promised = progress.application.promised_date
    return text.long_date(promised) if promised else text.progress_word("instant")


class ProgressViewModel(QObject):
    """What the progress screens bind to as ``progressQuery`` (QML's Loader has a ``progress``)."""

    changed = Signal()

    def __init__(
        self, dispatch: Dispatch, case: CaseSource, base: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._case = case
        self._base = base
        self._seen: tuple[object, ...] = ()
        self._view: FlowView | None = None
        self._revision = 0

    def set_view(self, view: FlowView) -> None:
        """Refresh when the case, the screen or the reason changed."""
        seen = (view.state, view.reason, view.progress_revision, view.foreign_code)
        if seen == self._seen:
            return
        self._seen, self._view = seen, view
        self._revision += 1
        self.changed.emit()

    def _opened(self) -> Progress | None:
        found = self._case()
        return found.opened if found is not None else None

    @Property(int, notify=changed)
    def revision(self) -> int:
        """Grows with every change."""
        return self._revision

    @Property(str, notify=changed)
    def notice(self) -> str:
        """Why the screen is shown again: what a refused code was, or the flow's reason."""
        view = self._view
        if view is None or view.reason is None:
            return ""
        if view.reason is Reason.FOREIGN_CODE and view.foreign_code is not None:
            return text.foreign_code(view.foreign_code)
        return text.reason(view.reason)

    # --- the card holder's applications -----------------------------------------------------

    @Property(list, notify=changed)
    def items(self) -> list[dict[str, str]]:
        """The listed applications, newest first."""
        found = self._case()
        return [
            {
                "no": p.application.application_no,
                "matter": p.application.matter_name,
                "status": text.application_status(p.application.status),
                "accepted": _local(p.application.accepted_at),
                "attention": "1" if p.needs_correction else "",
            }
            for p in (found.listed if found else ())
        ]

    @Slot(str)
    def open(self, application_no: str) -> None:
        """One of the listed applications was tapped."""
        self._dispatch(ev.OpenApplication(application_no))

    # --- one application --------------------------------------------------------------------

    @Property(str, notify=changed)
    def matterName(self) -> str:  # noqa: N802
        """The open application's matter."""
        opened = self._opened()
        return opened.application.matter_name if opened else ""

    @Property(str, notify=changed)
    def statusCode(self) -> str:  # noqa: N802
        """The open application's status code (for its colour)."""
        opened = self._opened()
        return opened.application.status if opened else ""

    @Property(list, notify=changed)
    def rows(self) -> list[dict[str, str]]:
        """The open application's number, status, acceptance time and promised date."""
        opened = self._opened()
        if opened is None:
            return []
        a = opened.application
        w = text.progress_word
        return [
            {"label": w("application_no"), "value": a.application_no},
            {"label": w("status"), "value": text.application_status(a.status)},
            {"label": w("accepted_at"), "value": _local(a.accepted_at)},
            {"label": w("promised"), "value": _promised(opened)},
        ]

    @Property(list, notify=changed)
    def history(self) -> list[dict[str, str]]:
        """Every step, oldest first, with its date and note (none where the note only
        repeats the status)."""
        opened = self._opened()
        rows = []
        for h in opened.application.history if opened else ():
            status = text.application_status(h.status)
            rows.append({"at": _local(h.at), "status": status,
                         "note": "" if h.note == status else h.note})
        return rows

    @Property(str, notify=changed)
    def correctionNote(self) -> str:  # noqa: N802
        """The department's note on what to correct (with its heading; empty without one)."""
        opened = self._opened()
        note = opened.application.correction_note if opened else ""
        return text.progress_word("note").format(note=note) if note else ""

    @Property(list, notify=changed)
    def deferred(self) -> list[dict[str, str]]:
        """The deferred materials still missing, each with its deadline."""
        opened = self._opened()
        return [
            {
                "name": d.name,
                "deadline": text.progress_word("deadline").format(
                    deadline=text.long_date(d.deadline)
                ),
            }
            for d in (opened.deferred if opened else ())
        ]

    @Property(bool, notify=changed)
    def needsCorrection(self) -> bool:  # noqa: N802
        """补齐补正 is offered."""
        opened = self._opened()
        return opened is not None and opened.needs_correction

    # --- after a correction -----------------------------------------------------------------

    @Property(list, notify=changed)
    def outcome(self) -> list[str]:
        """What the done screen says: the materials supplied, the status now or the saved
        reference."""
        found = self._case()
        if found is None or found.opened is None:
            return []
        lines = [found.opened.application.matter_name, found.opened.application.application_no]
        if found.supplied:
            lines.append(text.progress_word("supplied").format(names=listed(found.supplied)))
        if found.corrected is not None:
            status = text.application_status(found.corrected.status)
            lines.append(text.progress_word("status_now").format(status=status))
        elif found.correction_ref:
            lines.append(text.progress_word("saved").format(ref=found.correction_ref))
        return lines

    @Property(str, notify=changed)
    def receiptQr(self) -> str:  # noqa: N802
        """The progress QR of the corrected application (image source; empty while queued)."""
        found = self._case()
        corrected = found.corrected if found else None
        if corrected is None:
            return ""
        query = ProgressQuery(corrected.application_no, corrected.query_code)
        payload = progress_payload(query, self._base)
        return f"image://{QR_PROVIDER}/{quote(payload, safe='')}"

    @Property(list, notify=changed)
    def actions(self) -> list[dict[str, object]]:
        """The application's buttons: 补齐补正 (the primary) when it awaits a correction, and
        完成 (the primary otherwise)."""
        correct = self._opened() is not None and bool(self.needsCorrection)
        finish = Action("finish", Label.FINISH, primary=not correct)
        if not correct:
            return [finish.to_qml()]
        return [Action("progress_correct", Label.PROGRESS_CORRECT, primary=True).to_qml(),
                finish.to_qml()]

    @Slot(str, result=str)
    def word(self, key: str) -> str:
        """A word of the progress screens."""
        return text.progress_word(key)
