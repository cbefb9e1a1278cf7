"""What a handler receives: one authenticated, validated request and the simulated world."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from platform_sim.catalogue import CatalogueIndex
from platform_sim.charges import ChargePlan
from platform_sim.persons import Person
from platform_sim.problems import Response


@dataclass(frozen=True)
class World:
    """The fixed data the platform answers from: catalogue, people and their licences."""

    catalogue: CatalogueIndex
    persons: Mapping[str, Person]
    licences: Mapping[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Call:
    """One request as a handler sees it, inside the request's database transaction."""

    db: sqlite3.Connection
    now: datetime
    terminal_id: str
    path_params: Mapping[str, str]
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes
    document: Any
    world: World
    charges: ChargePlan


Handler = Callable[[Call], Response]
