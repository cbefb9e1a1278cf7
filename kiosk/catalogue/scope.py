"""The part of the catalogue a terminal offers (``[services] matters`` of its profile).

A bank branch or a township centre offers a few matters; the catalogue, its search, its
themes, 证明打印 and 预约 then all show those alone, because the kiosk indexes and publishes
only the scoped catalogue. The cache on disk keeps the platform's whole catalogue (its ETag
is the whole one's).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from kiosk.catalogue.model import Catalogue


def scoped(catalogue: Catalogue, codes: Set[str]) -> Catalogue:
    """The matters of ``codes`` in the catalogue's order, and the bundles all of whose matters
    remain; the whole catalogue when ``codes`` is empty."""
    if not codes:
        return catalogue
    matters = tuple(m for m in catalogue.matters if m.code in codes)
    kept = {m.code for m in matters}
    bundles = tuple(b for b in catalogue.bundles if set(b.matters) <= kept)
    return replace(catalogue, matters=matters, bundles=bundles)
