"""The catalogue and guide view-model: browse by theme, department or bundle, search, and
the guide of the chosen matter with its QR code. Gating comes from :mod:`kiosk.gating`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from PySide6.QtCore import Property, QObject, Signal, Slot

from drivers.base import DeviceClass, DeviceStatus
from kiosk.catalogue.search import CatalogueEntry
from kiosk.catalogue.service import CatalogueService, CatalogueSnapshot
from kiosk.flow import events as ev
from kiosk.flow.matter import SubjectKind, brief_for
from kiosk.flow.view import FlowView
from kiosk.gating import matter_availability
from ui import guide_text, text
from ui.bridge.guide import GUIDE_URL, Section, bundle_sections, matter_sections
from ui.bridge.images import qr_url
from ui.glyphs import shown
from ui.guide_text import Badge

Dispatch = Callable[[ev.Event], object]

MODES = ("theme", "department", "bundle")


AS_OF_FORMAT = "%Y-%m-%d %H:%M"
"""How the catalogue's age is written (local time of the terminal)."""


def _stale_as_of(snapshot: CatalogueSnapshot) -> str:
    """When an off-line catalogue was last confirmed, as shown; empty when it is current (or
    there is none yet)."""
    if snapshot.online or not snapshot.loaded or snapshot.as_of is None:
        return ""
    return snapshot.as_of.astimezone().strftime(AS_OF_FORMAT)


def _shown_section(section: Section) -> Section:
    """A guide section with the characters no font has replaced (:func:`ui.glyphs.shown`)."""
    lines = cast(list[str], section["lines"])
    return {"title": shown(str(section["title"])), "lines": [shown(line) for line in lines]}


