"""A bounded, deterministic schemathesis run against the running simulator.

Each contract operation gets a few generated requests (valid and invalid), each signed like a
terminal's and carrying a real verification where one is asked for; every answer must be a
non-5xx response whose status, content type and body the contract allows.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from platform_api.contract import CONTRACT_PATH
from tests.platform_sim.helpers import RESIDENT, SimClient

SCHEMA = schemathesis.openapi.from_path(CONTRACT_PATH)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _send(client: SimClient, case: schemathesis.Case, verification_id: str) -> requests.Response:
    if isinstance(case.body, dict) and "verification_id" in case.body:
        case.body["verification_id"] = verification_id
    kwargs: dict[str, Any] = case.as_transport_kwargs(base_url=client.sim.base_url)
    headers: dict[str, str] = {k: str(v) for k, v in (kwargs.pop("headers", None) or {}).items()}
    if "X-Verification-Id" in headers:
        headers["X-Verification-Id"] = verification_id
    if kwargs["method"].upper() in ("POST", "PUT"):
        headers["Idempotency-Key"] = str(uuid.uuid4())
    prepared = requests.Request(
        method=kwargs["method"],
        url=kwargs["url"],
        params=kwargs.get("params"),
        headers=headers,
        json=kwargs.get("json"),
        data=kwargs.get("data"),
    ).prepare()
    body = prepared.body or b""
    raw = body.encode() if isinstance(body, str) else body
    prepared.headers.update(client.signer.headers(prepared.method or "", prepared.path_url, raw))
    return client.session.send(prepared, timeout=10, verify=str(client.sim.ca_file))


@pytest.mark.slow
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_generated_requests_get_answers_the_contract_allows(
    client: SimClient, operation: schemathesis.APIOperation
) -> None:
    verification_id = client.verify(RESIDENT)["verification_id"]

    @settings(
        max_examples=12,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        response = _send(client, case, verification_id)
        case.validate_response(response, checks=CHECKS)
        if response.status_code >= 400:
            problem = json.loads(response.content)
            assert problem["status"] == response.status_code
            assert problem["code"]

    run()
