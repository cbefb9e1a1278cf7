"""Typed kiosk configuration from layered TOML files.

``config/default.toml`` is the embedded default (simulated devices, simulated platform on
127.0.0.1). A deployment layers a profile (``config/profiles/hall.toml``,
``config/profiles/bank_branch.toml``) and a site file on top; later files override earlier
ones key by key. ``--simulate`` forces every device to its simulator.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drivers.base import DeviceClass
from drivers.config import ConfigError, DeviceConfig

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = PROJECT_ROOT / "config"
DEFAULT_CONFIG = CONFIG_DIR / "default.toml"


@dataclass(frozen=True)
class TerminalSettings:
    """Who this terminal is and where it stands."""

    terminal_id: str
    hall_name: str
    hall_code: str
    hall_phone: str
    region: str
    data_dir: Path


@dataclass(frozen=True)
class PlatformSettings:
    """How to reach the central platform (``../shared/platform-api.yaml``)."""

    base_url: str
    ca_file: Path | None
    client_cert: Path | None
    client_key: Path | None
    secret_file: Path
    sign_alg: str
    connect_timeout_s: float
    read_timeout_s: float
    total_timeout_s: float
    max_answer_bytes: int
    embedded_simulator: bool


@dataclass(frozen=True)
class SimulationSettings:
    """The loopback-only simulation control API (simulated devices only)."""

    control_port: int


@dataclass(frozen=True)
class Config:
    """The whole kiosk configuration."""

    terminal: TerminalSettings
    platform: PlatformSettings
    simulation: SimulationSettings
    devices: Mapping[DeviceClass, DeviceConfig] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict)


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge two TOML tables: tables merge key by key, anything else is replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"[{name}] must be a table")
    return value


def _require(table: Mapping[str, Any], section: str, key: str, kind: type) -> Any:
    if key not in table:
        raise ConfigError(f"{section}.{key} is missing")
    value = table[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ConfigError(f"{section}.{key}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def _path(value: str, root: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else root / path


def _optional_path(table: Mapping[str, Any], section: str, key: str, root: Path) -> Path | None:
    value = table.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{section}.{key}: expected a path string")
    return _path(value, root)


def parse(raw: Mapping[str, Any], simulate: bool = False, root: Path = PROJECT_ROOT) -> Config:
    """Turn a merged TOML mapping into a :class:`Config`; ``simulate`` forces simulators.

    Relative paths are taken from ``root`` (the project directory); ``platform`` paths that
    are relative are taken from the data directory, where the embedded simulator writes them.
    """
    t = _table(raw, "terminal")
    data_dir = _path(_require(t, "terminal", "data_dir", str), root)
    terminal = TerminalSettings(
        terminal_id=_require(t, "terminal", "terminal_id", str),
        hall_name=_require(t, "terminal", "hall_name", str),
        hall_code=_require(t, "terminal", "hall_code", str),
        hall_phone=_require(t, "terminal", "hall_phone", str),
        region=_require(t, "terminal", "region", str),
        data_dir=data_dir,
    )
    p = _table(raw, "platform")
    platform = PlatformSettings(
        base_url=_require(p, "platform", "base_url", str),
        ca_file=_optional_path(p, "platform", "ca_file", data_dir),
        client_cert=_optional_path(p, "platform", "client_cert", data_dir),
        client_key=_optional_path(p, "platform", "client_key", data_dir),
        secret_file=_path(_require(p, "platform", "secret_file", str), data_dir),
        sign_alg=_require(p, "platform", "sign_alg", str),
        connect_timeout_s=_require(p, "platform", "connect_timeout_s", float),
        read_timeout_s=_require(p, "platform", "read_timeout_s", float),
        total_timeout_s=_require(p, "platform", "total_timeout_s", float),
        max_answer_bytes=_require(p, "platform", "max_answer_bytes", int),
        embedded_simulator=_require(p, "platform", "embedded_simulator", bool),
    )
    s = _table(raw, "simulation")
    simulation = SimulationSettings(control_port=_require(s, "simulation", "control_port", int))
    devices: dict[DeviceClass, DeviceConfig] = {}
    for name, table in _table(raw, "devices").items():
        try:
            device_class = DeviceClass(name)
        except ValueError:
            raise ConfigError(f"[devices.{name}]: unknown device class") from None
        if not isinstance(table, Mapping):
            raise ConfigError(f"[devices.{name}] must be a table")
        options = {k: v for k, v in table.items() if k not in ("driver", "enabled")}
        driver = "simulated" if simulate else _require(table, f"devices.{name}", "driver", str)
        enabled = table.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ConfigError(f"devices.{name}.enabled: expected bool")
        devices[device_class] = DeviceConfig(device_class, driver, options, enabled)
    return Config(terminal, platform, simulation, devices, raw)


def load(paths: Sequence[Path] = (), simulate: bool = False) -> Config:
    """Load ``config/default.toml`` then each of ``paths`` over it, and parse the result."""
    raw: dict[str, Any] = {}
    for path in (DEFAULT_CONFIG, *paths):
        with path.open("rb") as f:
            raw = merge(raw, tomllib.load(f))
    return parse(raw, simulate=simulate)
