"""A technician's log bundle: the masked log, the audit tail, the device statuses and a
config summary, in one compressed, sealed file of bounded size under ``<data_dir>/exports/``.

The bundle is ``logs-<UTC stamp>.tar.gz`` holding ``manifest.json`` (format, terminal, when,
why, and each member's SHA-256 and size), ``logs.jsonl`` (the newest log lines that fit the
budget, oldest first), ``audit-tail.jsonl``, ``devices.json`` and ``config.json``. It is
written atomically; its own SHA-256 is returned so the caller can write it to the hash-chained
audit log, which seals it: a bundle changed afterwards no longer matches its audit line.

Nothing of a citizen goes in. The log is masked when written, and every line is masked again
here (a line written before masking was in place, or by a handler that bypassed it): ID
numbers, mainland mobile numbers, the values of name fields (``name=…``, ``"card_name": …``)
and the names the caller still knows (a session in progress). The config summary is an allow
list: no secret, key or PIN hash can reach it.

The size bound holds whatever the content: the members are limited to ``max_bytes`` less a
reserve for the archive's headers and compression overhead, and the newest log lines are the
ones kept when the log is longer (``truncated`` says so).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drivers.base import DeviceClass, DeviceStatus
from drivers.id_card.privacy import mask_name
from kiosk.audit.log import log_files as audit_files
from kiosk.catalogue.cache_file import atomic_write
from kiosk.config import Config
from kiosk.export_names import stamped_path
from kiosk.masking import mask_phone, mask_text

FORMAT = "gov-kiosk.log-bundle/1"
EXPORTS_DIR_NAME = "exports"
BUNDLE_PREFIX = "logs-"
BUNDLE_SUFFIX = ".tar.gz"
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
RESERVE_BYTES = 64 * 1024
"""Kept free of members for tar headers, padding and gzip's worst-case growth."""
AUDIT_TAIL_LINES = 500
DEFAULT_KEEP = 5
"""Bundles kept in the exports directory; older ones are removed when a new one is made."""

_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_NAME_FIELD = re.compile(
    r"(?P<key>\b[A-Za-z_]*name)(?P<sep>\\?\"?\s*[=:]\s*\\?\"?)(?P<value>[^\s\"\\,;}\])]+)",
    re.IGNORECASE,
)
NOT_PERSONAL_NAMES = frozenset({
    "hall_name", "matter_name", "file_name", "filename", "hostname", "host_name",
    "device_name", "thread_name", "threadname", "model_name", "job_name", "logger_name",
    "printer_name", "bundle_name",
})
"""Name fields that never hold a person's name (left readable for diagnosis)."""


def mask_line(line: str, names: Iterable[str] = ()) -> str:
    """``line`` with ID numbers, mobile numbers, name fields' values and ``names`` masked."""

    def name_field(match: re.Match[str]) -> str:
        if match["key"].lower() in NOT_PERSONAL_NAMES:
            return match[0]
        return match["key"] + match["sep"] + mask_name(match["value"])

    masked = mask_text(line, names)
    masked = _PHONE.sub(lambda m: mask_phone(m[0]), masked)
    return _NAME_FIELD.sub(name_field, masked)


def config_summary(config: Config) -> dict[str, Any]:
    """What a technician needs to know of the configuration, from an allow list (no secret,
    key, certificate path or PIN hash)."""
    terminal, platform = config.terminal, config.platform
    return {
        "terminal_id": terminal.terminal_id,
        "hall_name": terminal.hall_name,
        "hall_code": terminal.hall_code,
        "region": terminal.region,
        "platform_base_url": platform.base_url,
        "sign_alg": platform.sign_alg,
        "embedded_simulator": platform.embedded_simulator,
        "timeouts_s": [
            platform.connect_timeout_s, platform.read_timeout_s, platform.total_timeout_s
        ],
        "devices": {cls.value: device.driver for cls, device in config.devices.items()},
    }


def device_summary(statuses: Mapping[DeviceClass, DeviceStatus]) -> list[dict[str, str]]:
    """Each device's state, media and detail."""
    return [
        {
            "device_class": cls.value,
            "state": status.state.value,
            "media": status.media.value,
            "detail": status.detail,
        }
        for cls, status in statuses.items()
    ]


