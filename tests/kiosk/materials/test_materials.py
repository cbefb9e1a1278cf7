"""Materials: e-licences matched, scans content-addressed, commitments hashed, deferral only
when allowed; references and uploads as the contract and the simulated platform want them."""

from __future__ import annotations

import hashlib
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from drivers.camera.quality_issue import QualityIssue
from kiosk.materials.plan import MaterialFile, MaterialPlan, merged_materials
from kiosk.materials.resolution import (
    CommitmentUse,
    DeferredUse,
    LicenceUse,
    Refusal,
    ScannedPage,
    ScanUse,
    check_resolution,
    commitment_sha256,
    deferral_deadline,
    use_commitment,
    use_deferral,
    use_licence,
    use_scan,
)
from kiosk.platform.models import License, MaterialRef
from platform_sim import forms as platform
from tests.kiosk.matters import COMMITMENT, material, matter

TODAY = date(2024, 5, 6)
HUKOU = License("hukou_booklet", "居民户口簿", "330109001234", "萧山分局", "long_term")
OLD_SSC = License("social_security_card", "社会保障卡", "A1", "人社局", "2024-05-05")

SPECS = [
    material("hukou_booklet", ["e_license", "scan"], license_type="hukou_booklet"),
    material("ssc", ["e_license", "scan"], license_type="social_security_card"),
    material("income", ["commitment", "scan"], commitment_text=COMMITMENT),
    material("photo", ["scan"], deferrable=True),
    material("extra", ["scan"], required=False),
]


def _plan() -> MaterialPlan:
    return MaterialPlan(merged_materials([matter(materials=SPECS)]))


def test_a_held_valid_licence_of_the_right_type_is_matched_automatically() -> None:
    plan = _plan()
    assert plan.auto_match([OLD_SSC, HUKOU], TODAY) == ("hukou_booklet",)
    assert plan.resolution("hukou_booklet") == LicenceUse(HUKOU)
    assert [s.id for s in plan.unresolved()] == ["ssc", "income", "photo"]


def test_licence_refusals_are_values() -> None:
    spec = _plan().spec("ssc")
    assert spec is not None
    assert use_licence(spec, HUKOU, TODAY) is Refusal.WRONG_LICENCE
    assert use_licence(spec, OLD_SSC, TODAY) is Refusal.LICENCE_EXPIRED
    assert use_licence(spec, OLD_SSC, date(2024, 5, 5)) == LicenceUse(OLD_SSC)


def test_commitment_hashes_the_exact_utf8_text_and_only_where_accepted() -> None:
    plan = _plan()
    income, photo = plan.spec("income"), plan.spec("photo")
    assert income is not None and photo is not None
    expected = hashlib.sha256(COMMITMENT.encode("utf-8")).hexdigest()
    assert use_commitment(income) == CommitmentUse(expected)
    assert use_commitment(photo) is Refusal.NOT_ACCEPTED
    assert check_resolution(income, CommitmentUse(commitment_sha256("别的文字")), TODAY) is not None


def test_deferral_needs_a_deferrable_material_and_counts_working_days() -> None:
    plan = _plan()
    photo, income = plan.spec("photo"), plan.spec("income")
    assert photo is not None and income is not None
    assert deferral_deadline(date(2024, 5, 10), 1) == date(2024, 5, 13)  # Friday → Monday
    assert deferral_deadline(TODAY, 5) == date(2024, 5, 13)
    assert use_deferral(photo, date(2024, 5, 13)) == DeferredUse(date(2024, 5, 13))
    assert use_deferral(income, date(2024, 5, 13)) is Refusal.NOT_DEFERRABLE


