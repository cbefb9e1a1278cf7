"""The service catalogue the simulator serves, indexed for the handlers, with its ETag."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from platform_api.contract import schema_ref, validate
from platform_sim.problems import Response
from platform_sim.seed.catalogue import build_catalogue, build_licenses

if TYPE_CHECKING:
    from platform_sim.call import Call

Catalogue = dict[str, Any]
LicenceBook = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class CatalogueIndex:
    """The catalogue as served (bytes and ETag) and its matters and bundles by code."""

    body: bytes
    etag: str
    matters: dict[str, dict[str, Any]]
    bundles: dict[str, dict[str, Any]]

    @classmethod
    def build(cls, catalogue: Catalogue) -> CatalogueIndex:
        """Validate ``catalogue`` against the contract and index it."""
        validate(catalogue, schema_ref("Catalogue"), "Catalogue")
        body = json.dumps(catalogue, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return cls(
            body=body,
            etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            matters={m["code"]: m for m in catalogue["matters"]},
            bundles={b["code"]: b for b in catalogue["bundles"]},
        )

    def etag_matches(self, if_none_match: str) -> bool:
        """True when an ``If-None-Match`` header names this catalogue's ETag (or ``*``)."""
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or self.etag in tags


@dataclass(frozen=True)
class SeedData:
    """Where the catalogue and the licences come from; the seed package by default."""

    catalogue: Callable[[], Catalogue]
    licences: Callable[[], LicenceBook]


def default_seed() -> SeedData:
    """The seed package's deterministic catalogue (≥ 100 matters) and licences."""
    return SeedData(catalogue=build_catalogue, licences=build_licenses)


def get_catalogue(call: Call) -> Response:
    """getCatalogue: the whole catalogue with its ETag, or 304 when If-None-Match names it."""
    index = call.world.catalogue
    if index.etag_matches(call.headers.get("If-None-Match", "")):
        response = Response.empty(304)
    else:
        response = Response(200, index.body, {"Content-Type": "application/json"})
    response.headers["ETag"] = index.etag
    return response
