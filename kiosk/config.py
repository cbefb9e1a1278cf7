"""Typed kiosk configuration from layered TOML files.

``config/default.toml`` is the embedded default (simulated devices, simulated platform on
127.0.0.1). A deployment layers a profile (``config/profiles/hall.toml``,
``config/profiles/bank_branch.toml``) and a site file on top; later files override earlier
ones key by key. ``--simulate`` runs any of them on the embedded default: every device on its
simulator, the embedded simulated platform, and the simulation's own data directory.

The shipped files are read through ``importlib.resources`` (the ``config`` package), so the
kiosk runs the same from a source checkout and from an installed wheel. Relative data
directories are taken from the data home: ``var/`` in a source checkout, the user's data
directory (``$XDG_DATA_HOME/gov-kiosk``, by default ``~/.local/share/gov-kiosk``) when
installed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from drivers.base import DeviceClass
from drivers.config import ConfigError, DeviceConfig
from kiosk.uptime import RestartPolicy

APP_NAME = "gov-kiosk"
DEFAULT_CONFIG_NAME = "default.toml"
PROFILES_DIR_NAME = "profiles"
PLATFORM_SCHEME = "https"
"""The contract is HTTPS only: requests carry ID numbers and face images."""
HOME_TILES = ("services", "progress", "certificate_print", "reprint", "appointment",
              "evaluation", "elderly_mode")
"""The home screen's tiles; ``[services] home_tiles`` chooses among them, the first is the
primary (办事 in the embedded default)."""
MATTER_CODE = re.compile(r"[0-9A-Z]{10,36}")
"""A matter's implementation code (实施编码), as the contract's ``Matter.code`` pattern."""
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
TEXT_SCALE_MIN, TEXT_SCALE_MAX = 1.0, 1.5
"""``[branding] text_scale``: at least the designed sizes, at most what still fits a 1080 px
wide portrait screen's layouts."""


def shipped_config_dir() -> Path:
    """The directory of the shipped configuration (``default.toml``, ``profiles/``)."""
    directory = files("config")
    if not isinstance(directory, Path):
        raise RuntimeError(f"the kiosk's config files are not on the file system: {directory}")
    return directory


def profiles() -> list[Path]:
    """The shipped deployment profiles, sorted by name."""
    return sorted((shipped_config_dir() / PROFILES_DIR_NAME).glob("*.toml"))


def checkout_root() -> Path | None:
    """The source checkout the kiosk runs from (``pyproject.toml`` beside the packages), or
    None when it is installed."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "pyproject.toml").is_file() else None


def default_data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """Where relative data directories are taken from: ``var/`` in a source checkout, else
    ``$XDG_DATA_HOME/gov-kiosk`` (an unset, empty or relative variable means
    ``~/.local/share``, as the XDG base directory specification says)."""
    root = checkout_root()
    if root is not None:
        return root / "var"
    xdg = Path(environ.get("XDG_DATA_HOME") or "~/.local/share").expanduser()
    if not xdg.is_absolute():
        xdg = Path("~/.local/share").expanduser()
    return xdg / APP_NAME


@dataclass(frozen=True)
class TerminalSettings:
    """Who this terminal is and where it stands."""

    terminal_id: str
    hall_name: str
    hall_code: str
    hall_phone: str
    region: str
    data_dir: Path
    fullscreen: bool = False
    """Full screen, frameless, no way out (terminals); a normal window otherwise."""
    restart: RestartPolicy = field(default_factory=RestartPolicy)
    """When the kiosk restarts itself while idle (``restart_after_h``, ``restart_hours``)."""
    help_window: str = ""
    """Where a citizen the terminal cannot serve is sent (e.g. "综合受理区 1–8 号窗口");
    empty: screens name the hall's phone instead."""
    renderer: str = "software"
    """How Qt Quick draws: ``software`` (its software renderer) or ``opengl`` (the GPU)."""


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
class Branding:
    """How the terminal looks (a bank branch in its own colours, an elderly-friendly text
    size); the header's name and the phone are ``[terminal] hall_name`` and ``hall_phone``."""

    logo: Path | None = None
    """An image shown in the header instead of the 政 mark."""
    primary_color: str = "#1656B8"
    primary_dark_color: str = "#0E3F8C"
    primary_light_color: str = "#E8F0FC"
    text_scale: float = 1.0
    """Every font grows by this factor (适老模式 grows it further)."""


