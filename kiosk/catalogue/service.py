"""The catalogue the kiosk shows, as a service: one current snapshot, observed by the screens.

The app loads the snapshot from the disk cache at start and refreshes it from the platform in
the background (both in a worker, where :func:`snapshot_of` builds the search index), then
publishes each snapshot on the GUI thread (:meth:`CatalogueService.publish`); view-models
subscribe, and the flow's guide answers come from :meth:`CatalogueService.brief`. Nobody
reads the catalogue out of a view-model.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass
from datetime import datetime

from kiosk.catalogue.cache_file import CachedCatalogue
from kiosk.catalogue.model import Catalogue
from kiosk.catalogue.scope import scoped
from kiosk.catalogue.search import CatalogueIndex
from kiosk.flow.matter import MatterBrief, SubjectKind, brief_for

Observer = Callable[["CatalogueSnapshot"], None]


@dataclass(frozen=True)
class CatalogueSnapshot:
    """A catalogue with its search index, when the platform last confirmed it, and whether
    that confirmation is current (``online``) or the copy came from disk while off line."""

    catalogue: Catalogue
    index: CatalogueIndex
    as_of: datetime | None = None
    online: bool = False

    @property
    def loaded(self) -> bool:
        """True once a real catalogue (from disk or the platform) is here."""
        return bool(self.catalogue.version)


def empty_snapshot() -> CatalogueSnapshot:
    """What the kiosk shows before any catalogue arrived."""
    catalogue = Catalogue("", (), ())
    return CatalogueSnapshot(catalogue, CatalogueIndex(catalogue))


def snapshot_of(cached: CachedCatalogue, scope: Set[str] = frozenset()) -> CatalogueSnapshot:
    """Index a cached or fetched catalogue with its pinyin readings, scoped to the matters of
    ``scope`` when it names any (:mod:`kiosk.catalogue.scope`) (in a worker: pypinyin for any
    text the readings lack)."""
    catalogue = scoped(cached.catalogue, scope)
    index = CatalogueIndex(catalogue, cached.readings)
    return CatalogueSnapshot(catalogue, index, cached.as_of, cached.online)


class CatalogueService:
    """Holds the current :class:`CatalogueSnapshot` and tells observers of each new one."""

    def __init__(self) -> None:
        self._snapshot = empty_snapshot()
        self._observers: list[Observer] = []

    @property
    def snapshot(self) -> CatalogueSnapshot:
        """The catalogue shown now."""
        return self._snapshot

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call ``observer`` with every new snapshot (GUI thread); returns the unsubscribe."""
        self._observers.append(observer)
        return lambda: self._observers.remove(observer)

    def publish(self, snapshot: CatalogueSnapshot) -> None:
        """Make ``snapshot`` current and tell every observer (GUI thread)."""
        self._snapshot = snapshot
        for observer in list(self._observers):
            observer(snapshot)

    def brief(self, code: str, kind: SubjectKind) -> MatterBrief | None:
        """What the flow needs of the matter or bundle ``code``, or None when unknown."""
        return brief_for(self._snapshot.catalogue, code, kind)
