"""The platform contract (a verbatim copy of ``../shared/platform-api.yaml``) and validation of
payloads against its schemas, for the client (responses) and the simulator (requests and
responses) alike.

YAML and jsonschema (about 0.15 s to import) load on the first use of the contract, not with
this module: the kiosk imports it (through the platform errors) before its first frame and
validates nothing until its first platform call, after that frame.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from referencing import Registry

CONTRACT_PATH = Path(__file__).with_name("platform-api.yaml")
CONTRACT_URI = "urn:platform-api"


class ContractError(ValueError):
    """A payload does not match the contract's schema; ``path`` says where."""

    def __init__(self, schema_name: str, path: str, message: str) -> None:
        super().__init__(f"{schema_name}{path}: {message}")
        self.schema_name = schema_name
        self.path = path


@cache
def contract() -> dict[str, Any]:
    """The parsed OpenAPI document."""
    import yaml

    with CONTRACT_PATH.open(encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


@cache
def schema_registry() -> Registry[Any]:
    """The registry that resolves ``urn:platform-api#/...`` references into the contract."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resource: Resource[Any] = Resource.from_contents(contract(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(CONTRACT_URI, resource)
    return registry


def schema_ref(name: str) -> dict[str, Any]:
    """A JSON Schema that refers to ``components.schemas.<name>``."""
    return {"$ref": f"{CONTRACT_URI}#/components/schemas/{name}"}


@cache
def find_operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """Path template, method (lower case, as in the contract) and operation object of
    ``operation_id``; ``KeyError`` when the contract lacks it."""
    for path, item in contract()["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return path, method, op
    raise KeyError(operation_id)


def operation_response_schema(operation_id: str, status: str) -> dict[str, Any] | None:
    """The JSON schema of an operation's response body for ``status`` (or ``default``),
    rewritten to resolve against the contract; None where the response has no JSON body."""
    responses = find_operation(operation_id)[2]["responses"]
    response = responses.get(status) or responses.get("default")
    if response is None:
        return None
    if "$ref" in response:
        ref = response["$ref"].removeprefix("#/components/responses/")
        response = contract()["components"]["responses"][ref]
    content = response.get("content", {})
    for media in ("application/json", "application/problem+json"):
        if media in content:
            rebased: dict[str, Any] = _rebase(content[media]["schema"])
            return rebased
    return None


def operation_request_schema(operation_id: str) -> dict[str, Any] | None:
    """The JSON schema of an operation's request body, or None when it takes no JSON body."""
    op = find_operation(operation_id)[2]
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    return _rebase(body["schema"]) if body else None


def _rebase(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {
            k: (
                f"{CONTRACT_URI}{v}"
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else _rebase(v)
            )
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_rebase(v) for v in schema]
    return schema


def validate(instance: Any, schema: dict[str, Any], name: str = "") -> None:
    """Raise :class:`ContractError` for the first error of ``instance`` against ``schema``."""
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError

    validator = Draft202012Validator(
        schema, registry=schema_registry(), format_checker=FormatChecker()
    )
    error: ValidationError | None = next(iter(validator.iter_errors(instance)), None)
    if error is not None:
        where = "".join(f"[{p!r}]" for p in error.absolute_path)
        raise ContractError(name or "payload", where, error.message)
