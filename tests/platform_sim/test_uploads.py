"""putUpload: content addressed, 201 then 200, 422 on a wrong hash or over 10 MiB."""

from __future__ import annotations

import hashlib

from tests.platform_sim.helpers import JPEG, RESIDENT, SimClient


def _put(client: SimClient, vid: str, digest: str, data: bytes, media: str = "image/jpeg"):  # type: ignore[no-untyped-def]
    return client.request(
        "PUT",
        f"/api/v1/uploads/{digest}",
        data=data,
        headers={"Content-Type": media, "X-Verification-Id": vid},
    )


def test_first_upload_is_stored_and_the_second_already_stored(client: SimClient) -> None:
    vid = client.verify(RESIDENT)["verification_id"]
    digest = hashlib.sha256(JPEG).hexdigest()
    assert _put(client, vid, digest, JPEG).status_code == 201
    assert _put(client, vid, digest, JPEG).status_code == 200


def test_bytes_that_do_not_hash_to_the_path_are_refused(client: SimClient) -> None:
    vid = client.verify(RESIDENT)["verification_id"]
    response = _put(client, vid, "0" * 64, JPEG)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "sha256"


def test_file_over_ten_mebibytes_is_refused(client: SimClient) -> None:
    vid = client.verify(RESIDENT)["verification_id"]
    data = JPEG + b"\x00" * (10 * 1024 * 1024)
    response = _put(client, vid, hashlib.sha256(data).hexdigest(), data)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"


def test_pdf_and_png_are_accepted_other_media_types_not(client: SimClient) -> None:
    vid = client.verify(RESIDENT)["verification_id"]
    pdf = b"%PDF-1.7 test"
    assert (
        _put(client, vid, hashlib.sha256(pdf).hexdigest(), pdf, "application/pdf").status_code
        == 201
    )
    text = b"plain"
    assert (
        _put(client, vid, hashlib.sha256(text).hexdigest(), text, "text/plain").status_code == 415
    )


def test_upload_needs_a_valid_verification(client: SimClient) -> None:
    response = _put(client, "nobody", hashlib.sha256(JPEG).hexdigest(), JPEG)
    assert response.status_code == 403


def test_malformed_sha256_in_the_path_is_named(client: SimClient) -> None:
    vid = client.verify(RESIDENT)["verification_id"]
    response = _put(client, vid, "XYZ", JPEG)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "sha256"