@dataclass(frozen=True)
class ServiceSettings:
    """What this terminal offers: its matters and its home tiles."""

    matters: frozenset[str] = frozenset()
    """Implementation codes of the matters offered; empty: the whole catalogue."""
    home_tiles: tuple[str, ...] = HOME_TILES


@dataclass(frozen=True)
class Config:
    """The whole kiosk configuration."""

    terminal: TerminalSettings
    platform: PlatformSettings
    simulation: SimulationSettings
    devices: Mapping[DeviceClass, DeviceConfig] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict)
    branding: Branding = field(default_factory=Branding)
    services: ServiceSettings = field(default_factory=ServiceSettings)


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


RENDERERS = ("software", "opengl")


def _renderer(table: Mapping[str, Any]) -> str:
    """``[terminal] renderer``: one of :data:`RENDERERS`."""
    renderer: str = _require(table, "terminal", "renderer", str)
    if renderer not in RENDERERS:
        raise ConfigError(f"terminal.renderer: expected one of {', '.join(RENDERERS)}")
    return renderer


def _restart_policy(table: Mapping[str, Any]) -> RestartPolicy:
    """``[terminal] restart_after_h`` (0 = never) and ``restart_hours`` ([] = any hour)."""
    after_h = _require(table, "terminal", "restart_after_h", float)
    if after_h < 0:
        raise ConfigError("terminal.restart_after_h: must be 0 (never) or more hours")
    hours = _require(table, "terminal", "restart_hours", list)
    if not hours:
        return RestartPolicy(after_h, None)
    if len(hours) != 2 or not all(
        isinstance(h, int) and not isinstance(h, bool) and 0 <= h <= 23 for h in hours
    ):
        raise ConfigError(
            "terminal.restart_hours: expected [from, until] local hours 0-23, or [] for any"
        )
    return RestartPolicy(after_h, (hours[0], hours[1]))


