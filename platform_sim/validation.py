"""Request checks against the contract: parameters (path, query, header) and JSON bodies,
reported as 422 ``validation_failed`` with one ``errors`` entry per offending field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from platform_api.contract import operation_request_schema, schema_registry
from platform_sim.problems import FieldError, validation_failed
from platform_sim.routing import Operation


def _field_errors(instance: Any, schema: dict[str, Any], prefix: str) -> list[FieldError]:
    validator = Draft202012Validator(
        schema, registry=schema_registry(), format_checker=FormatChecker()
    )
    errors: list[FieldError] = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        errors.extend(_describe(error, prefix))
    return errors


def _describe(error: ValidationError, prefix: str) -> list[FieldError]:
    path = (
        [prefix, *(str(p) for p in error.absolute_path)]
        if prefix
        else [str(p) for p in error.absolute_path]
    )
    if error.validator == "required" and isinstance(error.instance, dict):
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        return [
            FieldError(".".join([*path, name]), "is required")
            for name in required
            if name not in error.instance
        ]
    return [FieldError(".".join(path) or "body", error.message)]


def check_parameters(
    operation: Operation,
    path_params: Mapping[str, str],
    query: Mapping[str, str],
    headers: Mapping[str, str],
) -> None:
    """Raise 422 when a required parameter is missing or any parameter breaks its schema."""
    sources: dict[str, Mapping[str, str]] = {
        "path": path_params,
        "query": query,
        "header": headers,
    }
    errors: list[FieldError] = []
    for parameter in operation.parameters:
        name = parameter["name"]
        value = sources[parameter["in"]].get(name)
        if value is None:
            if parameter.get("required", False):
                errors.append(FieldError(name, "is required"))
            continue
        errors.extend(
            FieldError(name, e.message) for e in _field_errors(value, parameter["schema"], "")
        )
    if errors:
        raise validation_failed(errors)


def parse_body(operation: Operation, body: bytes) -> Any:
    """The JSON body of an operation that takes one, checked against its schema; else None."""
    schema = operation_request_schema(operation.operation_id)
    if schema is None:
        return None
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise validation_failed([FieldError("body", f"not JSON: {exc}")]) from None
    errors = _field_errors(document, schema, "")
    if errors:
        raise validation_failed(errors)
    return document
