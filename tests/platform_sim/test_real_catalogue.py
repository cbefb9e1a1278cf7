"""The simulator with the seed catalogue: served with its ETag, and every matter and bundle
that can be applied for at a terminal accepts a complete application from the resident."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import find
from hypothesis import strategies as st

from platform_sim import RunningSimulator, SimClock, start_simulator
from platform_sim.clock import rfc3339
from platform_sim.seed.catalogue import build_catalogue, build_licenses
from tests.platform_sim.helpers import JPEG, RESIDENT, TERMINAL, SimClient

CATALOGUE = build_catalogue()
MATTERS = {m["code"]: m for m in CATALOGUE["matters"]}
APPLYABLE = [m for m in CATALOGUE["matters"] if m["self_service"] in ("full", "query_print")]
HELD = {lic["license_type"]: lic["number"] for lic in build_licenses()[RESIDENT["id_number"]]}
SIMPLE_VALUES: dict[str, Any] = {
    "id_number": RESIDENT["id_number"],
    "phone": "13800138000",
    "date": "2025-03-03",
    "number": "1",
    "checkbox": True,
    "email": "citizen@example.cn",
}


@pytest.fixture(scope="module")
def real_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSimulator]:
    """One simulator with the default (seed) catalogue for the whole module."""
    data_dir: Path = tmp_path_factory.mktemp("real") / "platform-sim"
    running = start_simulator(data_dir, clock=SimClock(SimClock().now()))
    yield running
    running.stop()


def _value(spec: dict[str, Any]) -> Any:
    if spec["type"] == "select":
        return spec["options"][0]["value"]
    if spec["type"] in SIMPLE_VALUES:
        return SIMPLE_VALUES[spec["type"]]
    if "pattern" in spec:
        return _matching(spec["pattern"])
    return "测试"


@cache
def _matching(pattern: str) -> str:
    text: str = find(st.from_regex(pattern, fullmatch=True), lambda _: True)
    return text


def _application(client: SimClient, matters: list[dict[str, Any]]) -> dict[str, Any]:
    verification = client.verify(RESIDENT)
    vid = verification["verification_id"]
    scan = hashlib.sha256(JPEG).hexdigest()
    client.request(
        "PUT",
        f"/api/v1/uploads/{scan}",
        data=JPEG,
        headers={"Content-Type": "image/jpeg", "X-Verification-Id": vid},
    )
    form: dict[str, Any] = {}
    materials: dict[str, dict[str, Any]] = {}
    for matter in matters:
        for spec in matter["form"]["fields"]:
            form.setdefault(spec["id"], _value(spec))
        for spec in (s for s in matter["materials"] if s["required"]):
            if "e_license" in spec["accepts"] and spec.get("license_type") in HELD:
                ref = {"kind": "e_license", "license_number": HELD[spec["license_type"]]}
            elif "commitment" in spec["accepts"]:
                text = spec["commitment_text"].encode("utf-8")
                ref = {
                    "kind": "commitment",
                    "commitment_text_sha256": hashlib.sha256(text).hexdigest(),
                }
            else:
                ref = {"kind": "scan", "sha256": scan}
            materials.setdefault(spec["id"], {"material_id": spec["id"], **ref})
    return {
        "verification_id": vid,
        "terminal_id": TERMINAL,
        "submitted_at": rfc3339(client.sim.clock.now()),
        "applicant": {"name": RESIDENT["name"], "id_number": RESIDENT["id_number"]},
        "form": form,
        "materials": list(materials.values()),
    }


def test_seed_catalogue_is_served_with_an_etag_and_304_when_unchanged(
    real_sim: RunningSimulator,
) -> None:
    client = SimClient(real_sim)
    first = client.get("/api/v1/catalogue?region=330109")
    assert len(first.json()["matters"]) >= 100
    again = client.get("/api/v1/catalogue", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["ETag"] == first.headers["ETag"]


@pytest.mark.slow
def test_every_applyable_matter_accepts_a_complete_application(
    real_sim: RunningSimulator,
) -> None:
    client = SimClient(real_sim)
    refused = {}
    for matter in APPLYABLE:
        body = {**_application(client, [matter]), "matter_code": matter["code"]}
        response = client.post("/api/v1/applications", body)
        if response.status_code != 201:
            refused[matter["name"]] = response.json().get("errors") or response.json()["detail"]
    assert refused == {}


@pytest.mark.slow
def test_every_bundle_accepts_one_application_per_matter(real_sim: RunningSimulator) -> None:
    client = SimClient(real_sim)
    for bundle in CATALOGUE["bundles"]:
        matters = [MATTERS[code] for code in bundle["matters"]]
        if any(m["self_service"] not in ("full", "query_print") for m in matters):
            continue
        body = {**_application(client, matters), "bundle_code": bundle["code"]}
        response = client.post("/api/v1/applications", body)
        assert response.status_code == 201, (bundle["name"], response.text)
        assert len(response.json()["applications"]) == len(matters)
