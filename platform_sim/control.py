"""The simulator's control endpoints for the dev dock and tests, under ``/_sim/``.

Not part of the contract, not signed, answered only to loopback clients, and still answered
while the platform is offline (so the dock can bring it back)::

    POST /_sim/payments/<order_no>/paid             the citizen paid (QR code or pending charge)
    POST /_sim/payments/next-charge  {"outcome": "paid"|"declined"|"pending"|"timeout",
                             "settle_s", "hold_s", "count"}  what the next charges do
    DELETE /_sim/payments/next-charge                charges follow the code's shape again
    POST /_sim/offline      {"offline": bool, "drop": bool}   503 or dropped connections
    POST /_sim/clock        {"advance_s": number}    move the platform's clock on
    POST /_sim/terminals/<terminal_id>/commands  {"command": str, "reason": str}
    POST /_sim/applications/<application_no>/correction  {"note": str}
    POST /_sim/appointments/slots/<slot_id>/fill     book a listed slot's remaining places
    POST /_sim/faults       {"kind", "count", "status", "code", "body", "headers", "delay_s",
                             "operation"}            commit a fault on the next requests
    POST /_sim/faults/lose-answers  {"rate": 0..1, "seed": int}  act, then drop that share
    DELETE /_sim/faults                              no more faults
    GET  /_sim/status                 offline, clock, catalogue ETag, faults, queued charges
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from platform_sim.charges import Charge
from platform_sim.clock import rfc3339
from platform_sim.faults import Fault
from platform_sim.problems import Problem, Response
from platform_sim.service import PlatformService

PREFIX = "/_sim/"

Action = Callable[[PlatformService, re.Match[str], dict[str, Any]], Any]


def _status(service: PlatformService, _: re.Match[str], __: dict[str, Any]) -> Any:
    return {
        "offline": service.offline,
        "drop_connections": service.drop_connections,
        "now": rfc3339(service.clock.now()),
        "catalogue_etag": service.world.catalogue.etag,
        "faults": service.faults.status(),
        "charges": service.charges.status(),
    }


def _offline(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    service.set_offline(bool(body.get("offline", True)), drop=bool(body.get("drop", False)))
    return _status(service, _, body)


def _clock(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    service.clock.advance(float(body["advance_s"]))
    return _status(service, _, body)


def _add_fault(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    service.faults.add(Fault.from_json(body), int(body.get("count", 1)))
    return _status(service, _, body)


def _lose_answers(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    seed = body.get("seed")
    service.faults.lose_answers(float(body["rate"]), None if seed is None else int(seed))
    return _status(service, _, body)


def _clear_faults(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    service.faults.clear()
    return _status(service, _, body)


def _next_charge(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    service.charges.add(Charge.from_json(body), int(body.get("count", 1)))
    return _status(service, _, body)


def _clear_charges(service: PlatformService, _: re.Match[str], body: dict[str, Any]) -> Any:
    service.charges.clear()
    return _status(service, _, body)


def _paid(service: PlatformService, match: re.Match[str], _: dict[str, Any]) -> Any:
    return service.mark_paid(match["order_no"])


def _command(service: PlatformService, match: re.Match[str], body: dict[str, Any]) -> Any:
    command_id = service.queue_command(match["terminal_id"], body["command"], body.get("reason"))
    return {"id": command_id}


def _correction(service: PlatformService, match: re.Match[str], body: dict[str, Any]) -> Any:
    return service.request_correction(match["application_no"], body.get("note", "请补正材料"))


def _fill_slot(service: PlatformService, match: re.Match[str], _: dict[str, Any]) -> Any:
    return service.fill_slot(match["slot_id"])


ROUTES: tuple[tuple[str, re.Pattern[str], Action], ...] = (
    ("GET", re.compile(r"^/_sim/status$"), _status),
    ("POST", re.compile(r"^/_sim/offline$"), _offline),
    ("POST", re.compile(r"^/_sim/clock$"), _clock),
    ("POST", re.compile(r"^/_sim/faults$"), _add_fault),
    ("POST", re.compile(r"^/_sim/faults/lose-answers$"), _lose_answers),
    ("DELETE", re.compile(r"^/_sim/faults$"), _clear_faults),
    ("POST", re.compile(r"^/_sim/payments/(?P<order_no>[0-9A-Z]+)/paid$"), _paid),
    ("POST", re.compile(r"^/_sim/payments/next-charge$"), _next_charge),
    ("DELETE", re.compile(r"^/_sim/payments/next-charge$"), _clear_charges),
    ("POST", re.compile(r"^/_sim/terminals/(?P<terminal_id>[A-Z0-9-]+)/commands$"), _command),
    (
        "POST",
        re.compile(r"^/_sim/applications/(?P<application_no>[0-9A-Z]+)/correction$"),
        _correction,
    ),
    ("POST", re.compile(r"^/_sim/appointments/slots/(?P<slot_id>[0-9A-Za-z-]+)/fill$"), _fill_slot),
)


def handle(service: PlatformService, method: str, path: str, body: bytes) -> Response:
    """Answer one control request (the caller has checked that it came over loopback)."""
    for route_method, pattern, action in ROUTES:
        found = pattern.match(path)
        if found is None or route_method != method:
            continue
        try:
            document = json.loads(body.decode("utf-8")) if body else {}
            if not isinstance(document, dict):
                raise TypeError("the body must be a JSON object")
            return Response.json(200, action(service, found, document))
        except Problem as problem:
            return problem.response()
        except (KeyError, TypeError, ValueError) as exc:
            return Problem(HTTPStatus.BAD_REQUEST, "bad_request", str(exc)).response()
    return Problem(
        HTTPStatus.NOT_FOUND, "not_found", f"no control route {method} {path}"
    ).response()
