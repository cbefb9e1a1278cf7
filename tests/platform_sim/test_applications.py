"""submitApplication, progress with the clock, bundles, corrections, queries."""

from __future__ import annotations

import hashlib
from typing import Any

from platform_sim import RunningSimulator
from tests.platform_sim.helpers import (
    BUNDLE,
    GUIDE_ONLY,
    INSTANT,
    JPEG,
    LONG_TERM,
    PROMISED,
    QUERY_PRINT,
    RENTAL_COMMITMENT_SHA256,
    RESIDENT,
    SimClient,
    promised_application,
    upload,
)

APPS = "/api/v1/applications"
HOUR = 3600
DAY = 24 * HOUR


def _submit(client: SimClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(APPS, body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def _progress(client: SimClient, application: dict[str, Any]) -> dict[str, Any]:
    no, code = application["application_no"], application["query_code"]
    response = client.get(f"{APPS}/{no}?query_code={code}")
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


def _fields(response: Any) -> set[str]:
    assert response.status_code == 422, response.text
    return {e["field"] for e in response.json()["errors"]}


def test_promised_application_is_received_with_number_code_and_payment(
    client: SimClient,
) -> None:
    result = _submit(client, promised_application(client, client.verify(RESIDENT)))
    [application] = result["applications"]
    assert application["status"] == "received"
    assert len(application["query_code"]) == 6
    assert application["promised_date"] == "2025-03-10"
    assert result["payment"]["amount_cents"] == 2000
    assert result["payment"]["status"] == "pending"


def test_promised_application_advances_with_the_clock(
    sim: RunningSimulator, client: SimClient
) -> None:
    [application] = _submit(client, promised_application(client, client.verify(RESIDENT)))[
        "applications"
    ]
    expected = [(60, "accepted"), (HOUR, "in_review"), (DAY, "approved"), (DAY, "completed")]
    for seconds, status in expected:
        sim.advance(seconds)
        assert _progress(client, application)["status"] == status
    history = [h["status"] for h in _progress(client, application)["history"]]
    assert history == ["received", "accepted", "in_review", "approved", "completed"]


def test_jumping_the_clock_applies_every_step_at_its_own_time(
    sim: RunningSimulator, client: SimClient
) -> None:
    [application] = _submit(client, promised_application(client, client.verify(RESIDENT)))[
        "applications"
    ]
    sim.advance(10 * DAY)
    history = _progress(client, application)["history"]
    assert [h["at"] for h in history] == [
        "2025-03-03T01:00:00Z",
        "2025-03-03T01:01:00Z",
        "2025-03-03T02:01:00Z",
        "2025-03-04T02:01:00Z",
        "2025-03-05T02:01:00Z",
    ]


def test_instant_and_query_print_matters_complete_at_once_with_a_document(
    client: SimClient,
) -> None:
    verification = client.verify(RESIDENT)
    for code, form in ((INSTANT, {"phone": "13900139000"}), (QUERY_PRINT, {})):
        body = {
            **promised_application(client, verification),
            "matter_code": code,
            "form": form,
            "materials": [],
        }
        [application] = _submit(client, body)["applications"]
        assert application["status"] == "completed"
        document = application["result_document"]
        assert application["application_no"] in document["verify_url"]
        assert "3301**********001X" in "".join(document["lines"])


def test_missing_and_malformed_form_fields_are_each_named(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    body["form"] = {
        "address": "很长" * 20,
        "reason": "travel",
        "postcode": "12a",
        "colour": "blue",
    }
    assert _fields(client.post(APPS, body)) == {
        "form.address",
        "form.phone",
        "form.reason",
        "form.postcode",
        "form.colour",
    }


def test_materials_must_be_uploaded_held_accepted_and_complete(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    body["materials"] = [
        {"material_id": "photo", "kind": "scan", "sha256": "f" * 64},
        {"material_id": "hukou", "kind": "e_license", "license_number": "HK-NOT-MINE"},
        {"material_id": "visa", "kind": "scan", "sha256": "f" * 64},
    ]
    assert _fields(client.post(APPS, body)) == {
        "materials.photo",
        "materials.hukou",
        "materials.visa",
        "materials.rental",
    }


def test_a_commitment_must_hash_the_materials_exact_commitment_text(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    rental = body["materials"][2]
    rental["commitment_text_sha256"] = hashlib.sha256(b"some other text").hexdigest()
    assert _fields(client.post(APPS, body)) == {"materials.rental"}
    rental["commitment_text_sha256"] = RENTAL_COMMITMENT_SHA256
    assert client.post(APPS, body).status_code == 201


def test_only_deferrable_materials_may_be_deferred(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    body["materials"][0] = {"material_id": "photo", "kind": "deferred"}
    assert _fields(client.post(APPS, body)) == {"materials.photo"}


def test_schema_errors_name_the_fields(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    del body["applicant"]["id_number"]
    body["materials"][0]["kind"] = "photocopy"
    assert _fields(client.post(APPS, body)) == {"applicant.id_number", "materials.0.kind"}


def test_matter_and_bundle_codes_are_checked(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    assert _fields(client.post(APPS, {**body, "matter_code": "NOPE"})) == {"matter_code"}
    assert _fields(client.post(APPS, {**body, "bundle_code": BUNDLE})) == {"matter_code"}
    assert _fields(client.post(APPS, {**body, "matter_code": GUIDE_ONLY})) == {"matter_code"}
    assert _fields(client.post(APPS, {**body, "terminal_id": "KIOSK-X"})) == {"terminal_id"}


def test_bundle_makes_one_application_per_matter_and_one_payment(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    del body["matter_code"]
    body["bundle_code"] = BUNDLE
    result = _submit(client, body)
    assert [a["matter_code"] for a in result["applications"]] == [PROMISED, INSTANT]
    assert [a["status"] for a in result["applications"]] == ["received", "completed"]
    assert result["payment"]["amount_cents"] == 2000


def test_applicant_must_be_the_verified_person(client: SimClient) -> None:
    verification = client.verify(RESIDENT)
    body = promised_application(client, verification)
    body["applicant"] = {"name": LONG_TERM["name"], "id_number": LONG_TERM["id_number"]}
    response = client.post(APPS, body)
    assert response.status_code == 403
    assert response.json()["code"] == "verification_required"


def test_scans_uploaded_by_another_person_do_not_count(client: SimClient) -> None:
    other = client.verify(LONG_TERM)["verification_id"]
    theirs = upload(client, other, JPEG + b"theirs")
    body = promised_application(client, client.verify(RESIDENT))
    body["materials"][0]["sha256"] = theirs
    assert _fields(client.post(APPS, body)) == {"materials.photo"}


def test_submission_delivered_late_is_judged_at_submitted_at(
    sim: RunningSimulator, client: SimClient
) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    sim.advance(2 * HOUR)
    assert client.post(APPS, body).status_code == 201
    late = {**body, "submitted_at": "2025-03-03T01:30:00Z"}
    assert client.post(APPS, late).status_code == 403
    future = {**body, "submitted_at": "2025-03-04T01:00:00Z"}
    assert _fields(client.post(APPS, future)) == {"submitted_at"}


def test_deferred_material_sends_review_to_correction_until_supplied(
    sim: RunningSimulator, client: SimClient
) -> None:
    verification = client.verify(RESIDENT)
    [application] = _submit(client, promised_application(client, verification, defer_rental=True))[
        "applications"
    ]
    assert application["deferred_materials"] == ["rental"]
    sim.advance(HOUR + 60)
    progress = _progress(client, application)
    assert progress["status"] == "correction_required"
    assert "租赁合同" in progress["correction_note"]
    path = f"{APPS}/{application['application_no']}/corrections"
    fresh = client.verify(RESIDENT)
    missing = client.post(path, {"verification_id": fresh["verification_id"], "materials": []})
    assert _fields(missing) == {"materials.rental"}
    rental = upload(client, fresh["verification_id"], JPEG + b"rental")
    corrected = client.post(
        path,
        {
            "verification_id": fresh["verification_id"],
            "materials": [{"material_id": "rental", "kind": "scan", "sha256": rental}],
        },
    )
    assert corrected.status_code == 200
    assert corrected.json()["status"] == "in_review"
    assert "deferred_materials" not in corrected.json()
    sim.advance(2 * DAY)
    assert _progress(client, application)["status"] == "completed"


def test_correction_only_by_the_applicant_and_only_when_awaited(
    sim: RunningSimulator, client: SimClient
) -> None:
    [application] = _submit(client, promised_application(client, client.verify(RESIDENT)))[
        "applications"
    ]
    path = f"{APPS}/{application['application_no']}/corrections"
    other = client.verify(LONG_TERM)["verification_id"]
    assert client.post(path, {"verification_id": other, "materials": []}).status_code == 403
    mine = client.verify(RESIDENT)["verification_id"]
    response = client.post(path, {"verification_id": mine, "materials": []})
    assert response.status_code == 409
    sim.request_correction(application["application_no"], "照片不清晰，请重新拍摄")
    response = client.post(path, {"verification_id": mine, "materials": []})
    assert response.json()["status"] == "in_review"


def test_wrong_query_code_reveals_nothing(client: SimClient) -> None:
    [application] = _submit(client, promised_application(client, client.verify(RESIDENT)))[
        "applications"
    ]
    wrong = "000000" if application["query_code"] != "000000" else "111111"
    response = client.get(f"{APPS}/{application['application_no']}?query_code={wrong}")
    assert response.status_code == 404
    assert client.get(f"{APPS}/ZW0000000000?query_code=ABC123").status_code == 404
    assert client.get(f"{APPS}/{application['application_no']}").status_code == 422


def test_list_is_the_verified_persons_applications_newest_first(client: SimClient) -> None:
    verification = client.verify(RESIDENT)
    first = _submit(client, promised_application(client, verification))["applications"][0]
    second = _submit(client, promised_application(client, verification))["applications"][0]
    listed = client.get(APPS, headers={"X-Verification-Id": verification["verification_id"]})
    numbers = [a["application_no"] for a in listed.json()["applications"]]
    assert numbers == [second["application_no"], first["application_no"]]
    other = client.verify(LONG_TERM)["verification_id"]
    assert client.get(APPS, headers={"X-Verification-Id": other}).json()["applications"] == []


def test_delivery_method_must_be_offered(client: SimClient) -> None:
    body = promised_application(client, client.verify(RESIDENT))
    assert _fields(client.post(APPS, {**body, "delivery": {"method": "electronic"}})) == {
        "delivery.method"
    }
    assert _fields(client.post(APPS, {**body, "delivery": {"method": "mail"}})) == {
        "delivery.address"
    }


def test_advancing_applications_walks_every_status_one_step_at_a_time(
    sim: RunningSimulator, client: SimClient
) -> None:
    [application] = _submit(client, promised_application(client, client.verify(RESIDENT)))[
        "applications"
    ]
    clock_before = sim.clock.now()
    seen = []
    for _ in range(4):
        assert sim.advance_applications() == 1
        seen.append(_progress(client, application)["status"])
    assert seen == ["accepted", "in_review", "approved", "completed"]
    assert sim.advance_applications() == 0
    assert sim.clock.now() == clock_before, "signed timestamps and verifications stay valid"
    moments = [h["at"] for h in _progress(client, application)["history"]]
    assert moments == sorted(moments)


def test_advancing_applications_reaches_correction_required_for_a_deferred_material(
    sim: RunningSimulator, client: SimClient
) -> None:
    verification = client.verify(RESIDENT)
    [application] = _submit(client, promised_application(client, verification, defer_rental=True))[
        "applications"
    ]
    sim.advance_applications()
    sim.advance_applications()
    assert _progress(client, application)["status"] == "correction_required"
    assert sim.advance_applications() == 0, "a correction waits for the applicant"
