"""The catalogue kept on disk, so the terminal can guide citizens while the platform is away.

:meth:`CatalogueCache.refresh` asks the platform with ``If-None-Match`` (a 304 costs nothing),
stores a new catalogue (validated against the contract by the client) with its ETag, the time
it was last confirmed ("as of") and its pinyin readings in the sealed file of
:mod:`kiosk.catalogue.cache_file` (atomically: temporary file, fsync, rename, fsync of the
directory), and when the platform cannot be reached falls back to the stored copy, which the
screens show with its as-of time. A cache file that cannot be read or is not one this kiosk
sealed is discarded with a log line; it never stops the kiosk. Reading the file back needs
none of this module's imports (the HTTP stack, the contract): start-up reads it through
:class:`~kiosk.catalogue.cache_file.CatalogueFile` and hands that to this cache.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.catalogue.cache_file import CachedCatalogue, CatalogueFile, StoredCatalogue
from kiosk.catalogue.readings import readings_in_child
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import MalformedResponse, PlatformFailure

log = logging.getLogger(__name__)

__all__ = ["CachedCatalogue", "CatalogueCache"]


class CatalogueCache:
    """The catalogue file at ``path`` (e.g. ``<data_dir>/catalogue.json``)."""

    def __init__(
        self,
        path: Path | CatalogueFile,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.file = path if isinstance(path, CatalogueFile) else CatalogueFile(path)
        self.path = self.file.path
        self._now = now

    def load(self) -> CachedCatalogue | None:
        """The stored catalogue, or None when there is none or it was corrupt (discarded)."""
        stored = self.file.load()
        return stored.cached if stored else None

    def refresh(self, client: PlatformClient, region: str | None = None) -> CachedCatalogue:
        """Bring the cache up to date from the platform; offline, the stored copy.

        Raises the platform failure only when there is no stored copy to fall back to.
        """
        held = self.load()
        try:
            fetch = client.get_catalogue(etag=held.etag if held else None, region=region)
        except PlatformFailure as failure:
            if held is None:
                raise
            log.warning(
                "catalogue refresh failed (%s); using the copy as of %s",
                failure,
                held.as_of.isoformat(),
            )
            return dataclasses.replace(held, online=False, problem=str(failure))
        now = self._now()
        if fetch.catalogue is None or fetch.document is None:
            kept = self.file.load()
            if kept is None:
                raise MalformedResponse(304, "not modified, but no ETag was sent")
            document = kept.document
            fresh = dataclasses.replace(kept.cached, as_of=now, online=True, problem="")
        else:
            document = fetch.document
            readings = readings_in_child(fetch.catalogue)  # pypinyin: a new catalogue only
            fresh = CachedCatalogue(fetch.catalogue, fetch.etag, now, readings=readings)
        self.file.store(StoredCatalogue(fresh, document))
        return fresh
