"""verifyIdentity, qrLogin, licences, and verification expiry and scoping."""

from __future__ import annotations

from platform_sim import RunningSimulator
from tests.platform_sim.helpers import (
    HUKOU_NUMBER,
    JPEG,
    LONG_TERM,
    RESIDENT,
    SimClient,
)

QR = "/api/v1/identity/qr-login"
FACE_MISMATCH = {"name": "刘洋", "id_number": "330106198806160051", "card_type": "resident"}
EXPIRED = {"name": "王芳", "id_number": "330105197009150044", "card_type": "resident"}


def test_fixture_person_verifies_with_similarity_above_threshold(client: SimClient) -> None:
    result = client.verify(RESIDENT)
    assert result["verified"] is True
    assert result["similarity"] >= result["threshold"]
    assert result["person"]["id_number"] == RESIDENT["id_number"]
    assert result["expires_at"] == "2025-03-03T01:10:00Z"


def test_face_mismatch_fixture_is_not_verified(client: SimClient) -> None:
    result = client.verify(FACE_MISMATCH)
    assert result["verified"] is False
    assert result["reason"] == "face_mismatch"
    assert result["similarity"] < result["threshold"]


def test_expired_card_is_not_verified(client: SimClient) -> None:
    result = client.verify(EXPIRED)
    assert (result["verified"], result["reason"]) == (False, "card_expired")


def test_image_that_is_not_a_jpeg_has_no_face(client: SimClient) -> None:
    result = client.verify(RESIDENT, image=b"GIF89a")
    assert (result["verified"], result["reason"]) == (False, "no_face")


def test_unknown_person_or_wrong_name_is_not_verified(client: SimClient) -> None:
    unknown = {"name": "无名", "id_number": "110101199001011234", "card_type": "resident"}
    assert client.verify(unknown)["reason"] == "card_not_found"
    assert client.verify({**RESIDENT, "name": "张三"})["verified"] is False


def test_qr_login_by_fixture_name_or_id_hash(client: SimClient) -> None:
    by_name = client.post(QR, {"qr_payload": "zjzwfw://login?token=long_term"}).json()
    assert by_name["verified"] is True
    assert by_name["person"]["id_number"] == LONG_TERM["id_number"]
    token = client.sim.service.world.persons[LONG_TERM["id_number"]].qr_token
    by_hash = client.post(QR, {"qr_payload": f"zjzwfw://login?token={token}"}).json()
    assert by_hash["person"]["name"] == LONG_TERM["name"]


def test_garbage_qr_payload_is_validation_failed_on_qr_payload(client: SimClient) -> None:
    for payload in ("hello", "zjzwfw://login?token=nobody", "https://login?token=resident"):
        response = client.post(QR, {"qr_payload": payload})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "qr_payload"


def test_licences_of_the_verified_person(client: SimClient) -> None:
    resident = client.verify(RESIDENT)["verification_id"]
    other = client.verify(LONG_TERM)["verification_id"]
    mine = client.get("/api/v1/licenses", headers={"X-Verification-Id": resident}).json()
    assert [lic["number"] for lic in mine["licenses"]] == [HUKOU_NUMBER]
    theirs = client.get("/api/v1/licenses", headers={"X-Verification-Id": other}).json()
    assert theirs["licenses"] == []


def test_verification_expires_after_ten_minutes(sim: RunningSimulator, client: SimClient) -> None:
    vid = client.verify(RESIDENT)["verification_id"]
    sim.advance(599)
    assert client.get("/api/v1/licenses", headers={"X-Verification-Id": vid}).status_code == 200
    sim.advance(1)
    response = client.get("/api/v1/licenses", headers={"X-Verification-Id": vid})
    assert response.status_code == 403
    assert response.json()["code"] == "verification_required"


def test_unknown_or_failed_verification_opens_nothing(client: SimClient) -> None:
    failed = client.verify(FACE_MISMATCH)["verification_id"]
    for vid in (failed, "no-such-verification"):
        response = client.get("/api/v1/applications", headers={"X-Verification-Id": vid})
        assert response.status_code == 403


def test_missing_verification_header_is_named(client: SimClient) -> None:
    response = client.get("/api/v1/licenses")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "X-Verification-Id"


def test_a_verification_is_good_only_on_the_terminal_that_obtained_it(
    sim: RunningSimulator, tmp_path: object
) -> None:
    first = SimClient(sim)
    vid = first.verify(RESIDENT)["verification_id"]
    sim.service.terminal_ids = frozenset({*sim.service.terminal_ids, "KIOSK-SIM-0002"})
    second = SimClient(sim, terminal_id="KIOSK-SIM-0002")
    response = second.get("/api/v1/licenses", headers={"X-Verification-Id": vid})
    assert response.status_code == 403


def test_live_face_jpeg_is_a_decodable_image_marker(client: SimClient) -> None:
    assert client.verify(RESIDENT, image=JPEG + b"more")["verified"] is True
