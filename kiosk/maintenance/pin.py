"""The technician PIN: stored only as an Argon2id hash, checked with a durable lockout.

Why argon2-cffi rather than ``hashlib.scrypt``: Argon2id is the current recommendation for
password storage (RFC 9106, OWASP), the library is small and well kept, its encoded string
(``$argon2id$v=19$m=...,t=...,p=...$salt$hash``) carries its own salt and cost parameters so
the config holds one self-describing value, and ``verify`` compares in constant time inside
the reference C implementation. ``hashlib.scrypt`` would need an encoding of our own and
depends on how the system's OpenSSL was built.

MLPS 2.0 (等保) asks for lockout after failed logins: :class:`PinGuard` allows
``max_failures`` wrong PINs, then refuses every attempt, right or wrong and without looking
at it, for ``lockout_s`` seconds. The failure count and the lockout are kept in a small state
file so that pulling the plug does not reset them; a damaged state file fails closed (locked).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kiosk.statefile import DamagedState, read_state, write_state

log = logging.getLogger(__name__)

PIN_PATTERN = re.compile(r"^[0-9]{6,12}$")
"""A technician PIN is 6 to 12 digits (typed on the kiosk's touch keypad)."""

_HASHER = PasswordHasher()  # Argon2id, RFC 9106 low-memory profile (t=3, m=64 MiB, p=4)


class PinFormatError(ValueError):
    """The PIN is not 6 to 12 digits."""


def hash_pin(pin: str, hasher: PasswordHasher = _HASHER) -> str:
    """The encoded Argon2id hash of ``pin`` for ``[maintenance] pin_hash``."""
    if not PIN_PATTERN.match(pin):
        raise PinFormatError("a technician PIN is 6 to 12 digits")
    return hasher.hash(pin)


def pin_matches(encoded: str, pin: str) -> bool:
    """True when ``pin`` matches the encoded hash (constant-time; a malformed hash never
    matches)."""
    try:
        return _HASHER.verify(encoded, pin)
    except VerifyMismatchError:
        return False
    except (InvalidHashError, VerificationError):
        log.error("[maintenance] pin_hash is not a valid Argon2 hash")
        return False


def valid_pin_hash(encoded: str) -> bool:
    """True when ``encoded`` looks like an Argon2 hash string (for config checks)."""
    return encoded.startswith("$argon2") and encoded.count("$") >= 4


@dataclass(frozen=True)
class Granted:
    """The PIN was right; the failure count is cleared."""


@dataclass(frozen=True)
class WrongPin:
    """The PIN was wrong; ``tries_left`` more before the lockout."""

    tries_left: int


@dataclass(frozen=True)
class LockedOut:
    """Too many wrong PINs: no attempt is checked for ``seconds_left`` more seconds."""

    seconds_left: int


@dataclass(frozen=True)
class NoPinSet:
    """This terminal has no ``[maintenance] pin_hash``: maintenance by PIN is disabled."""


PinResult = Granted | WrongPin | LockedOut | NoPinSet


class PinGuard:
    """Checks technician PINs against the configured hash, with a lockout that survives a
    restart (``state_file``, e.g. ``<data_dir>/operations/maintenance-pin.json``).

    ``clock`` is wall-clock seconds (``time.time``): a lockout must outlast a reboot, which a
    monotonic clock does not. A clock set back never lengthens a lockout past ``lockout_s``.
    Thread-safe.
    """

    def __init__(
        self,
        pin_hash: str,
        state_file: Path,
        max_failures: int = 5,
        lockout_s: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._pin_hash = pin_hash
        self._state_file = state_file
        self._max_failures = max_failures
        self._lockout_s = lockout_s
        self._clock = clock
        self._lock = threading.Lock()

    def check(self, pin: str) -> PinResult:
        """Check one attempt; while locked out the PIN is not even looked at."""
        if not self._pin_hash:
            return NoPinSet()
        with self._lock:
            failures, locked_until = self._load()
            now = self._clock()
            if locked_until is not None:
                seconds_left = min(locked_until - now, self._lockout_s)
                if seconds_left > 0:
                    return LockedOut(max(1, round(seconds_left)))
                failures = 0
            if pin_matches(self._pin_hash, pin):
                self._save(0, None)
                return Granted()
            failures += 1
            if failures >= self._max_failures:
                self._save(failures, now + self._lockout_s)
                log.warning("maintenance PIN: %d wrong attempts, locked out", failures)
                return LockedOut(max(1, round(self._lockout_s)))
            self._save(failures, None)
            return WrongPin(self._max_failures - failures)

    def locked_out_for(self) -> int:
        """Seconds the lockout still lasts (0 when attempts are allowed), for the PIN screen."""
        with self._lock:
            _, locked_until = self._load()
        if locked_until is None:
            return 0
        return max(0, round(min(locked_until - self._clock(), self._lockout_s)))

    def _load(self) -> tuple[int, float | None]:
        state = read_state(self._state_file)
        if state is None:
            return 0, None
        if isinstance(state, DamagedState):
            return self._fail_closed(state.reason)
        failures = state.get("failures", 0)
        locked_until = state.get("locked_until")
        if not isinstance(failures, int) or not isinstance(locked_until, int | float | None):
            return self._fail_closed("bad values")
        return failures, locked_until

    def _fail_closed(self, reason: str) -> tuple[int, float]:
        """A damaged state file starts a fresh lockout (written, so that it ends)."""
        log.error("maintenance PIN state %s: %s; locked out", self._state_file, reason)
        locked_until = self._clock() + self._lockout_s
        self._save(self._max_failures, locked_until)
        return self._max_failures, locked_until

    def _save(self, failures: int, locked_until: float | None) -> None:
        write_state(self._state_file, {"failures": failures, "locked_until": locked_until})
