"""The catalogue service: observers hear every new snapshot; briefs come from the current one."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.catalogue.cache import CachedCatalogue
from kiosk.catalogue.model import Bundle, Catalogue
from kiosk.catalogue.service import CatalogueService, CatalogueSnapshot, snapshot_of
from kiosk.flow.matter import SubjectKind


def _catalogue(version: str) -> Catalogue:
    bundle = Bundle(code="B1", name="新生儿出生一件事", matters=())
    return Catalogue(version, (), (bundle,))


def test_observers_hear_each_published_snapshot_until_they_unsubscribe() -> None:
    service = CatalogueService()
    heard: list[CatalogueSnapshot] = []
    unsubscribe = service.subscribe(heard.append)
    first = snapshot_of(CachedCatalogue(_catalogue("v1"), "e1", datetime.now(UTC), online=False))
    service.publish(first)
    unsubscribe()
    service.publish(snapshot_of(CachedCatalogue(_catalogue("v2"), "e2", datetime.now(UTC))))
    assert heard == [first]
    assert service.snapshot.catalogue.version == "v2"


def test_before_any_catalogue_nothing_is_loaded_and_no_brief_is_found() -> None:
    service = CatalogueService()
    assert not service.snapshot.loaded
    assert service.brief("B1", SubjectKind.BUNDLE) is None


def test_briefs_come_from_the_current_snapshot_with_its_offline_state() -> None:
    service = CatalogueService()
    as_of = datetime(2026, 11, 1, tzinfo=UTC)
    service.publish(snapshot_of(CachedCatalogue(_catalogue("v1"), None, as_of, online=False)))
    brief = service.brief("B1", SubjectKind.BUNDLE)
    assert brief is not None and brief.name == "新生儿出生一件事"
    assert service.snapshot.as_of == as_of and not service.snapshot.online