@dataclass(frozen=True)
class BundleSources:
    """Where a bundle's content comes from: the JSON log (its rotations ``.1``… beside it),
    the audit directory, the device statuses, the config summary, and the names to hide
    (the session's, when one is in progress)."""

    log_file: Path | None
    audit_dir: Path
    devices: Callable[[], Mapping[DeviceClass, DeviceStatus]]
    config: Mapping[str, Any]
    names: Callable[[], Iterable[str]] = tuple


@dataclass(frozen=True)
class LogBundle:
    """A bundle written: where, how big, its SHA-256, how many log lines it holds and whether
    older lines were left out to keep it within its bound."""

    path: Path
    size: int
    sha256: str
    log_lines: int
    truncated: bool


def _rotations(log_file: Path) -> list[Path]:
    """The log file and its rotations, newest first."""
    found = [log_file] if log_file.is_file() else []
    index = 1
    while (rotated := log_file.with_name(f"{log_file.name}.{index}")).is_file():
        found.append(rotated)
        index += 1
    return found


def _newest_lines(files: Sequence[Path], names: Iterable[str], budget: int) -> tuple[
    list[bytes], bool
]:
    """Masked lines of ``files`` (newest first) fitting ``budget`` bytes, oldest first, and
    whether any line was left out."""
    hidden = tuple(names)
    kept: list[bytes] = []
    used = 0
    for file in files:
        raw = file.read_text(encoding="utf-8", errors="replace").splitlines()
        for line in reversed(raw):
            data = (mask_line(line, hidden) + "\n").encode("utf-8")
            if used + len(data) > budget:
                kept.reverse()
                return kept, True
            kept.append(data)
            used += len(data)
    kept.reverse()
    return kept, False


def _audit_tail(audit_dir: Path, limit_lines: int, budget: int) -> bytes:
    lines: list[str] = []
    for file in reversed(audit_files(audit_dir)):
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines() + lines
        if len(lines) >= limit_lines:
            break
    kept: list[bytes] = []
    used = 0
    for line in reversed(lines[-limit_lines:]):
        data = (mask_line(line) + "\n").encode("utf-8")
        if used + len(data) > budget:
            break
        kept.append(data)
        used += len(data)
    return b"".join(reversed(kept))


def _json(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _archive(members: Sequence[tuple[str, bytes]], moment: float) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=9) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = int(moment)
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def bundles(exports_dir: Path) -> list[Path]:
    """The log bundles in ``exports_dir``, oldest first."""
    if not exports_dir.is_dir():
        return []
    return sorted(
        p for p in exports_dir.iterdir()
        if p.name.startswith(BUNDLE_PREFIX) and p.name.endswith(BUNDLE_SUFFIX)
    )


def write_bundle(
    sources: BundleSources,
    exports_dir: Path,
    terminal_id: str,
    reason: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep: int = DEFAULT_KEEP,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> LogBundle:
    """Write a new bundle (``reason``: a command id, or ``technician``) and remove all but
    the newest ``keep``; :class:`OSError` when the disk refuses, :class:`ValueError` when
    ``max_bytes`` leaves no room for content."""
    budget = max_bytes - RESERVE_BYTES
    if budget <= 0:
        raise ValueError(f"max_bytes {max_bytes} is below the reserve {RESERVE_BYTES}")
    moment = now()
    devices = _json(device_summary(sources.devices()))
    config = _json(sources.config)
    audit = _audit_tail(sources.audit_dir, AUDIT_TAIL_LINES, budget // 4)
    left = budget - len(devices) - len(config) - len(audit)
    log_paths = _rotations(sources.log_file) if sources.log_file is not None else []
    lines, truncated = _newest_lines(log_paths, sources.names(), max(0, left))
    logs = b"".join(lines)
    members = [
        ("logs.jsonl", logs),
        ("audit-tail.jsonl", audit),
        ("devices.json", devices),
        ("config.json", config),
    ]
    manifest = {
        "format": FORMAT,
        "terminal_id": terminal_id,
        "created_at": moment.astimezone(UTC).isoformat(),
        "reason": reason,
        "log_lines": len(lines),
        "truncated": truncated,
        "files": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in members
        },
    }
    archive = _archive([("manifest.json", _json(manifest)), *members], time.time())
    path = stamped_path(exports_dir, BUNDLE_PREFIX, BUNDLE_SUFFIX, moment)
    atomic_write(path, archive)
    for old in bundles(exports_dir)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return LogBundle(
        path, len(archive), hashlib.sha256(archive).hexdigest(), len(lines), truncated
    )
