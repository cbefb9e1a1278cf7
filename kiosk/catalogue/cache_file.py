"""The catalogue cache's file, sealed by the kiosk that wrote it, readable without the contract.

Every catalogue the kiosk stores came from the platform client, which validated it against the
contract (JSON schema) before the cache saw it. Validating the stored copy again at every start
cost about 0.1 s plus 0.2–0.3 s to import jsonschema, the contract and the HTTP stack, all
before a citizen who taps 办事 sees a matter. Instead the file carries an HMAC-SHA256 seal over
its body, keyed by a random key the kiosk keeps next to it (``.catalogue.key``, mode 0600): a
file that verifies is byte for byte one this kiosk wrote after validation, so reading it back
needs only ``json`` and ``hmac``. Anything else (a corrupted, edited, truncated or older-format
file, a file copied from another terminal, a missing key) is rejected, and the caller discards
it and fetches the catalogue again.

The body also holds the pinyin readings of the catalogue's names and keywords
(:func:`kiosk.catalogue.search.readings_for`), so the search index is built without loading
pypinyin's dictionaries (about 50 MiB and 0.1 s) at all while the catalogue stays the same.

Layout: one header line ``KIOSK-CATALOGUE <format> <hex seal>``, then the JSON body.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.catalogue.model import Catalogue, catalogue_from_json
from kiosk.catalogue.search import Readings

log = logging.getLogger(__name__)

MAGIC = b"KIOSK-CATALOGUE"
FORMAT = 2
KEY_FILE = ".catalogue.key"
KEY_BYTES = 32

@dataclass(frozen=True)
class CachedCatalogue:
    """A catalogue with its ETag and when the platform last confirmed it.

    ``online`` is False when this copy comes from disk because the platform could not be
    asked (``problem`` says why); screens then show "as of <as_of>". ``readings`` are the
    pinyin of its texts that the search index would otherwise ask pypinyin for.
    """

    catalogue: Catalogue
    etag: str | None
    as_of: datetime
    online: bool = True
    problem: str = ""
    readings: Readings = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class StoredCatalogue:
    """What the file holds: the catalogue as read and the platform's document it came from."""

    cached: CachedCatalogue
    document: dict[str, Any]


class SealRejected(ValueError):
    """The file is not one this kiosk wrote (or no longer whole)."""


class CatalogueFile:
    """The sealed catalogue file at ``path``; its key lives in the same directory. The file is
    read once (:meth:`load`) and what was last read or stored is held."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.key_path = path.with_name(KEY_FILE)
        self._held: StoredCatalogue | None = None
        self._read = False

    def load(self) -> StoredCatalogue | None:
        """The stored catalogue (read on the first call); None when there is none, or when the
        file is not one this kiosk wrote whole (then it is deleted, with a log line)."""
        if not self._read:
            self._held = self._load()
            self._read = True
        return self._held

    def _load(self) -> StoredCatalogue | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            stored = json.loads(self._unsealed(raw).decode("utf-8"))
            document = stored["catalogue"]
            readings = {text: tuple(syllables) for text, syllables in stored["readings"].items()}
            cached = CachedCatalogue(
                catalogue_from_json(document),
                stored["etag"],
                datetime.fromisoformat(stored["as_of"]),
                readings=readings,
            )
        except (ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            log.warning("catalogue cache %s is corrupt (%s); discarded", self.path, exc)
            self.path.unlink(missing_ok=True)
            return None
        return StoredCatalogue(cached, document)

    def store(self, stored: StoredCatalogue) -> None:
        """Seal and store ``stored`` atomically (a crash leaves the old or the new file), and
        hold it."""
        cached = stored.cached
        body = json.dumps(
            {
                "etag": cached.etag,
                "as_of": cached.as_of.isoformat(),
                "readings": {text: list(s) for text, s in cached.readings.items()},
                "catalogue": stored.document,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        key = self._read_key() or self._new_key()
        seal = _seal(key, body).encode("ascii")
        atomic_write(self.path, b"%s %d %s\n%s" % (MAGIC, FORMAT, seal, body))
        self._held = stored
        self._read = True

    def _unsealed(self, raw: bytes) -> bytes:
        """The body of a file this kiosk sealed; :class:`SealRejected` for anything else."""
        header, newline, body = raw.partition(b"\n")
        parts = header.split(b" ")
        if not newline or len(parts) != 3 or parts[0] != MAGIC:
            raise SealRejected("not a sealed catalogue file")
        if parts[1] != str(FORMAT).encode("ascii"):
            raise SealRejected(f"format {parts[1]!r}")
        key = self._read_key()
        if key is None:
            raise SealRejected("no seal key")
        if not hmac.compare_digest(parts[2], _seal(key, body).encode("ascii")):
            raise SealRejected("the seal does not match the content")
        return body

    def _read_key(self) -> bytes | None:
        """The seal key, or None when it is missing or damaged."""
        try:
            key = self.key_path.read_bytes()
        except FileNotFoundError:
            return None
        return key if len(key) == KEY_BYTES else None

    def _new_key(self) -> bytes:
        """A fresh random seal key, stored readable by this user only."""
        key = secrets.token_bytes(KEY_BYTES)
        atomic_write(self.key_path, key, mode=0o600)
        return key


def _seal(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def atomic_write(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
