"""A correction's draft: the deferred materials (or every material), never deferred again."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kiosk.catalogue.model import Matter
from kiosk.materials.resolution import MaterialKind
from kiosk.platform.models import Application, HistoryEntry, License
from kiosk.progress.correction import complete, correction_request, start_correction
from tests.kiosk.matters import COMMITMENT, material, matter

TODAY = date(2026, 11, 30)
LICENCE = License("hukou_booklet", "居民户口簿", "HK-1", "萧山分局", "long_term")


def _matter() -> Matter:
    return matter("M1", [], [
        material("hukou", ["e_license", "scan"], license_type="hukou_booklet"),
        material("archive", ["commitment", "scan"], commitment_text=COMMITMENT, deferrable=True),
    ])


def _application(status: str, deferred: tuple[str, ...]) -> Application:
    at = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    return Application("ZW2026112700000001AB12", "K7P2Q9", "M1", "事项", status, at,
                       (HistoryEntry(at, "received"),), deferred_materials=deferred)


def test_the_deferred_material_must_be_supplied_and_cannot_be_deferred_again() -> None:
    draft = start_correction(_matter(), _application("correction_required", ("archive",)),
                             (LICENCE,), TODAY, "key-1")
    [spec] = draft.plan.specs
    assert spec.id == "archive" and spec.required and not spec.deferrable
    assert draft.offers(spec) == frozenset({MaterialKind.COMMITMENT})
    assert not complete(draft)
    assert draft.commit() is None and complete(draft)
    request = correction_request(draft, "ver-1")
    assert request.verification_id == "ver-1"
    assert [(m.material_id, m.kind) for m in request.materials] == [("archive", "commitment")]


def test_a_correction_without_a_deferred_material_may_supply_any_material_again() -> None:
    draft = start_correction(_matter(), _application("correction_required", ()), (LICENCE,),
                             TODAY, "key-1")
    assert [s.id for s in draft.plan.specs] == ["hukou", "archive"]
    assert complete(draft), "nothing must be supplied; the note says what would help"
    refs = correction_request(draft, "ver-1").materials
    assert [(m.material_id, m.kind) for m in refs] == [("hukou", "e_license")]
