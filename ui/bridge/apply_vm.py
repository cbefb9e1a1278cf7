"""The apply view-model: the form page, the material on screen, the review, the outcome.

It reads the session's :class:`~kiosk.apply.draft.ApplicationDraft` (through ``draft``) when
the flow's view says the application changed, and sends the citizen's edits to the flow as
``FieldEdited`` events: the flow owns the answers, this only shows them. The form page shows
the citizen's own answers (they are typing them); the review masks names, ID numbers, phone
numbers and address details, since a screen can be read over a shoulder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.apply.draft import DEFERRAL_WORKING_DAYS, Accepted, ApplicationDraft, Saved
from kiosk.flow import events as ev
from kiosk.flow.view import FlowView
from kiosk.forms.fields import FieldSpec, FieldType, KeyboardKind
from kiosk.forms.validation import Address, FieldValue
from kiosk.masking import mask_id_number, mask_name, mask_phone
from kiosk.materials.resolution import (
    CommitmentUse,
    DeferredUse,
    LicenceUse,
    MaterialKind,
    ScanUse,
    deferral_deadline,
    kind_of,
)
from kiosk.receipts.progress import ProgressQuery, progress_payload
from ui import text
from ui.bridge.images import QR_PROVIDER
from ui.glyphs import shown
from ui.guide_text import listed

Dispatch = Callable[[ev.Event], object]
DraftSource = Callable[[], ApplicationDraft | None]

H = Qt.InputMethodHint
HINTS: dict[KeyboardKind, int] = {
    KeyboardKind.NUMERIC: H.ImhFormattedNumbersOnly.value,
    KeyboardKind.ID_NUMBER: (H.ImhPreferNumbers | H.ImhUppercaseOnly | H.ImhLatinOnly).value,
    KeyboardKind.PHONE: H.ImhDialableCharactersOnly.value,
    KeyboardKind.PINYIN: H.ImhNone.value,
    KeyboardKind.LATIN: H.ImhEmailCharactersOnly.value,
    KeyboardKind.NONE: H.ImhNone.value,
}
"""The Qt input-method hints that open each keyboard (Pinyin is the zh_CN default)."""

_NAME_SOURCES = frozenset({"id.name"})


def _plain(spec: FieldSpec, value: FieldValue, draft: ApplicationDraft) -> str:
    if isinstance(value, bool):
        return text.apply_word("yes") if value else text.apply_word("no")
    if isinstance(value, Address):
        return value.text(draft.form.divisions)
    if spec.type is FieldType.SELECT:
        return next((o.label for o in spec.options if o.value == value), value)
    return value


def masked(spec: FieldSpec, value: FieldValue, draft: ApplicationDraft) -> str:
    """An answer as the review shows it: personal data masked."""
    shown = _plain(spec, value, draft)
    if not shown:
        return "—"
    if spec.type is FieldType.ID_NUMBER:
        return mask_id_number(shown)
    if spec.type is FieldType.PHONE:
        return mask_phone(shown)
    if isinstance(value, Address):
        return draft.form.divisions.full_name(value.region) + "****"
    if spec.prefill in _NAME_SOURCES or text.names_a_person(spec.label):
        return mask_name(shown)
    return shown


class ApplyViewModel(QObject):
    """What the apply screens bind to as ``apply``."""

    changed = Signal()
    page_changed = Signal()

    def __init__(
        self, dispatch: Dispatch, draft: DraftSource, base: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        self._draft = draft
        self._base = base
        self._seen: tuple[object, ...] = ()
        self._page: tuple[object, ...] = ()
        self._revision = 0

    def set_view(self, view: FlowView) -> None:
        """The flow's view: refresh when the application or the screen changed; the form's
        fields are rebuilt only when the page changes (not on each keystroke, which would
        take the focus and the keyboard away)."""
        seen = (view.state, view.application)
        if seen == self._seen:
            return
        self._seen = seen
        status = view.application
        page = (view.state, id(self._draft()), status.page if status else -1)
        self._revision += 1
        if page != self._page:
            self._page = page
            self.page_changed.emit()
        self.changed.emit()

    def wipe(self) -> None:
        """Forget what was shown (the draft itself is the session's)."""
        self._seen = ()
        self._page = ()
        self.page_changed.emit()
        self.changed.emit()

    @Property(int, notify=changed)
    def revision(self) -> int:
        """Grows with every change; a binding that reads it re-reads :meth:`field`."""
        return self._revision

    # --- form page --------------------------------------------------------------------------

    @Property(str, notify=changed)
    def matterName(self) -> str:  # noqa: N802
        """The matter's (or bundle's first matter's) name."""
        draft = self._draft()
        return shown(listed([m.name for m in draft.matters])) if draft else ""

    @Property(str, notify=changed)
    def stepText(self) -> str:  # noqa: N802
        """第 1/2 页, or 材料 1/3."""
        draft = self._draft()
        if draft is None:
            return ""
        materials = ("apply_material", "correction_material", "apply_capture", "correction_capture")
        if self._seen and self._seen[0] in materials:
            return text.apply_word("material").format(
                index=draft.material + 1, count=len(draft.plan.specs)
            )
        return text.apply_word("page").format(page=draft.page + 1, pages=len(draft.pages))

    @Property(list, notify=page_changed)
    def pageFields(self) -> list[str]:  # noqa: N802
        """The ids of the fields of the form page on screen, in order."""
        draft = self._draft()
        if draft is None:
            return []
        return [spec.id for spec in draft.page_fields.fields]

    @Slot(str, result=dict)
    def field(self, field_id: str) -> dict[str, Any]:
        """One field as its delegate shows it (empty when the form has no such field)."""
        draft = self._draft()
        spec = draft.form.spec.field(field_id) if draft else None
        if draft is None or spec is None:
            return {}
        return self._field(draft, spec)

    def _field(self, draft: ApplicationDraft, spec: FieldSpec) -> dict[str, Any]:
        value = draft.form.answer(spec.id)
        error = draft.shown_error(spec.id)
        address = value if isinstance(value, Address) else Address()
        return {
            "id": spec.id,
            "kind": spec.type.value,
            "label": spec.label,
            "required": spec.required,
            "help": spec.help,
            "value": value if isinstance(value, str) else "",
            "checked": value is True,
            "prefilled": draft.form.prefilled(spec.id),
            "error": text.field_error(error),
            "keyboard": spec.keyboard.value,
            "hints": HINTS[spec.keyboard],
            "maxLength": spec.max_length or 0,
            "options": [
                {"value": o.value, "label": o.label, "selected": o.value == value}
                for o in spec.options
            ],
            "region": address.region,
            "regionName": draft.form.divisions.full_name(address.region),
            "detail": address.detail,
        }

    @Property(list, notify=changed)
    def regions(self) -> list[dict[str, str]]:
        """The districts an address can choose, with their full names."""
        draft = self._draft()
        if draft is None:
            return []
        divisions = draft.form.divisions
        return [{"code": d.code, "name": divisions.full_name(d.code)} for d in divisions.leaves()]

    @Slot(str, str)
    def edit(self, field_id: str, value: str) -> None:
        """A keystroke (or a chip) in a text or select field."""
        self._dispatch(ev.FieldEdited(field_id, value))

    @Slot(str, bool)
    def tick(self, field_id: str, checked: bool) -> None:
        """A checkbox."""
        self._dispatch(ev.FieldEdited(field_id, checked))

    @Slot(str, str, str)
    def address(self, field_id: str, region: str, detail: str) -> None:
        """An address: the chosen district and the detail."""
        self._dispatch(ev.FieldEdited(field_id, Address(region, detail)))

    # --- material on screen -----------------------------------------------------------------

    @Property(dict, notify=changed)
    def material(self) -> dict[str, Any]:
        """The material on screen: its name, how it is satisfied, and the ways offered."""
        draft = self._draft()
        spec = draft.current_material if draft else None
        if draft is None or spec is None:
            return {}
        use = draft.plan.resolution(spec.id)
        status, detail = "missing", ""
        if isinstance(use, LicenceUse):
            status = "licence"
            detail = text.apply_word("licence_detail").format(
                name=use.licence.name, issuer=use.licence.issuer
            )
        elif isinstance(use, CommitmentUse):
            status = "commitment"
        elif isinstance(use, DeferredUse):
            status = "deferred"
            detail = text.apply_word("deferred").format(deadline=text.long_date(use.deadline))
        elif isinstance(use, ScanUse):
            status = "scan"
            detail = text.apply_word("scanned").format(count=len(use.pages))
        offers = draft.offers(spec)
        deadline = deferral_deadline(date.today(), DEFERRAL_WORKING_DAYS)
        return {
            "name": spec.name,
            "note": spec.note,
            "required": spec.required,
            "status": status,
            "detail": detail,
            "commitmentText": spec.commitment_text,
            "canCommit": MaterialKind.COMMITMENT in offers,
            "canDefer": MaterialKind.DEFERRED in offers,
            "canCapture": MaterialKind.SCAN in spec.accepts,
            "deferLabel": text.apply_word("defer").format(deadline=text.long_date(deadline)),
            "unavailable": not offers and spec.required and MaterialKind.SCAN not in spec.accepts,
        }

    # --- review -----------------------------------------------------------------------------

    @Property(list, notify=changed)
    def reviewRows(self) -> list[dict[str, str]]:  # noqa: N802
        """Every answer and material, masked, as label/value rows."""
        draft = self._draft()
        if draft is None:
            return []
        rows = [
            {
                "label": shown(spec.label),
                "value": shown(masked(spec, draft.form.answer(spec.id), draft)),
            }
            for spec in draft.form.spec.fields
        ]
        for spec in draft.plan.specs:
            use = draft.plan.resolution(spec.id)
            value = text.material_kind(kind_of(use)) if use else text.apply_word("missing")
            rows.append({"label": shown(spec.name), "value": value})
        return rows

    @Property(list, notify=changed)
    def problems(self) -> list[str]:
        """The pre-check's problems, each with the way to fix it (blocking first)."""
        draft = self._draft()
        if draft is None:
            return []
        lines = []
        for item in draft.problems:
            name = ""
            if item.field:
                field = draft.form.spec.field(item.field)
                name = field.label if field else item.field
            elif item.material:
                material = draft.plan.spec(item.material)
                name = material.name if material else item.material
            lines.append(text.problem(item, name, text.field_error(item.field_error)))
        return lines

    # --- outcome ----------------------------------------------------------------------------

    @Property(list, notify=changed)
    def numbers(self) -> list[dict[str, str]]:
        """What the outcome screen shows: each application's number and query code, or the
        local reference of a submission saved for later."""
        draft = self._draft()
        outcome = draft.outcome if draft else None
        if isinstance(outcome, Accepted):
            return [
                {"matter": a.matter_name, "no": a.application_no, "code": a.query_code}
                for a in outcome.applications
            ]
        if isinstance(outcome, Saved):
            return [{"matter": text.apply_word("local_ref"), "no": outcome.local_ref, "code": ""}]
        return []

    @Property(str, notify=changed)
    def receiptQr(self) -> str:  # noqa: N802
        """The image source of the receipt's QR: the first application's progress query, or
        the local reference (empty without an outcome)."""
        draft = self._draft()
        outcome = draft.outcome if draft else None
        if isinstance(outcome, Accepted) and outcome.applications:
            first = outcome.applications[0]
            payload = progress_payload(
                ProgressQuery(first.application_no, first.query_code), self._base
            )
        elif isinstance(outcome, Saved):
            payload = outcome.local_ref
        else:
            return ""
        return f"image://{QR_PROVIDER}/{quote(payload, safe='')}"

    @Property(list, notify=changed)
    def certificates(self) -> list[dict[str, str]]:
        """Each instant certificate's line on the done screen and, when the A4 job did not
        confirm it, its verify QR (image source; empty once printed)."""
        draft = self._draft()
        return [
            {
                "note": text.instant_certificate_note(c.title, c.printed),
                "qr": "" if c.printed
                else f"image://{QR_PROVIDER}/{quote(c.verify_url, safe='')}",
            }
            for c in (draft.certificates if draft else ())
        ]

    @Slot(str, result=str)
    def word(self, key: str) -> str:
        """A word of the apply screens."""
        return text.apply_word(key)