class CatalogueViewModel(QObject):
    """What the catalogue and guide screens bind to as ``catalogue``."""

    changed = Signal()
    guide_changed = Signal()

    def __init__(
        self, dispatch: Dispatch, service: CatalogueService, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._dispatch = dispatch
        snapshot = service.snapshot
        self._catalogue = snapshot.catalogue
        self._index = snapshot.index
        self._as_of = _stale_as_of(snapshot)
        self._devices: dict[DeviceClass, DeviceStatus] = {}
        self._mode = "theme"
        self._group = ""
        self._query = ""
        self._view: FlowView | None = None
        self._guide_code = ""
        self.unsubscribe = service.subscribe(self._show)

    # --- fed by the app ---------------------------------------------------------------------

    def _show(self, snapshot: CatalogueSnapshot) -> None:
        """A new catalogue snapshot from the service (GUI thread)."""
        self._catalogue = snapshot.catalogue
        self._index = snapshot.index
        self._as_of = _stale_as_of(snapshot)
        if self._group not in self._groups():
            self._group = ""
        self.changed.emit()
        self.guide_changed.emit()

    def set_devices(self, statuses: Mapping[DeviceClass, DeviceStatus]) -> None:
        """Device statuses changed: re-gate the list."""
        self._devices.update(statuses)
        self.changed.emit()

    @property
    def devices(self) -> Mapping[DeviceClass, DeviceStatus]:
        """The device statuses the list is gated with."""
        return self._devices

    def set_view(self, view: FlowView) -> None:
        """The flow's view: the guide follows the flow's chosen matter and its availability."""
        self._view = view
        code = view.matter.code if view.matter else self._guide_code
        if code != self._guide_code or view.availability is not None:
            self._guide_code = code
            self.guide_changed.emit()

    def wipe(self) -> None:
        """Forget the query, the filter and the guide (session reset)."""
        self._query = ""
        self._group = ""
        self._mode = "theme"
        self._guide_code = ""
        self.changed.emit()
        self.guide_changed.emit()

    # --- list -------------------------------------------------------------------------------

    def _groups(self) -> list[str]:
        if self._mode == "bundle":
            return []
        return self._index.themes() if self._mode == "theme" else self._index.departments()

    def _entries(self) -> list[CatalogueEntry]:
        index = self._index
        if self._query:
            return [hit.entry for hit in index.search(self._query)]
        if self._mode == "bundle":
            return index.bundles()
        if not self._group:
            return [*index.bundles(), *(e for t in index.themes() for e in index.in_theme(t)
                                        if e.kind is SubjectKind.MATTER)]
        if self._mode == "theme":
            return index.in_theme(self._group)
        return index.in_department(self._group)

    def _row(self, entry: CatalogueEntry) -> dict[str, Any]:
        brief = brief_for(self._catalogue, entry.code, entry.kind)
        availability = matter_availability(brief, self._devices) if brief else None
        available = availability is not None and availability.available
        matter = self._catalogue.matter(entry.code)
        if matter is None:
            bundle = self._catalogue.bundle(entry.code)
            count = len(bundle.matters) if bundle else 0
            detail, ready = guide_text.bundle_detail(count), Badge.BUNDLE
            guide_only = brief is not None and brief.self_service == "guide_only"
        else:
            detail = guide_text.matter_detail(matter.department, matter.type)
            ready = Badge.AVAILABLE
            guide_only = matter.self_service == "guide_only"
        badge = ready if available else Badge.GUIDE_ONLY if guide_only else Badge.SUSPENDED
        return {
            "code": entry.code,
            "name": shown(entry.name),
            "detail": shown(detail),
            "badge": guide_text.badge(badge),
            "available": available,
            "reason": text.gate_message(availability.reasons) if availability else "",
        }

    @Property(str, notify=changed)
    def mode(self) -> str:
        """``theme``, ``department`` or ``bundle``."""
        return self._mode

    @Property(list, notify=changed)
    def groups(self) -> list[str]:
        """The themes or departments to filter by."""
        return self._groups()

    @Property(str, notify=changed)
    def group(self) -> str:
        """The chosen theme or department ("" for all)."""
        return self._group

    @Property(str, notify=changed)
    def query(self) -> str:
        """The search text."""
        return self._query

    @Property(list, notify=changed)
    def results(self) -> list[dict[str, Any]]:
        """The rows of the list, gated."""
        return [self._row(item) for item in self._entries()]

    @Property(str, notify=changed)
    def summary(self) -> str:
        """One line above the list."""
        count = len(self._entries())
        return guide_text.list_summary(
            count, query=self._query, group=self._group, bundles=self._mode == "bundle"
        )

    @Property(str, notify=changed)
    def asOf(self) -> str:  # noqa: N802
        """目录更新于 … (离线) while the catalogue is the terminal's copy; empty when current."""
        return text.catalogue_as_of(self._as_of) if self._as_of else ""

    @Property(str, notify=changed)
    def emptyText(self) -> str:  # noqa: N802
        """What an empty list says."""
        return guide_text.empty_list(loading=not self._catalogue.version)

    @Slot(str)
    def setMode(self, mode: str) -> None:  # noqa: N802
        """Browse by theme, department or bundle."""
        if mode in MODES:
            self._mode = mode
            self._group = ""
            self.changed.emit()

    @Slot(str)
    def selectGroup(self, group: str) -> None:  # noqa: N802
        """Filter by a theme or department; the same one again shows all."""
        self._group = "" if group == self._group else group
        self.changed.emit()

    @Slot(str)
    def search(self, text: str) -> None:
        """Search as the citizen types."""
        text = text.strip()
        if text != self._query:
            self._query = text
            self.changed.emit()

    @Slot(str)
    def open(self, code: str) -> None:
        """Open the guide of a matter or bundle."""
        kind = SubjectKind.BUNDLE if self._catalogue.bundle(code) else SubjectKind.MATTER
        self._guide_code = code
        self.guide_changed.emit()
        self._dispatch(ev.SelectMatter(code, kind))

    @Slot()
    def start(self) -> None:
        """开始办理."""
        self._dispatch(ev.StartMatter())

    # --- guide ------------------------------------------------------------------------------

    @Property(str, notify=guide_changed)
    def guideTitle(self) -> str:  # noqa: N802
        """The matter's or bundle's name."""
        code = self._guide_code
        item = self._catalogue.matter(code) or self._catalogue.bundle(code)
        return shown(item.name) if item else ""

    @Property(str, notify=guide_changed)
    def guideSubtitle(self) -> str:  # noqa: N802
        """Department and code (or 一件事)."""
        matter = self._catalogue.matter(self._guide_code)
        if matter is not None:
            return shown(guide_text.matter_subtitle(matter.department, matter.code))
        return guide_text.bundle_subtitle() if self._catalogue.bundle(self._guide_code) else ""

    @Property(list, notify=guide_changed)
    def guideSections(self) -> list[dict[str, object]]:  # noqa: N802
        """Every guide field, as titled sections."""
        matter = self._catalogue.matter(self._guide_code)
        bundle = self._catalogue.bundle(self._guide_code)
        if matter is not None:
            sections = matter_sections(matter)
        else:
            sections = bundle_sections(bundle, self._catalogue) if bundle else []
        return [_shown_section(section) for section in sections]

    @Property(str, notify=guide_changed)
    def guideQr(self) -> str:  # noqa: N802
        """The QR image of the guide's public address."""
        return qr_url(GUIDE_URL.format(code=self._guide_code)) if self._guide_code else ""

    @Property(bool, notify=guide_changed)
    def guideAvailable(self) -> bool:  # noqa: N802
        """The matter can start now (the flow's gating)."""
        view = self._view
        return bool(view and view.availability and view.availability.available)

    @Property(str, notify=guide_changed)
    def guideReason(self) -> str:  # noqa: N802
        """Why it cannot start now."""
        view = self._view
        if view is None or view.availability is None:
            return ""
        return text.gate_message(view.availability.reasons)
