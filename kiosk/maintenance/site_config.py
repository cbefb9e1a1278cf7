"""The terminal's site file: what a technician may change on the spot (terminal id, hall name,
hall phone, platform URL), checked and saved to ``<data_dir>/site.toml``.

The site file is the last configuration layer, read at start (:func:`with_site_file`), so a
change takes effect after a restart. A change is refused unless the whole configuration with
it would load (:func:`kiosk.config.parse`), the URL is ``https://`` and no value is empty.
It is written atomically; the file it replaces is kept as ``site.toml.prev``. Other keys of an
existing site file are kept as they are.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drivers.config import ConfigError
from kiosk.catalogue.cache_file import atomic_write
from kiosk.config import Config, insecure_url_problem, merge, parse

SITE_FILE_NAME = "site.toml"
PREVIOUS_SUFFIX = ".prev"
KEYS = (
    "terminal.terminal_id",
    "terminal.hall_name",
    "terminal.hall_phone",
    "platform.base_url",
)
"""The keys the maintenance screen edits, as ``section.key``."""
FIXED_KEYS = frozenset({"terminal.data_dir"})
"""Keys a site file may not set: it is found through the data directory."""

REQUIRED = "required"
NOT_HTTPS = "not_https"
INVALID = "invalid"
"""Why a value is refused (worded by ``ui.text``)."""

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Saved:
    """The site file was written; ``changed`` names the keys whose value changed."""

    path: Path
    changed: tuple[str, ...]


@dataclass(frozen=True)
class Unchanged:
    """Every value is as configured already; nothing was written."""


@dataclass(frozen=True)
class Refused:
    """Nothing was written: ``problems`` maps a key (or ``""`` for the whole file) to why
    (:data:`REQUIRED`, :data:`NOT_HTTPS`, :data:`INVALID`), ``detail`` says more."""

    problems: Mapping[str, str]
    detail: str = ""


SaveResult = Saved | Unchanged | Refused


def site_file(data_dir: Path) -> Path:
    """Where the site file of the terminal with ``data_dir`` lives."""
    return data_dir / SITE_FILE_NAME


def current_values(config: Config) -> dict[str, str]:
    """The edited keys' values as configured now."""
    return {
        "terminal.terminal_id": config.terminal.terminal_id,
        "terminal.hall_name": config.terminal.hall_name,
        "terminal.hall_phone": config.terminal.hall_phone,
        "platform.base_url": config.platform.base_url,
    }


def saved_values(config: Config) -> dict[str, str]:
    """The edited keys' values as the next start will read them: the site file's where it
    sets them (a site file that cannot be read leaves the running values)."""
    values = current_values(config)
    try:
        layer = read_site(site_file(config.terminal.data_dir))
    except ConfigError:
        return values
    for dotted in KEYS:
        section, key = dotted.split(".")
        table = layer.get(section)
        if isinstance(table, Mapping) and isinstance(table.get(key), str):
            values[dotted] = table[key]
    return values


def read_site(path: Path) -> dict[str, Any]:
    """The site file's tables (empty when there is none); :class:`ConfigError` when it is
    malformed or sets a key it may not."""
    if not path.exists():
        return {}
    try:
        with path.open("rb") as f:
            layer = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error
    for dotted in FIXED_KEYS:
        section, key = dotted.split(".")
        table = layer.get(section)
        if isinstance(table, Mapping) and key in table:
            raise ConfigError(f"{path}: {dotted} may not be set in the site file")
    return layer


def with_site_file(
    config: Config, simulate: bool = False, data_home: Path | None = None
) -> Config:
    """``config`` with the site file of its data directory layered on top (itself when there
    is none); :class:`ConfigError` when the site file is malformed or does not fit."""
    layer = read_site(site_file(config.terminal.data_dir))
    if not layer:
        return config
    return parse(merge(config.raw, layer), simulate=simulate, data_home=data_home)


def _problems(values: Mapping[str, str]) -> dict[str, str]:
    problems = {key: REQUIRED for key in KEYS if not values.get(key, "").strip()}
    url = values.get("platform.base_url", "").strip()
    if url and insecure_url_problem(url) is not None:
        problems["platform.base_url"] = NOT_HTTPS
    return problems


def _layer(values: Mapping[str, str]) -> dict[str, Any]:
    layer: dict[str, Any] = {}
    for dotted in KEYS:
        section, key = dotted.split(".")
        layer.setdefault(section, {})[key] = values[dotted].strip()
    return layer


def save_site(
    values: Mapping[str, str],
    config: Config,
    simulate: bool = False,
    data_home: Path | None = None,
) -> SaveResult:
    """Check ``values`` (one per :data:`KEYS`) against ``config`` and write them to the site
    file of its data directory, keeping the previous file beside it. ``changed`` is against
    :func:`saved_values` (a change saved earlier and not yet in effect counts as made)."""
    problems = _problems(values)
    if problems:
        return Refused(problems)
    before = saved_values(config)
    changed = tuple(key for key in KEYS if values[key].strip() != before[key])
    if not changed:
        return Unchanged()
    path = site_file(config.terminal.data_dir)
    try:
        layer = merge(read_site(path), _layer(values))
        text = render_toml(layer)
        data = text.encode("utf-8")
        if tomllib.loads(text) != layer:
            raise ConfigError("the site file would not read back as written")
        parse(merge(config.raw, layer), simulate=simulate, data_home=data_home)
    except (ConfigError, tomllib.TOMLDecodeError, UnicodeError) as error:
        return Refused({"": INVALID}, str(error))
    try:
        if path.exists():
            atomic_write(path.with_name(path.name + PREVIOUS_SUFFIX), path.read_bytes())
        atomic_write(path, data)
    except OSError as error:
        return Refused({"": INVALID}, f"{type(error).__name__}: {error}")
    return Saved(path, changed)


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else json.dumps(name, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise ConfigError(f"cannot write a {type(value).__name__} to the site file")


def render_toml(table: Mapping[str, Any], prefix: str = "") -> str:
    """``table`` as TOML: plain values first, then each sub-table under its dotted header.
    Values are strings, numbers, booleans and lists of them (what a site file holds);
    anything else is a :class:`ConfigError`."""
    lines = [f"{_key(k)} = {_value(v)}" for k, v in table.items() if not isinstance(v, Mapping)]
    out = "\n".join(lines) + ("\n" if lines else "")
    for name, value in table.items():
        if isinstance(value, Mapping):
            header = f"{prefix}.{_key(name)}" if prefix else _key(name)
            out += f"\n[{header}]\n" + render_toml(value, header)
    return out
