"""Routes read from the contract: which operation a method and path name, with its
parameters, so the simulator serves exactly the paths the contract declares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from platform_api.contract import contract


@dataclass(frozen=True)
class Operation:
    """One contract operation: its id, method, path template and resolved parameters."""

    operation_id: str
    method: str
    template: str
    pattern: re.Pattern[str]
    parameters: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Match:
    """A request's path matched to an operation, with the path parameters it carries."""

    operation: Operation
    path_params: dict[str, str]


def _resolve(parameter: dict[str, Any]) -> dict[str, Any]:
    ref = parameter.get("$ref")
    if ref is None:
        return parameter
    resolved: dict[str, Any] = contract()["components"]["parameters"][
        ref.removeprefix("#/components/parameters/")
    ]
    return resolved


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{([a-z_0-9]+)\}", template)
    regex = "".join(
        f"(?P<{part}>[^/]+)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$")


@cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the contract."""
    found: list[Operation] = []
    for template, item in contract()["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            found.append(
                Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    template=template,
                    pattern=_compile(template),
                    parameters=tuple(_resolve(p) for p in op.get("parameters", [])),
                )
            )
    return tuple(found)


class MethodNotAllowed(LookupError):
    """The path exists in the contract but not with this method."""


def match(method: str, path: str) -> Match | None:
    """The operation for ``method`` and ``path`` (no query); None when the path is unknown.

    Raises :class:`MethodNotAllowed` when the path is known under other methods only.
    """
    path_known = False
    for operation in operations():
        found = operation.pattern.match(path)
        if found is None:
            continue
        path_known = True
        if operation.method == method.upper():
            return Match(operation, found.groupdict())
    if path_known:
        raise MethodNotAllowed(path)
    return None
