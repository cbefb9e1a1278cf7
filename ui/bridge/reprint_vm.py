"""The reprint view-model (补打回执): the applications offered and the receipt chosen.

It reads the session's :class:`~kiosk.receipts.reprint.ReprintChoice` when the flow's view
changes and sends the citizen's choice to the flow as ``ChooseReceipt``. On screen the list
shows the matter, the application number and when it was accepted (the citizen's own data,
after a card verification); the failed-print screen shows the receipt's QR code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.flow import events as ev
from kiosk.flow.view import FlowView
from kiosk.platform.models import Application
from kiosk.receipts.progress import ProgressQuery, progress_payload
from kiosk.receipts.reprint import ReprintChoice, same_receipt
from ui import text
from ui.bridge.images import QR_PROVIDER
from ui.glyphs import shown

Dispatch = Callable[[ev.Event], object]
ChoiceSource = Callable[[], ReprintChoice]


def _local(application: Application) -> str:
    return text.reprint_accepted_on(application.accepted_at.astimezone())


class ReprintViewModel(QObject):
    """What the reprint screens bind to as ``reprint``."""

    changed = Signal()

    def __init__(
        self, dispatch: Dispatch, choice: ChoiceSource, base: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._choice = choice
        self._base = base
        self._seen: tuple[object, ...] = ()

    def set_view(self, view: FlowView) -> None:
        """The flow's view: refresh on every screen change."""
        seen = (view.state, view.reason)
        if seen != self._seen:
            self._seen = seen
            self.changed.emit()

    @Property(list, notify=changed)
    def items(self) -> list[dict[str, Any]]:
        """The applications offered, newest first."""
        offered = self._choice().offered
        return [
            {
                "no": a.application_no,
                "matter": shown(a.matter_name),
                "when": _local(a),
                "more": len(same_receipt(offered, a.application_no)) - 1,
            }
            for a in offered
        ]

    @Property(str, notify=changed)
    def emptyText(self) -> str:  # noqa: N802
        """What the list says when nothing is offered."""
        return text.reprint_word("none")

    @Property(list, notify=changed)
    def numbers(self) -> list[dict[str, str]]:
        """The chosen receipt's applications: matter, number and query code."""
        return [
            {"matter": shown(a.matter_name), "no": a.application_no, "code": a.query_code}
            for a in self._choice().chosen
        ]

    @Property(str, notify=changed)
    def receiptQr(self) -> str:  # noqa: N802
        """The image source of the chosen receipt's (first application's) progress QR."""
        chosen = self._choice().chosen
        if not chosen:
            return ""
        query = ProgressQuery(chosen[0].application_no, chosen[0].query_code)
        return f"image://{QR_PROVIDER}/{quote(progress_payload(query, self._base), safe='')}"

    @Slot(str)
    def choose(self, application_no: str) -> None:
        """The citizen chose the application whose receipt to reprint."""
        self._dispatch(ev.ChooseReceipt(application_no))

    @Slot(str, result=str)
    def word(self, key: str) -> str:
        """A word of the reprint screens (apply's words for the shared ones)."""
        return text.apply_word(key)
