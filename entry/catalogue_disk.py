"""The catalogue on disk, read first at start-up.

A citizen who taps 办事 right after the kiosk starts waits for the catalogue, not for the
devices or the platform, so the start-up worker reads and indexes the disk copy before it
opens the devices and imports :mod:`entry.backend`'s slow rest; the platform refresh follows
in the background with the same :class:`CatalogueFile` (its copy already held). Reading it
needs only ``json`` and ``hmac`` (the file is sealed by the kiosk after the client validated
it) and indexing it no pypinyin (its readings are stored with it): neither the HTTP stack,
jsonschema nor pypinyin is imported before the first matters are listed.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path

from kiosk.catalogue.cache_file import CatalogueFile
from kiosk.catalogue.service import CatalogueSnapshot, snapshot_of
from kiosk.config import Config

CATALOGUE_CACHE_FILE = "catalogue.json"
"""The catalogue cache under the data directory."""


def catalogue_file(config: Config) -> CatalogueFile:
    """The terminal's catalogue cache file (nothing read yet)."""
    return CatalogueFile(Path(config.terminal.data_dir) / CATALOGUE_CACHE_FILE)


def cached_snapshot(
    file: CatalogueFile, scope: Set[str] = frozenset()
) -> CatalogueSnapshot | None:
    """The catalogue on disk, scoped to the terminal's matters and indexed, or None when
    there is none (worker thread)."""
    stored = file.load()
    return None if stored is None else snapshot_of(stored.cached, scope)
