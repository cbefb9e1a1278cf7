"""The catalogue kept on disk, so the terminal can guide citizens while the platform is away.

:meth:`CatalogueCache.refresh` asks the platform with ``If-None-Match`` (a 304 costs nothing),
stores a new catalogue atomically (temporary file, fsync, rename, fsync of the directory)
together with its ETag and the time it was last confirmed ("as of"), and when the platform
cannot be reached falls back to the stored copy, which the screens show with its as-of time.
A cache file that cannot be read or does not validate against the contract is discarded with
a log line; it never stops the kiosk.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.catalogue.model import Catalogue, catalogue_from_json
from kiosk.platform.client import PlatformClient
from kiosk.platform.errors import MalformedResponse, PlatformFailure
from platform_api.contract import ContractError, schema_ref, validate

log = logging.getLogger(__name__)

FORMAT = 1


@dataclass(frozen=True)
class CachedCatalogue:
    """A catalogue with its ETag and when the platform last confirmed it.

    ``online`` is False when this copy comes from disk because the platform could not be
    asked (``problem`` says why); screens then show "as of <as_of>".
    """

    catalogue: Catalogue
    etag: str | None
    as_of: datetime
    online: bool = True
    problem: str = ""


class CatalogueCache:
    """The catalogue file at ``path`` (e.g. ``<data_dir>/catalogue.json``)."""

    def __init__(self, path: Path, now: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.path = path
        self._now = now
        self._held: tuple[CachedCatalogue, dict[str, Any]] | None = None

    def load(self) -> CachedCatalogue | None:
        """The stored catalogue, or None when there is none or it was corrupt (discarded)."""
        if self._held is None:
            self._held = self._read()
        return self._held[0] if self._held else None

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
            return CachedCatalogue(held.catalogue, held.etag, held.as_of, False, str(failure))
        now = self._now()
        if fetch.catalogue is None or fetch.document is None:
            if self._held is None:
                raise MalformedResponse(304, "not modified, but no ETag was sent")
            kept, document = self._held
            fresh = CachedCatalogue(kept.catalogue, kept.etag, now)
        else:
            document = fetch.document
            fresh = CachedCatalogue(fetch.catalogue, fetch.etag, now)
        self._write(fresh, document)
        self._held = (fresh, document)
        return fresh

    def _read(self) -> tuple[CachedCatalogue, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            stored = json.loads(raw.decode("utf-8"))
            if stored.get("format") != FORMAT:
                raise ValueError(f"format {stored.get('format')!r}")
            document = stored["catalogue"]
            validate(document, schema_ref("Catalogue"), "Catalogue")
            as_of = datetime.fromisoformat(stored["as_of"])
            cached = CachedCatalogue(catalogue_from_json(document), stored["etag"], as_of)
        except (ValueError, KeyError, TypeError, AttributeError, ContractError) as exc:
            log.warning("catalogue cache %s is corrupt (%s); discarded", self.path, exc)
            self.path.unlink(missing_ok=True)
            return None
        return cached, document

    def _write(self, cached: CachedCatalogue, document: dict[str, Any]) -> None:
        payload = json.dumps(
            {
                "format": FORMAT,
                "etag": cached.etag,
                "as_of": cached.as_of.isoformat(),
                "catalogue": document,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        atomic_write(self.path, payload)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
