"""Test helpers for the simulated platform: a tiny contract-valid catalogue, and a signing
client that checks every response against the contract."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

import requests

from platform_api.contract import contract, operation_response_schema, validate
from platform_api.signing import Signer
from platform_sim import RunningSimulator
from platform_sim.catalogue import SeedData

START = datetime(2025, 3, 3, 1, 0, tzinfo=UTC)  # Monday 09:00 in Hangzhou
TERMINAL = "KIOSK-SIM-0001"
RESIDENT = {"name": "张伟", "id_number": "33010619850312001X", "card_type": "resident"}
LONG_TERM = {"name": "李秀英", "id_number": "330102195807210023", "card_type": "resident"}
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"
PROMISED = "330000000000TEST0001"
INSTANT = "330000000000TEST0002"
QUERY_PRINT = "330000000000TEST0003"
GUIDE_ONLY = "330000000000TEST0004"
BUNDLE = "BUNDLE0001"
HUKOU_NUMBER = "HK3301060001"
SAM_ID = "05.01-20101010-0012345678-1234567890"
RENTAL_COMMITMENT = "本人承诺：租赁合同所载居住情况真实，如有不实愿承担法律责任。"
RENTAL_COMMITMENT_SHA256 = hashlib.sha256(RENTAL_COMMITMENT.encode("utf-8")).hexdigest()


def _matter(code: str, name: str, **overrides: Any) -> dict[str, Any]:
    matter: dict[str, Any] = {
        "code": code,
        "name": name,
        "department": "杭州市测试局",
        "audience": "personal",
        "type": "promised",
        "promised_days": 5,
        "legal_basis": ["《测试条例》"],
        "conditions": ["本区户籍居民"],
        "steps": ["填写申请", "提交"],
        "fees": [],
        "materials": [],
        "form": {"fields": []},
        "identity": "id_card_and_face",
        "result_delivery": ["print_at_terminal", "mail"],
        "self_service": "full",
    }
    matter.update(overrides)
    return matter


def tiny_catalogue() -> dict[str, Any]:
    """Four matters (promised with fees and every kind of material, instant needing the ID card
    alone, query_print, guide_only) and one bundle."""
    promised = _matter(
        PROMISED,
        "居住证申领",
        fees=[{"name": "工本费", "amount_cents": 2000}],
        appointment=True,
        materials=[
            {"id": "photo", "name": "证件照", "required": True, "accepts": ["scan"]},
            {
                "id": "hukou",
                "name": "户口簿",
                "required": True,
                "accepts": ["e_license", "scan"],
                "license_type": "hukou_booklet",
            },
            {
                "id": "rental",
                "name": "租赁合同",
                "required": True,
                "accepts": ["commitment", "scan"],
                "deferrable": True,
                "commitment_text": RENTAL_COMMITMENT,
            },
        ],
        form={
            "fields": [
                {
                    "id": "address",
                    "label": "居住地址",
                    "type": "address",
                    "required": True,
                    "max_length": 20,
                },
                {"id": "phone", "label": "手机号码", "type": "phone", "required": True},
                {
                    "id": "reason",
                    "label": "事由",
                    "type": "select",
                    "required": True,
                    "options": [
                        {"value": "work", "label": "就业"},
                        {"value": "study", "label": "就学"},
                    ],
                },
                {
                    "id": "postcode",
                    "label": "邮编",
                    "type": "text",
                    "required": False,
                    "pattern": "^[0-9]{6}$",
                },
            ]
        },
    )
    instant = _matter(
        INSTANT,
        "社保卡挂失",
        type="instant",
        promised_days=0,
        identity="id_card",
        form={"fields": [{"id": "phone", "label": "手机号码", "type": "phone", "required": True}]},
    )
    query = _matter(
        QUERY_PRINT, "社保缴费证明", type="instant", promised_days=0, self_service="query_print"
    )
    guide = _matter(GUIDE_ONLY, "出入境证件", self_service="guide_only", appointment=True)
    return {
        "version": "test-1",
        "matters": [promised, instant, query, guide],
        "bundles": [{"code": BUNDLE, "name": "测试一件事", "matters": [PROMISED, INSTANT]}],
    }


def tiny_licences() -> dict[str, list[dict[str, Any]]]:
    """The resident holds a household register licence."""
    return {
        RESIDENT["id_number"]: [
            {
                "license_type": "hukou_booklet",
                "name": "居民户口簿",
                "number": HUKOU_NUMBER,
                "issuer": "杭州市公安局西湖分局",
                "valid_to": "long_term",
            }
        ]
    }


TINY_SEED = SeedData(catalogue=tiny_catalogue, licences=tiny_licences)


def _operation_matchers() -> list[tuple[str, re.Pattern[str], str]]:
    found = []
    for template, item in contract()["paths"].items():
        regex = re.sub(r"\\\{[a-z_0-9]+\\\}", "[^/]+", re.escape(template))
        for method, op in item.items():
            found.append((method.upper(), re.compile(f"^{regex}$"), op["operationId"]))
    return found


MATCHERS = _operation_matchers()


def operation_of(method: str, path: str) -> str | None:
    """The contract operation a request names, independently of the simulator's router."""
    return next((op for m, p, op in MATCHERS if m == method and p.match(path)), None)


