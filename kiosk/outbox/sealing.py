"""Encryption at rest of the outbox's personal data (AES-256-GCM).

The key lives in its own file, created once with mode 0600 and published atomically (written
and fsynced under a temporary name, then hard-linked into place, so that two processes
starting together agree on one key and no reader ever sees a half-written key). Every record
gets a fresh 96-bit nonce, and its record id is the associated data, so a sealed payload
cannot be moved to another record undetected. ``cryptography`` (some 50 ms of imports) loads
with the first seal or open, so opening the store before home's first frame does not pay it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
AES_KEY_BYTES = frozenset({16, 24, 32})
NONCE_BYTES = 12


def load_or_create_key(path: Path) -> bytes:
    """The key in ``path``, created (0600, atomically) when the file does not exist yet."""
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = _create_key(path)
    if len(key) != KEY_BYTES:
        raise ValueError(f"{path}: not a {KEY_BYTES}-byte key")
    return key


def _create_key(path: Path) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, AESGCM.generate_key(bit_length=KEY_BYTES * 8))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temp, path)
    except FileExistsError:
        pass  # another process published its key first; use that one
    finally:
        temp.unlink()
    _fsync_dir(path.parent)
    return path.read_bytes()


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Sealer:
    """Seals and opens payloads with AES-GCM, bound to their record id."""

    def __init__(self, key: bytes) -> None:
        if len(key) not in AES_KEY_BYTES:  # what AESGCM would refuse, refused at once
            raise ValueError("AESGCM key must be 128, 192, or 256 bits.")
        self._key = key
        self._aead: AESGCM | None = None

    def _cipher(self) -> AESGCM:
        """The AES-GCM cipher, built on first use (two threads racing build equal ones)."""
        if self._aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._aead = AESGCM(self._key)
        return self._aead

    def seal(self, record_id: str, plaintext: bytes) -> bytes:
        """``nonce || ciphertext+tag`` of ``plaintext``, bound to ``record_id``."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        return nonce + self._cipher().encrypt(nonce, plaintext, record_id.encode("utf-8"))

    def open(self, record_id: str, sealed: bytes) -> bytes:
        """The plaintext; ``cryptography.exceptions.InvalidTag`` if tampered or misplaced."""
        nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
        return self._cipher().decrypt(nonce, ciphertext, record_id.encode("utf-8"))
