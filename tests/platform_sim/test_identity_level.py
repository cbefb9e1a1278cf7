"""Contract 1.1's card-level verification: method card with the reader's SAM id, the level a
verification records, and 403 insufficient_identity for matters that need the face."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from tests.platform_sim.helpers import (
    BUNDLE,
    GUIDE_ONLY,
    INSTANT,
    JPEG,
    RENTAL_COMMITMENT_SHA256,
    RESIDENT,
    SimClient,
    promised_application,
)

VERIFY = "/api/v1/identity/verify"
APPS = "/api/v1/applications"
FACE_MISMATCH = {"name": "刘洋", "id_number": "330106198806160051", "card_type": "resident"}
EXPIRED = {"name": "王芳", "id_number": "330105197009150044", "card_type": "resident"}
IMAGE = base64.b64encode(JPEG).decode()


def _instant(verification: dict[str, Any]) -> dict[str, Any]:
    return {
        "matter_code": INSTANT,
        "verification_id": verification["verification_id"],
        "terminal_id": "KIOSK-SIM-0001",
        "submitted_at": "2025-03-03T01:00:00Z",
        "applicant": {"name": RESIDENT["name"], "id_number": RESIDENT["id_number"]},
        "form": {"phone": "13800138000"},
        "materials": [],
    }


def _refused_for_identity(response: Any) -> bool:
    return response.status_code == 403 and response.json()["code"] == "insufficient_identity"


def test_the_card_alone_verifies_at_card_level_without_similarity(client: SimClient) -> None:
    result = client.verify_card(RESIDENT)
    assert (result["verified"], result["level"]) == (True, "card")
    assert "similarity" not in result and "threshold" not in result
    assert result["person"]["id_number"] == RESIDENT["id_number"]


def test_the_card_checks_still_apply_at_card_level(client: SimClient) -> None:
    assert client.verify_card(EXPIRED)["reason"] == "card_expired"
    assert client.verify_card({**RESIDENT, "name": "张三"})["reason"] == "card_not_found"
    assert client.verify_card(FACE_MISMATCH)["verified"] is True  # no face to mismatch


def test_face_and_app_verifications_say_their_level(client: SimClient) -> None:
    assert client.verify(RESIDENT)["level"] == "face"
    login = {"qr_payload": "zjzwfw://login?token=resident"}
    assert client.post("/api/v1/identity/qr-login", login).json()["level"] == "app"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"card": RESIDENT}, "live_face_jpeg_b64"),
        ({"method": "face", "card": RESIDENT}, "live_face_jpeg_b64"),
        ({"method": "card", "card": RESIDENT}, "sam_id"),
        ({"method": "card", "sam_id": "  ", "card": RESIDENT}, "sam_id"),
        (
            {"method": "card", "sam_id": "S1", "card": RESIDENT, "live_face_jpeg_b64": IMAGE},
            "live_face_jpeg_b64",
        ),
    ],
    ids=[
        "face-no-image",
        "explicit-face-no-image",
        "card-no-sam",
        "card-blank-sam",
        "card-with-image",
    ],
)
def test_a_request_that_does_not_fit_its_method_names_the_member(
    client: SimClient, body: dict[str, Any], field: str
) -> None:
    response = client.post(VERIFY, body)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_a_card_level_verification_applies_for_an_id_card_matter(client: SimClient) -> None:
    response = client.post(APPS, _instant(client.verify_card()))
    assert response.status_code == 201, response.text


def test_a_card_level_verification_is_refused_for_a_matter_needing_the_face(
    client: SimClient,
) -> None:
    body = promised_application(client, client.verify_card())
    assert _refused_for_identity(client.post(APPS, body))
    bundle = {**body, "bundle_code": BUNDLE}
    del bundle["matter_code"]
    assert _refused_for_identity(client.post(APPS, bundle))


def test_a_face_or_app_verification_does_for_a_matter_needing_the_face(
    client: SimClient,
) -> None:
    assert client.post(APPS, promised_application(client, client.verify())).status_code == 201
    login = {"qr_payload": "zjzwfw://login?token=resident"}
    app = client.post("/api/v1/identity/qr-login", login).json()
    assert client.post(APPS, promised_application(client, app)).status_code == 201


def test_a_correction_of_a_face_matter_needs_the_face_too(client: SimClient) -> None:
    body = promised_application(client, client.verify(), defer_rental=True)
    [application] = client.post(APPS, body).json()["applications"]
    path = f"{APPS}/{application['application_no']}/corrections"
    rental = {
        "material_id": "rental",
        "kind": "commitment",
        "commitment_text_sha256": RENTAL_COMMITMENT_SHA256,
    }
    by_card = {"verification_id": client.verify_card()["verification_id"], "materials": [rental]}
    assert _refused_for_identity(client.post(path, by_card))
    by_face = {"verification_id": client.verify()["verification_id"], "materials": [rental]}
    assert client.post(path, by_face).status_code == 200


def test_booking_an_appointment_for_a_face_matter_needs_the_face(client: SimClient) -> None:
    slots = client.get(
        f"/api/v1/appointments/slots?matter_code={GUIDE_ONLY}&hall_code=330109001&date=2025-03-04"
    ).json()["slots"]
    booking = {
        "verification_id": client.verify_card()["verification_id"],
        "slot_id": slots[0]["slot_id"],
        "matter_code": GUIDE_ONLY,
        "phone": "13800138000",
    }
    assert _refused_for_identity(client.post("/api/v1/appointments", booking))
    booking["verification_id"] = client.verify()["verification_id"]
    assert client.post("/api/v1/appointments", booking).status_code == 201