class SimClient:
    """Signs requests like a terminal and checks every response against the contract."""

    def __init__(self, sim: RunningSimulator, terminal_id: str = TERMINAL) -> None:
        self.sim = sim
        self.signer = Signer(terminal_id, sim.secret, now=sim.clock.now)
        self.session = requests.Session()
        self.seen: set[str] = set()

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        key: str | None = None,
        sign: bool = True,
    ) -> requests.Response:
        """Send one signed request; on POST/PUT ``key`` is the Idempotency-Key (None: a fresh
        UUID, "": no header)."""
        body = (
            data
            if data is not None
            else (
                json.dumps(json_body, ensure_ascii=False).encode() if json_body is not None else b""
            )
        )
        all_headers = {"Content-Type": "application/json"} if json_body is not None else {}
        if method in ("POST", "PUT") and key != "":
            all_headers["Idempotency-Key"] = key or str(uuid.uuid4())
        if sign:
            all_headers.update(self.signer.headers(method, path, body))
        all_headers.update(headers or {})
        response = self.session.request(
            method,
            self.sim.base_url + path,
            data=body,
            headers=all_headers,
            timeout=10,
            verify=str(self.sim.ca_file),  # per request: Session.verify loses to REQUESTS_CA_BUNDLE
        )
        self.check(method, path, response)
        return response

    def check(self, method: str, path: str, response: requests.Response) -> None:
        """Assert the response is what the contract allows for its operation and status."""
        operation = operation_of(method, path.split("?", maxsplit=1)[0])
        if response.status_code >= 400:
            assert response.headers["Content-Type"] == "application/problem+json"
            problem = response.json()
            validate(problem, {"$ref": "urn:platform-api#/components/schemas/Problem"}, "Problem")
            assert problem["status"] == response.status_code
        if operation is None:
            return
        self.seen.add(operation)
        schema = operation_response_schema(operation, str(response.status_code))
        if schema is None or response.status_code == 304:
            assert response.content == b""
            return
        validate(response.json(), schema, f"{operation} {response.status_code}")

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        """Signed GET."""
        return self.request("GET", path, **kwargs)

    def post(self, path: str, body: Any, **kwargs: Any) -> requests.Response:
        """Signed POST of a JSON body."""
        return self.request("POST", path, json_body=body, **kwargs)

    def verify(self, person: dict[str, str] = RESIDENT, image: bytes = JPEG) -> dict[str, Any]:
        """verifyIdentity for a fixture person; the Verification."""
        response = self.post(
            "/api/v1/identity/verify",
            {"card": person, "live_face_jpeg_b64": base64.b64encode(image).decode()},
        )
        assert response.status_code == 200
        result: dict[str, Any] = response.json()
        return result

    def verify_card(
        self, person: dict[str, str] = RESIDENT, sam_id: str = SAM_ID
    ) -> dict[str, Any]:
        """verifyIdentity with method card (the card read by the SAM ``sam_id``, no face)."""
        response = self.post(
            "/api/v1/identity/verify", {"method": "card", "sam_id": sam_id, "card": person}
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result


def upload(client: SimClient, verification_id: str, data: bytes) -> str:
    """PUT ``data`` as a scan; its sha256."""
    digest = hashlib.sha256(data).hexdigest()
    response = client.request(
        "PUT",
        f"/api/v1/uploads/{digest}",
        data=data,
        headers={"Content-Type": "image/jpeg", "X-Verification-Id": verification_id},
    )
    assert response.status_code in (200, 201), response.text
    return digest


def promised_application(
    client: SimClient, verification: dict[str, Any], *, defer_rental: bool = False
) -> dict[str, Any]:
    """A complete, valid submitApplication body for the promised matter."""
    vid = verification["verification_id"]
    photo = upload(client, vid, JPEG + b"photo")
    rental: dict[str, Any] = (
        {"material_id": "rental", "kind": "deferred"}
        if defer_rental
        else {
            "material_id": "rental",
            "kind": "commitment",
            "commitment_text_sha256": RENTAL_COMMITMENT_SHA256,
        }
    )
    return {
        "matter_code": PROMISED,
        "verification_id": vid,
        "terminal_id": TERMINAL,
        "submitted_at": "2025-03-03T01:00:00Z",
        "applicant": {
            "name": verification["person"]["name"],
            "id_number": verification["person"]["id_number"],
        },
        "form": {"address": "文三路100号", "phone": "13800138000", "reason": "work"},
        "materials": [
            {"material_id": "photo", "kind": "scan", "sha256": photo},
            {"material_id": "hukou", "kind": "e_license", "license_number": HUKOU_NUMBER},
            rental,
        ],
        "delivery": {"method": "print_at_terminal"},
    }
