"""Electronic licences (电子证照) of the verified person, from the seed's licence book."""

from __future__ import annotations

from typing import Any

from platform_sim import identity
from platform_sim.call import Call
from platform_sim.problems import Response


def held_by(call: Call, id_number: str) -> list[dict[str, Any]]:
    """The licences ``id_number`` holds (none for people the book does not know)."""
    return list(call.world.licences.get(id_number, []))


def list_licenses(call: Call) -> Response:
    """listLicenses: the licences of the person the verification names."""
    verified = identity.require_header(call)
    return Response.json(200, {"licenses": held_by(call, verified.id_number)})