def insecure_url_problem(url: str) -> str | None:
    """Why ``url`` may not be the platform's base URL (not ``https://host...``), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" of an IPv6 host
        parts = None
    if parts is None or parts.scheme.lower() != PLATFORM_SCHEME or not parts.netloc:
        return (
            f"must be an https:// URL, not {url!r}: the platform contract is HTTPS only, as "
            "requests carry ID numbers and face images"
        )
    return None


def _base_url(table: Mapping[str, Any]) -> str:
    url: str = _require(table, "platform", "base_url", str)
    problem = insecure_url_problem(url)
    if problem is not None:
        raise ConfigError(f"platform.base_url {problem}")
    return url


def _colour(table: Mapping[str, Any], key: str) -> str:
    value: str = _require(table, "branding", key, str)
    if not COLOUR.fullmatch(value):
        raise ConfigError(f"branding.{key}: expected a colour #RRGGBB, got {value!r}")
    return value


def _branding(table: Mapping[str, Any]) -> Branding:
    """``[branding]``: a relative ``logo`` is taken from the shipped config directory."""
    scale = _require(table, "branding", "text_scale", float)
    if not TEXT_SCALE_MIN <= scale <= TEXT_SCALE_MAX:
        raise ConfigError(
            f"branding.text_scale: expected {TEXT_SCALE_MIN} to {TEXT_SCALE_MAX}, got {scale}"
        )
    return Branding(
        logo=_optional_path(table, "branding", "logo", shipped_config_dir()),
        primary_color=_colour(table, "primary_color"),
        primary_dark_color=_colour(table, "primary_dark_color"),
        primary_light_color=_colour(table, "primary_light_color"),
        text_scale=scale,
    )


def _strings(table: Mapping[str, Any], key: str) -> list[str]:
    values = _require(table, "services", key, list)
    if not all(isinstance(v, str) for v in values):
        raise ConfigError(f"services.{key}: expected a list of strings")
    if len(set(values)) != len(values):
        raise ConfigError(f"services.{key}: lists an entry twice")
    return list(values)


def _services(table: Mapping[str, Any]) -> ServiceSettings:
    """``[services]``: matter codes of the contract's shape, known home tiles (at least one)."""
    matters = _strings(table, "matters")
    bad = [code for code in matters if not MATTER_CODE.fullmatch(code)]
    if bad:
        raise ConfigError(f"services.matters: not implementation codes: {', '.join(bad)}")
    tiles = _strings(table, "home_tiles")
    unknown = [tile for tile in tiles if tile not in HOME_TILES]
    if unknown or not tiles:
        raise ConfigError(
            f"services.home_tiles: expected some of {', '.join(HOME_TILES)}"
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
    return ServiceSettings(frozenset(matters), tuple(tiles))


def embedded_default() -> dict[str, Any]:
    """The shipped ``config/default.toml``."""
    return _read(shipped_config_dir() / DEFAULT_CONFIG_NAME)


def simulated(raw: Mapping[str, Any]) -> dict[str, Any]:
    """``raw`` as ``--simulate`` runs it: the embedded default's platform (the simulated
    platform on 127.0.0.1, started with the kiosk) and the terminal's data directory replaced
    by ``[simulation] data_dir``, so a simulated run needs no deployment files and never
    leaves simulated submissions in a real terminal's outbox. Devices are forced to their
    simulators by :func:`parse`."""
    data_dir = _require(_table(raw, "simulation"), "simulation", "data_dir", str)
    platform = _table(embedded_default(), "platform")
    return merge(raw, {"platform": platform, "terminal": {"data_dir": data_dir}})


def parse(
    raw: Mapping[str, Any], simulate: bool = False, data_home: Path | None = None
) -> Config:
    """Turn a merged TOML mapping into a :class:`Config`; ``simulate`` runs it on the embedded
    default (:func:`simulated`, every device on its simulator).

    A relative ``data_dir`` is taken from ``data_home`` (default :func:`default_data_home`);
    ``platform`` paths that are relative are taken from the data directory, where the embedded
    simulator writes them.
    """
    if simulate:
        raw = simulated(raw)
    home = default_data_home() if data_home is None else data_home
    t = _table(raw, "terminal")
    data_dir = _path(_require(t, "terminal", "data_dir", str), home)
    terminal = TerminalSettings(
        terminal_id=_require(t, "terminal", "terminal_id", str),
        hall_name=_require(t, "terminal", "hall_name", str),
        hall_code=_require(t, "terminal", "hall_code", str),
        hall_phone=_require(t, "terminal", "hall_phone", str),
        region=_require(t, "terminal", "region", str),
        data_dir=data_dir,
        fullscreen=_require(t, "terminal", "fullscreen", bool),
        restart=_restart_policy(t),
        help_window=_require(t, "terminal", "help_window", str),
        renderer=_renderer(t),
    )
    p = _table(raw, "platform")
    platform = PlatformSettings(
        base_url=_base_url(p),
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
    return Config(
        terminal,
        platform,
        simulation,
        devices,
        raw,
        branding=_branding(_table(raw, "branding")),
        services=_services(_table(raw, "services")),
    )


def _read(path: Path) -> dict[str, Any]:
    """One TOML file; an unreadable or malformed one is a :class:`ConfigError` naming it."""
    try:
        with path.open("rb") as f:
            layer = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error
    url = _table(layer, "platform").get("base_url")
    problem = insecure_url_problem(url) if isinstance(url, str) else None
    if problem is not None:
        raise ConfigError(f"{path}: platform.base_url {problem}")
    return layer


def load(
    paths: Sequence[Path] = (), simulate: bool = False, data_home: Path | None = None
) -> Config:
    """Load the shipped ``config/default.toml`` then each of ``paths`` over it, and parse the
    result (see :func:`parse`)."""
    raw = embedded_default()
    for path in paths:
        raw = merge(raw, _read(path))
    return parse(raw, simulate=simulate, data_home=data_home)
