"""The catalogue on disk, read first at start-up.

A citizen who taps 办事 right after the kiosk starts waits for the catalogue, not for the
devices or the platform, so the start-up worker reads and indexes the disk copy before it
opens the devices and imports :mod:`entry.backend`'s slow rest; the platform refresh follows
in the background with the same :class:`CatalogueCache` (its copy already held). Import this
module in a worker: the cache pulls in the platform client (requests, jsonschema).
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from kiosk.catalogue.cache import CatalogueCache
from kiosk.catalogue.service import CatalogueSnapshot, snapshot_of
from kiosk.config import Config

CATALOGUE_CACHE_FILE = "catalogue.json"
"""The catalogue cache under the data directory."""


def catalogue_cache(config: Config) -> CatalogueCache:
    """The terminal's catalogue cache file (nothing read yet)."""
    return CatalogueCache(Path(config.terminal.data_dir) / CATALOGUE_CACHE_FILE)


def cached_snapshot(
    cache: CatalogueCache, scope: Set[str] = frozenset()
) -> CatalogueSnapshot | None:
    """The catalogue on disk, scoped to the terminal's matters and indexed, or None when
    there is none (worker thread)."""
    cached = cache.load()
    return None if cached is None else snapshot_of(cached, scope)
