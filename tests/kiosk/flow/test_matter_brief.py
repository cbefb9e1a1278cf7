"""Briefs of catalogue matters and bundles, as the app answers LoadGuide with."""

from __future__ import annotations

from typing import Any

from kiosk.catalogue.model import catalogue_from_json
from kiosk.flow.matter import (
    BriefStep,
    IdentityRequirement,
    SelfService,
    SubjectKind,
    brief_for,
)
from platform_sim.seed.catalogue import build_catalogue


def raw_matter(code: str, name: str, identity: str, delivery: str, level: str) -> dict[str, Any]:
    return {
        "code": code, "name": name, "department": "d", "audience": "personal",
        "type": "promised", "promised_days": 3, "legal_basis": [], "conditions": [],
        "steps": ["申请"], "fees": [], "materials": [], "form": {"fields": []},
        "identity": identity, "result_delivery": [delivery], "self_service": level,
    }  # fmt: skip


CATALOGUE = catalogue_from_json(
    {
        "version": "1",
        "matters": [
            raw_matter("A000000001", "出生医学证明", "id_card", "mail", "full"),
            raw_matter("B000000001", "户口登记", "id_card_and_face", "window_pickup", "full"),
            raw_matter("C000000001", "预防接种证", "none", "window_pickup", "guide_only"),
        ],
        "bundles": [
            {"code": "YJS1", "name": "出生一件事", "matters": ["A000000001", "B000000001"]},
            {"code": "YJS2", "name": "含窗口事项", "matters": ["A000000001", "C000000001"]},
        ],
    }
)


def test_matter_brief_keeps_what_the_flow_needs() -> None:
    brief = brief_for(CATALOGUE, "B000000001", SubjectKind.MATTER)
    assert brief is not None
    assert brief.identity is IdentityRequirement.ID_CARD_AND_FACE
    assert brief.result_delivery == {"window_pickup"}
    assert brief.steps == (BriefStep("申请"),)


def test_bundle_takes_the_strongest_identity_and_all_deliveries() -> None:
    brief = brief_for(CATALOGUE, "YJS1", SubjectKind.BUNDLE)
    assert brief is not None
    assert brief.kind is SubjectKind.BUNDLE
    assert brief.identity is IdentityRequirement.ID_CARD_AND_FACE
    assert brief.result_delivery == {"mail", "window_pickup"}
    assert brief.self_service is SelfService.FULL
    assert brief.steps == (BriefStep("申请", "出生医学证明"), BriefStep("申请", "户口登记"))


def test_bundle_with_a_guide_only_matter_is_guide_only() -> None:
    brief = brief_for(CATALOGUE, "YJS2", SubjectKind.BUNDLE)
    assert brief is not None and brief.self_service is SelfService.GUIDE_ONLY


def test_unknown_codes_have_no_brief() -> None:
    assert brief_for(CATALOGUE, "NOPE", SubjectKind.MATTER) is None
    assert brief_for(CATALOGUE, "NOPE", SubjectKind.BUNDLE) is None


def test_every_seed_matter_and_bundle_has_a_brief() -> None:
    catalogue = catalogue_from_json(build_catalogue())
    for matter in catalogue.matters:
        assert brief_for(catalogue, matter.code, SubjectKind.MATTER) is not None
    for bundle in catalogue.bundles:
        brief = brief_for(catalogue, bundle.code, SubjectKind.BUNDLE)
        assert brief is not None and len(brief.steps) >= 2