@given(st.lists(st.binary(min_size=1, max_size=64), min_size=1, max_size=4))
def test_scanned_pages_are_addressed_by_the_sha256_of_their_bytes(pages: list[bytes]) -> None:
    plan = _plan()
    spec = plan.spec("extra")
    assert spec is not None
    use = use_scan(spec, [ScannedPage.of(p) for p in pages])
    assert isinstance(use, ScanUse)
    plan.choose("extra", use)
    refs = plan.refs()
    assert refs == tuple(
        MaterialRef("extra", "scan", sha256=hashlib.sha256(p).hexdigest()) for p in pages
    )
    uploads = plan.uploads()
    assert {u.sha256 for u in uploads} == {r.sha256 for r in refs}
    assert len(uploads) == len(set(pages))
    assert all(hashlib.sha256(u.data).hexdigest() == u.sha256 for u in uploads)


def test_empty_or_oversized_scans_are_refused() -> None:
    spec = _plan().spec("photo")
    assert spec is not None
    assert use_scan(spec, []) is Refusal.NO_PAGES
    big = ScannedPage.of(b"\xff" * (10 * 1024 * 1024 + 1))
    assert use_scan(spec, [big]) is Refusal.PAGE_TOO_LARGE


def test_the_plan_gives_the_contract_references_and_the_platform_accepts_them() -> None:
    plan = _plan()
    plan.auto_match([HUKOU], TODAY)
    ssc, income, photo = (plan.spec(i) for i in ("ssc", "income", "photo"))
    assert ssc is not None and income is not None and photo is not None
    page = ScannedPage.of(b"jpeg-bytes", [QualityIssue.GLARE])
    for mid, use in (
        ("ssc", use_scan(ssc, [page])),
        ("income", use_commitment(income)),
        ("photo", use_deferral(photo, date(2024, 5, 13))),
    ):
        assert not isinstance(use, Refusal)
        plan.choose(mid, use)
    refs = [r.to_json() for r in plan.refs()]
    assert refs == [
        {"material_id": "hukou_booklet", "kind": "e_license", "license_number": "330109001234"},
        {"material_id": "ssc", "kind": "scan", "sha256": page.sha256},
        {
            "material_id": "income",
            "kind": "commitment",
            "commitment_text_sha256": commitment_sha256(COMMITMENT),
        },
        {"material_id": "photo", "kind": "deferred"},
    ]
    assert plan.uploads() == (MaterialFile(page.sha256, "image/jpeg", b"jpeg-bytes"),)
    assert [(s.id, d) for s, d in plan.deferred()] == [("photo", date(2024, 5, 13))]
    # the platform's reference rules that need no stored uploads or licences
    checked = platform.check_materials(
        None,
        SPECS,
        [r for r in refs if r["kind"] in ("commitment", "deferred")],
        "x",
        require_all=False,
    )  # type: ignore[arg-type]
    assert checked.errors == [] and checked.deferred == ["photo"]
    plan.clear()
    assert plan.refs() == () and plan.uploads() == ()


def test_platform_and_kiosk_both_refuse_what_a_material_does_not_allow() -> None:
    plan = _plan()
    income = plan.spec("income")
    assert income is not None
    bad = [{"material_id": "income", "kind": "deferred"}]
    assert platform.check_materials(None, SPECS, bad, "x", require_all=False).errors  # type: ignore[arg-type]
    assert check_resolution(income, DeferredUse(TODAY), TODAY) is Refusal.NOT_DEFERRABLE
    hukou = plan.spec("hukou_booklet")
    assert hukou is not None
    commit = [
        {"material_id": "hukou_booklet", "kind": "commitment", "commitment_text_sha256": "0" * 64}
    ]
    assert platform.check_materials(None, SPECS, commit, "x", require_all=False).errors  # type: ignore[arg-type]
    assert use_commitment(hukou) is Refusal.NOT_ACCEPTED
    missing = platform.check_materials(None, SPECS, [], "x")  # type: ignore[arg-type]
    assert {e.field for e in missing.errors} == {f"materials.{s.id}" for s in plan.unresolved()}


def test_a_bundle_merges_materials_by_id_and_requires_what_any_matter_requires() -> None:
    first = matter("MATTER0000001", materials=[material("photo", ["scan"], required=False)])
    second = matter("MATTER0000002", materials=[material("photo", ["scan", "commitment"])])
    (photo,) = merged_materials([first, second])
    assert photo.required and photo.accepts == ("scan",)
