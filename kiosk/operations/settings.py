"""The operations tables of the config: ``[maintenance]``, ``[operations]``, ``[telemetry]``
and ``[audit]`` (defaults in ``config/default.toml``), parsed from ``Config.raw``.

State files of these services live in ``<data_dir>/operations/``; the audit directory and
the log file are relative to ``data_dir`` unless absolute.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drivers.config import ConfigError
from kiosk.maintenance.pin import valid_pin_hash
from kiosk.telemetry.exporter import ListenAddress, parse_listen


@dataclass(frozen=True)
class MaintenanceSettings:
    """``[maintenance]``: the technician PIN's hash ("" = no maintenance by PIN), lockout
    and idle timeout."""

    pin_hash: str
    max_failures: int
    lockout_s: float
    idle_timeout_s: float


@dataclass(frozen=True)
class TelemetrySettings:
    """``[telemetry]``: the metrics exporter's address (None = off) and the JSON log file
    (None = none)."""

    metrics_listen: ListenAddress | None
    log_file: Path | None
    log_max_bytes: int
    log_backups: int


@dataclass(frozen=True)
class OpsSettings:
    """Everything the operations services need from the config."""

    maintenance: MaintenanceSettings
    heartbeat_interval_s: float
    telemetry: TelemetrySettings
    audit_dir: Path
    audit_max_bytes: int
    state_dir: Path


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = raw.get(name, {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"[{name}] must be a table")
    return table


def _value(table: Mapping[str, Any], where: str, kind: type) -> Any:
    key = where.split(".", 1)[1]
    if key not in table:
        raise ConfigError(f"{where} is missing")
    value = table[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ConfigError(f"{where}: expected {kind.__name__}, got {type(value).__name__}")
    if isinstance(value, int | float) and value <= 0:
        raise ConfigError(f"{where}: must be more than 0")
    return value


def _path(value: str, data_dir: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else data_dir / path


def parse_ops(raw: Mapping[str, Any], data_dir: Path) -> OpsSettings:
    """The operations settings of a merged config (``Config.raw``); a bad value is a
    :class:`ConfigError` naming the key."""
    m = _table(raw, "maintenance")
    pin_hash = _value(m, "maintenance.pin_hash", str)
    if pin_hash and not valid_pin_hash(pin_hash):
        raise ConfigError(
            "maintenance.pin_hash: not an Argon2 hash; make one with "
            "`python -m kiosk.maintenance hash-pin`"
        )
    maintenance = MaintenanceSettings(
        pin_hash=pin_hash,
        max_failures=_value(m, "maintenance.max_failures", int),
        lockout_s=_value(m, "maintenance.lockout_s", float),
        idle_timeout_s=_value(m, "maintenance.idle_timeout_s", float),
    )
    o = _table(raw, "operations")
    t = _table(raw, "telemetry")
    log_file = _value(t, "telemetry.log_file", str)
    telemetry = TelemetrySettings(
        metrics_listen=parse_listen(_value(t, "telemetry.metrics_listen", str)),
        log_file=_path(log_file, data_dir) if log_file else None,
        log_max_bytes=_value(t, "telemetry.log_max_bytes", int),
        log_backups=_value(t, "telemetry.log_backups", int),
    )
    a = _table(raw, "audit")
    return OpsSettings(
        maintenance=maintenance,
        heartbeat_interval_s=_value(o, "operations.heartbeat_interval_s", float),
        telemetry=telemetry,
        audit_dir=_path(_value(a, "audit.dir", str), data_dir),
        audit_max_bytes=_value(a, "audit.max_bytes", int),
        state_dir=data_dir / "operations",
    )
